package org.bulwark.server.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sets up logging: every library logs through slf4j (bridged to {@code java.util.logging}) or
 * JUL directly, and one handler writes JSON lines to standard error. The JDK's own logging
 * needs no extra framework; a file {@code -Djava.util.logging.config.file} still overrides it.
 */
public final class Logging {
    /** Libraries that are chatty at INFO (start-up banners, per-request details). */
    private static final List<String> QUIET = List.of("org.eclipse.jetty", "org.apache.cxf", "org.flywaydb",
            "ch.vorburger", "org.eclipse.persistence");
    /** JUL keeps loggers weakly: hold the configured ones so their levels stay. */
    private static final List<Logger> KEPT = new CopyOnWriteArrayList<>();

    private Logging() {
    }

    /**
     * Asks for {@link ShutdownSafeLogManager}; effective only before the first logger exists, so
     * the main class calls it first thing.
     */
    public static void useShutdownSafeManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
    }

    /** Installs the JSON line handler on the root logger unless a JUL configuration file is given. */
    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        if (LogManager.getLogManager() instanceof ShutdownSafeLogManager manager) {
            manager.resetNow();
        } else {
            LogManager.getLogManager().reset();
        }
        Logger root = Logger.getLogger("");
        Handler handler = new StreamHandler(System.err, new JsonLineFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        for (String name : QUIET) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            KEPT.add(logger);
        }
    }
}
