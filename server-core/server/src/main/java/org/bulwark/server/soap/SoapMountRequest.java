package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.MountRequest;

/**
 * {@link MountRequest} for SOAP: an empty {@code disk} mounts the first disk; {@code passphrase} opens a
 * restore point backed up on demand with a typed passphrase (never logged nor stored with the mount).
 */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapMountRequest {
    public String restorePointId;
    public String disk;
    public String passphrase;

    @Override
    public String toString() {
        return "SoapMountRequest[restorePointId=" + restorePointId + ", disk=" + disk + ", passphrase="
                + (passphrase == null ? null : "***") + "]";
    }
}
