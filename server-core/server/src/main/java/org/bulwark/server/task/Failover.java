package org.bulwark.server.task;

import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.fleet.NodeRegistry;

/** Chooses where a running task goes when its node stayed offline past the grace period. */
public interface Failover {

    /** Nothing fails over: every orphaned task fails. */
    Failover NONE = (task, lost) -> Optional.empty();

    /** The node to run {@code task} again from the start, or empty to let it fail. */
    Optional<UUID> replacement(StoredTask task, NodeRegistry.Status lost);
}
