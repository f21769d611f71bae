package org.bulwark.repository.destination;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Where a repository lives: a flat namespace of named, immutable objects ("data/ab/ab12…",
 * "backups/…"). Names use '/' as separator. The local/NFS implementation is
 * {@link LocalDestination}; an S3-compatible store maps each name to an object key.
 * <p>
 * Objects are written once: {@link #writeOnce} is atomic (a reader sees the whole object or
 * nothing) and durable once {@link #flush} returns. Only lock files are ever overwritten.
 */
public interface Destination extends Closeable {

    /** Reads a whole object; {@link java.nio.file.NoSuchFileException} when it does not exist. */
    byte[] read(String name) throws IOException;

    /**
     * Stores an object atomically unless an object of that name exists already.
     *
     * @return false when the name existed (nothing was written)
     */
    boolean writeOnce(String name, byte[] data, int offset, int length) throws IOException;

    /** Replaces an object atomically (lock files only). */
    void overwrite(String name, byte[] data) throws IOException;

    /** Names of all objects under a folder prefix ("data"), recursively, without temporaries. */
    List<String> list(String prefix) throws IOException;

    /** Names of leftover temporaries of interrupted writes under a prefix. */
    List<String> listTemporaries(String prefix) throws IOException;

    boolean exists(String name) throws IOException;

    long size(String name) throws IOException;

    Instant lastModified(String name) throws IOException;

    /** Deletes an object; no error when it is gone already. */
    void delete(String name) throws IOException;

    /** Moves an object to a new name atomically (used by the recycle bin). */
    void move(String from, String to) throws IOException;

    /** Makes every write and move done so far durable (directory entries included). */
    void flush() throws IOException;

    /** Human-readable location, for messages. */
    String describe();
}
