package org.bulwark.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.bulwark.api.Role;
import org.bulwark.api.Session;

/**
 * The saved session of {@code bulwark login}: server URL and bearer token in {@code session}
 * of the configuration folder ({@code BULWARK_CONFIG_DIR}, else {@code ~/.config/bulwark}),
 * readable by its owner only (0600, folder 0700).
 */
public final class SessionStore {
    /** Environment variable that overrides the configuration folder. */
    public static final String CONFIG_DIR = "BULWARK_CONFIG_DIR";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    /** A saved session. */
    public record Saved(URI server, Session session) {
    }

    public SessionStore(Path folder) {
        this.file = folder.resolve("session");
    }

    /** The store of a terminal's user. */
    public static SessionStore of(Terminal terminal) {
        String folder = terminal.env(CONFIG_DIR);
        return new SessionStore(folder != null ? Path.of(folder) : terminal.home().resolve(".config").resolve("bulwark"));
    }

    public Path file() {
        return file;
    }

    /** Saves a session, replacing the previous one atomically; the file is never readable by others. */
    public void save(URI server, Session session) {
        Properties properties = new Properties();
        properties.setProperty("server", server.toString());
        properties.setProperty("token", session.token());
        properties.setProperty("username", session.username());
        properties.setProperty("role", session.role().name());
        properties.setProperty("expiresAt", session.expiresAt().toString());
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            }
            Path temporary = Files.createTempFile(folder, "session", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE));
            try {
                StringWriter text = new StringWriter();
                properties.store(text, "bulwark session: keep private");
                Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Cannot save the session in " + file + ": " + e.getMessage());
        }
    }

    /** The saved session, if any. */
    public Optional<Saved> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new Saved(URI.create(properties.getProperty("server")),
                    new Session(properties.getProperty("token"), properties.getProperty("username"),
                            Role.valueOf(properties.getProperty("role")), Instant.parse(properties.getProperty("expiresAt")))));
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCode.NOT_AUTHENTICATED, "The saved session " + file + " cannot be read (" + e.getMessage()
                    + "); run bulwark login");
        }
    }

    /** Forgets the saved session; whether there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Cannot remove the session " + file + ": " + e.getMessage());
        }
    }
}
