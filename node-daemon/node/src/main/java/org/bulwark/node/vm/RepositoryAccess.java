package org.bulwark.node.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryException;
import org.bulwark.repository.destination.LocalDestination;

/**
 * Where a task finds its repository: the {@code destination} folder and the secret that opens it,
 * given as {@code passphrase} or, so that it never travels in the task, as {@code passphraseFile}
 * (a file on the node holding it). The secret is never logged; {@link #toString()} masks it.
 */
public record RepositoryAccess(Path destination, String passphrase, Path passphraseFile) {

    public static RepositoryAccess of(Parameters parameters) {
        String passphrase = parameters.optional("passphrase", null);
        Path file = parameters.optional("passphraseFile", null) == null ? null : parameters.path("passphraseFile");
        if (passphrase != null && file != null) {
            throw new IllegalArgumentException("give either passphrase or passphraseFile, not both");
        }
        return new RepositoryAccess(parameters.path("destination"), passphrase, file);
    }

    /** Opens the repository at the destination; {@code create} makes one (encrypted) where there is none yet. */
    public Repository open(boolean create) throws IOException {
        char[] secret = secret();
        try {
            if (create && !hasRepository()) {
                return init(secret);
            }
            if (!Files.isDirectory(destination)) {
                throw new RepositoryException("no repository at " + destination + ": the folder does not exist");
            }
            return Repository.open(new LocalDestination(destination), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Fails with a clear message unless a file can be created in the destination folder. */
    void requireWritable() throws IOException {
        try {
            Files.delete(Files.createTempFile(destination, ".bulwark-probe-", ""));
        } catch (IOException e) {
            throw new RepositoryException("destination " + destination + " is not writable: " + e, e);
        }
    }

    private boolean hasRepository() throws IOException {
        if (!Files.isDirectory(destination)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(destination)) {
            return entries.findAny().isPresent();
        }
    }

    private Repository init(char[] secret) throws IOException {
        try {
            Files.createDirectories(destination);
        } catch (IOException e) {
            throw new RepositoryException("destination " + destination + " is not writable: " + e, e);
        }
        requireWritable();
        if (secret.length == 0) {
            throw new RepositoryException("no repository at " + destination
                    + " yet: a passphrase (or passphraseFile) is needed to create an encrypted one");
        }
        return Repository.init(new LocalDestination(destination), InitOptions.defaults(), secret);
    }

    private char[] secret() throws IOException {
        if (passphraseFile != null) {
            String text;
            try {
                text = Files.readString(passphraseFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RepositoryException("cannot read the passphrase file " + passphraseFile + ": " + e, e);
            }
            return text.strip().toCharArray();
        }
        return passphrase == null ? new char[0] : passphrase.toCharArray();
    }

    @Override
    public String toString() {
        return "RepositoryAccess[destination=" + destination + ", passphrase=" + (passphrase == null ? "none" : "***")
                + ", passphraseFile=" + passphraseFile + "]";
    }
}
