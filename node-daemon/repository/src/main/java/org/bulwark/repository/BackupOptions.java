package org.bulwark.repository;

import java.util.List;

/**
 * How to take a backup.
 *
 * @param label    what the backup protects; retention and "latest parent" group by it (null: the source name)
 * @param parent   id (or unique prefix) of the parent backup, "latest" for the newest one with this label, or null
 * @param changed  for disk images with a parent: the changed extents; only they are read. Null: read everything
 * @param rescan   for trees: read every file even when size and modification time match the parent
 * @param progress progress receiver
 */
public record BackupOptions(String label, String parent, List<Extent> changed, boolean rescan, ProgressListener progress) {

    public BackupOptions {
        changed = changed == null ? null : List.copyOf(changed);
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** Plain options: label only, no parent. */
    public static BackupOptions labelled(String label) {
        return new BackupOptions(label, null, null, false, null);
    }

    public BackupOptions withParent(String parentId) {
        return new BackupOptions(label, parentId, changed, rescan, progress);
    }

    public BackupOptions withChanged(List<Extent> extents) {
        return new BackupOptions(label, parent, extents, rescan, progress);
    }

    public BackupOptions withProgress(ProgressListener listener) {
        return new BackupOptions(label, parent, changed, rescan, listener);
    }
}
