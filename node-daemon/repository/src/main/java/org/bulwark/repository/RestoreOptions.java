package org.bulwark.repository;

/**
 * How to restore.
 *
 * @param path     restore only this path of the catalog (and below), null for everything
 * @param sparse   leave zero runs as holes instead of writing zeros
 * @param progress progress receiver
 */
public record RestoreOptions(String path, boolean sparse, ProgressListener progress) {
    public RestoreOptions {
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public static RestoreOptions defaults() {
        return new RestoreOptions(null, false, null);
    }
}
