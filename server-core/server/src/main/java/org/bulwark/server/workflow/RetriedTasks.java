package org.bulwark.server.workflow;

import java.util.UUID;
import java.util.function.BiConsumer;
import org.bulwark.api.Task;

/**
 * Carries a retried task's workflow over to its retry: the new task gets the old one's link, so
 * its outcome is applied as the old one's would have been (a retried BACKUP records its restore
 * point, a retried RESTORE queues its IMPORT). A scheduled backup's time window is not carried
 * over: an operator asked for the retry now.
 */
public final class RetriedTasks implements BiConsumer<UUID, Task> {
    private final TaskLinkStore links;

    public RetriedTasks(TaskLinkStore links) {
        this.links = links;
    }

    @Override
    public void accept(UUID retried, Task retry) {
        links.find(retried).ifPresent(link -> links.insert(new TaskLink(retry.id(), link.purpose(), link.subjectId(),
                link.policyId(), link.destination(), link.next(), link.nextParameters())));
    }
}
