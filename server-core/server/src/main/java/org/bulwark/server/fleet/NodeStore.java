package org.bulwark.server.fleet;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where enrolled nodes are kept (a port; the JPA adapter implements it). */
public interface NodeStore {

    /** Nodes ordered by name. */
    List<EnrolledNode> list();

    Optional<EnrolledNode> find(UUID id);

    /** Whether a node has this name or this SSH endpoint already. */
    boolean exists(String name, String host, int sshPort);

    /** Adds a node; returns {@code false} when its name or endpoint is taken. */
    boolean insert(EnrolledNode node);

    boolean delete(UUID id);
}
