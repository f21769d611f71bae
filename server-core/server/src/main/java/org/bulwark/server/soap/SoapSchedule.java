package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Schedule;

/** {@link Schedule} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapSchedule {
    public String expression;
    public String nextRun;
}
