package org.bulwark.server.logging;

import java.util.logging.LogManager;

/**
 * The JDK's log manager, except that its own shutdown hook does not close the handlers: what
 * the server logs while it stops on SIGTERM (in its shutdown hook) still gets written.
 * Installed through {@code java.util.logging.manager} by {@link Logging#useShutdownSafeManager()}.
 */
public final class ShutdownSafeLogManager extends LogManager {

    /** Ignored: handlers stay open until the JVM ends (they flush every record). */
    @Override
    public void reset() {
    }

    /** The real reset, for {@link Logging#configure()}. */
    void resetNow() {
        super.reset();
    }
}
