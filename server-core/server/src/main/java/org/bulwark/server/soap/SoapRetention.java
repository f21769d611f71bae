package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Retention;

/** {@link Retention} for SOAP; GFS counts left out are 0 (off). */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapRetention {
    public int keepLast;
    public int keepDays;
    public int keepDaily;
    public int keepWeekly;
    public int keepMonthly;
    public int keepYearly;
}
