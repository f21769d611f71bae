package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.MountEntry;

/** {@link MountEntry} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapMountEntry {
    public String name;
    public String path;
    public String type;
    public long size;
    public String modified;
    public int mode;
    public String linkTarget;
}
