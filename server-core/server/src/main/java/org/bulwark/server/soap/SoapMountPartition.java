package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.MountPartition;

/** {@link MountPartition} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapMountPartition {
    public int number;
    public String scheme;
    public String type;
    public String name;
    public long offset;
    public long length;
    public String fileSystem;
}
