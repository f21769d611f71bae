package org.bulwark.server.workflow;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Links of tasks to their workflow (a port; the JPA adapter implements it). */
public interface TaskLinkStore {

    void insert(TaskLink link);

    /** The link of a task, applied or not. */
    Optional<TaskLink> find(UUID taskId);

    /** Links whose outcome has not been applied yet, oldest first. */
    List<TaskLink> pending();

    /** Marks a link applied; {@code false} if it was already (another round got there first). */
    boolean markApplied(UUID taskId);
}
