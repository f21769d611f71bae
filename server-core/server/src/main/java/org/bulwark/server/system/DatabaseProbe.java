package org.bulwark.server.system;

import java.util.Optional;

/** Asks the database whether it answers (a port; the JPA adapter implements it). */
public interface DatabaseProbe {

    /** The database's version string, or empty when it does not answer. */
    Optional<String> version();
}
