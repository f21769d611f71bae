package org.bulwark.server.user;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hands out the random one-time password of the first administrator: printed once to
 * standard output and kept in a file readable only by the server's user (mode 0600) until
 * the password is changed.
 */
public final class InitialAdminPassword {
    private final Path file;
    private final PrintStream out;

    public InitialAdminPassword(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
    }

    void publish(String username, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        out.println("Initial password of user '" + username + "': " + password
                + "  (also in " + file + " until it is changed)");
        out.flush();
    }

    void withdraw() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
