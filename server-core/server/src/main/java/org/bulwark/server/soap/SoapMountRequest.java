package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.MountRequest;

/** {@link MountRequest} for SOAP: an empty {@code disk} mounts the first disk. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapMountRequest {
    public String restorePointId;
    public String disk;
}
