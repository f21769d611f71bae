package org.bulwark.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's configuration, read from one Java properties file ({@code --config FILE}).
 * Every key and its default is documented in {@code docs/configuration.md}; unknown keys are
 * refused so that a typo does not silently fall back to a default.
 *
 * @param dbPort port of the embedded MariaDB, {@code 0} for a free one
 * @param adminInitialPassword password of the first {@code admin}, or empty for a random one
 */
public record ServerConfig(Path dataDir, String httpHost, int httpPort, Optional<Path> tlsKeystore,
                           String tlsPassword, DbMode dbMode, String dbUrl, String dbUser, String dbPassword,
                           int dbPort, Duration sessionTtl, Optional<String> adminInitialPassword,
                           Duration nodeHeartbeat, Duration nodeGrace) {

    /** Where the database lives. */
    public enum DbMode { EMBEDDED, EXTERNAL }

    /** Environment variable that sets {@code admin.initial-password} when the file does not. */
    public static final String ADMIN_PASSWORD_ENV = "BULWARK_ADMIN_PASSWORD";

    static final Set<String> KEYS = Set.of("data.dir", "http.host", "http.port", "tls.keystore", "tls.password",
            "db.mode", "db.url", "db.user", "db.password", "db.port", "session.ttl", "admin.initial-password",
            "node.heartbeat", "node.grace");

    /** Reads a properties file (UTF-8); relative {@code data.dir} and keystore paths resolve against its folder. */
    public static ServerConfig load(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration " + file + ": " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return from(properties, base, environment);
    }

    /** Builds the configuration from properties; paths resolve against {@code base}. */
    public static ServerConfig from(Properties properties, Path base, Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new ConfigException("Unknown configuration keys: " + unknown);
        }
        Values v = new Values(properties);
        Path dataDir = base.resolve(v.string("data.dir", "data")).normalize();
        Optional<Path> keystore = v.optional("tls.keystore").map(base::resolve);
        String tlsPassword = v.string("tls.password", "");
        if (keystore.isPresent() && tlsPassword.isEmpty()) {
            throw new ConfigException("tls.keystore is set but tls.password is empty");
        }
        DbMode mode = switch (v.string("db.mode", "embedded")) {
            case "embedded" -> DbMode.EMBEDDED;
            case "external" -> DbMode.EXTERNAL;
            default -> throw new ConfigException("db.mode must be embedded or external");
        };
        String dbUrl = v.string("db.url", "");
        if (mode == DbMode.EXTERNAL && dbUrl.isEmpty()) {
            throw new ConfigException("db.mode=external needs db.url");
        }
        Optional<String> adminPassword = v.optional("admin.initial-password")
                .or(() -> Optional.ofNullable(environment.get(ADMIN_PASSWORD_ENV)).filter(s -> !s.isEmpty()));
        return new ServerConfig(dataDir, v.string("http.host", "127.0.0.1"), v.port("http.port", 8080), keystore,
                tlsPassword, mode, dbUrl, v.string("db.user", "bulwark"), v.string("db.password", ""),
                v.port("db.port", 0), v.duration("session.ttl", "PT8H"), adminPassword,
                v.duration("node.heartbeat", "PT10S"), v.duration("node.grace", "PT5M"));
    }

    /** Whether HTTPS is on. */
    public boolean tls() {
        return tlsKeystore.isPresent();
    }

    @Override
    public String toString() {
        return "ServerConfig[dataDir=" + dataDir + ", http=" + httpHost + ":" + httpPort + ", tls=" + tls()
                + ", db=" + dbMode + (dbMode == DbMode.EXTERNAL ? " " + dbUrl + " as " + dbUser : " port " + dbPort)
                + ", sessionTtl=" + sessionTtl + ", nodeHeartbeat=" + nodeHeartbeat + ", nodeGrace=" + nodeGrace + "]";
    }

    private record Values(Properties properties) {
        Optional<String> optional(String key) {
            return Optional.ofNullable(properties.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
        }

        String string(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        int port(String key, int fallback) {
            String text = string(key, Integer.toString(fallback));
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new ConfigException(key + " must be a port between 0 and 65535, not " + text);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be a number, not " + text);
            }
        }

        Duration duration(String key, String fallback) {
            String text = string(key, fallback);
            try {
                Duration duration = Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new ConfigException(key + " must be positive, not " + text);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new ConfigException(key + " must be an ISO-8601 duration such as PT8H or PT30S, not " + text);
            }
        }
    }
}
