package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Retention;

/** {@link Retention} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapRetention {
    public int keepLast;
    public int keepDays;
}
