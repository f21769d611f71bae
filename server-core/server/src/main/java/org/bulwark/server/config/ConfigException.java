package org.bulwark.server.config;

/** The configuration is missing, unreadable or has an invalid value; the server refuses to start. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
