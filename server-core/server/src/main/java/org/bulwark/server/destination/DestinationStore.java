package org.bulwark.server.destination;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where destinations are registered (a port; the JPA adapter implements it). */
public interface DestinationStore {

    void insert(StoredDestination destination);

    Optional<StoredDestination> find(UUID id);

    /** Every destination, by name. */
    List<StoredDestination> list();

    /** Forgets a destination; {@code false} if there was none with that id. */
    boolean delete(UUID id);
}
