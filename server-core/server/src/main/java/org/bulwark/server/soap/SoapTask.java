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

    public SoapTask() {
    }

    SoapTask(Task task) {
        id = SoapTypes.text(task.id());
        type = task.type().name();
        state = task.state().name();
        progress = task.progress();
        message = task.message();
        nodeId = SoapTypes.text(task.nodeId());
        nodeName = task.nodeName();
        owner = task.owner();
        createdAt = SoapTypes.text(task.createdAt());
        startedAt = SoapTypes.text(task.startedAt());
        finishedAt = SoapTypes.text(task.finishedAt());
        result = task.result();
    }
}
