package org.bulwark.repository;

/** Receives progress of long operations; called from the working thread, so keep it cheap. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done ("backup", "restore", "verify", "prune")
     * @param done  bytes (or objects) done so far
     * @param total expected total, -1 when unknown
     */
    void update(String phase, long done, long total);
}
