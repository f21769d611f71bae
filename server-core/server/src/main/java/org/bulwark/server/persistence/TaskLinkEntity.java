package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.bulwark.api.TaskType;
import org.bulwark.server.workflow.TaskLink;

/** Row of {@code task_links}; the next task's parameters are a JSON object. */
@Entity
@Table(name = "task_links")
class TaskLinkEntity {
    @Id
    @Column(name = "task_id")
    String taskId;
    String purpose;
    @Column(name = "subject_id")
    String subjectId;
    @Column(name = "policy_id")
    String policyId;
    String destination;
    @Column(name = "next_type")
    String nextType;
    @Column(name = "next_parameters")
    String nextParameters;
    boolean applied;
    @Column(name = "not_after")
    Instant notAfter;
    @Column(name = "window_text")
    String window;

    TaskLinkEntity() {
    }

    TaskLinkEntity(TaskLink link, TaskParameterColumn parameters) {
        taskId = link.taskId().toString();
        purpose = link.purpose().name();
        subjectId = link.subjectId().toString();
        policyId = link.policyId() == null ? null : link.policyId().toString();
        destination = link.destination();
        nextType = link.next() == null ? null : link.next().name();
        nextParameters = link.nextParameters().isEmpty() ? null : parameters.write(taskId, link.nextParameters());
        notAfter = link.notAfter();
        window = link.window();
    }

    TaskLink toLink(TaskParameterColumn parameters) {
        return new TaskLink(UUID.fromString(taskId), TaskLink.Purpose.valueOf(purpose), UUID.fromString(subjectId),
                policyId == null ? null : UUID.fromString(policyId), destination,
                nextType == null ? null : TaskType.valueOf(nextType),
                nextParameters == null ? null : parameters.read(taskId, nextParameters), notAfter, window);
    }
}
