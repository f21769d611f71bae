package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.HypervisorRequest;

/** {@link HypervisorRequest} for SOAP: name, node id, libvirt URI ({@code qemu:///system} when empty). */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapHypervisorRequest {
    public String name;
    public String nodeId;
    public String uri;
}
