package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.TaskLogEntry;

/** {@link TaskLogEntry} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapTaskLogEntry {
    public String time;
    public String level;
    public String message;
}
