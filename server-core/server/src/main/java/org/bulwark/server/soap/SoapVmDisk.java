package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.VmDisk;

/** {@link VmDisk} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapVmDisk {
    public String target;
    public String path;
    public String format;
    public long virtualSize;
}
