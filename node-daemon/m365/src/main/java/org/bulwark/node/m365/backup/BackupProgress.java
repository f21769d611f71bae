package org.bulwark.node.m365.backup;

/** Receives the progress of a tenant backup; called from worker threads, so keep it cheap and thread-safe. */
@FunctionalInterface
public interface BackupProgress {

    BackupProgress NONE = (service, items, bytes) -> { };

    /**
     * @param service what is being backed up ("mail", "files", "teams")
     * @param items   items stored or checked so far in this run
     * @param bytes   content bytes downloaded so far in this run
     */
    void update(String service, long items, long bytes);
}
