package org.bulwark.server.mount;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.Mount;

/** Where open mounts are recorded (a port; the JPA adapter implements it). */
public interface MountStore {

    void insert(Mount mount);

    Optional<Mount> find(UUID id);

    /** Open mounts, newest first. */
    List<Mount> list();

    /** Forgets a mount; an unknown id changes nothing. */
    void delete(UUID id);
}
