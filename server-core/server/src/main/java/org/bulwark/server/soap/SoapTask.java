package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Task;

/** {@link Task} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapTask {
    public String id;
    public String type;
    public String state;
    public int progress;
    public String message;
    public String nodeId;
    public String nodeName;
    public String owner;
    public String createdAt;
    public String startedAt;
    public String finishedAt;
    public String result;
}
