package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Hypervisor;

/** {@link Hypervisor} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapHypervisor {
    public String id;
    public String name;
    public String nodeId;
    public String uri;
    public String lastSyncAt;
    public String lastSyncMessage;
}
