package org.bulwark.console.restore.model;

/** What to do when a download would land on a file or folder that exists already. */
public enum Conflict {
    /** Write the download beside it, as {@code name (1).ext}. */
    KEEP_BOTH,
    /** Leave what exists and do not write the download. */
    SKIP,
    /** Replace what exists (a folder: replace the files the download carries). */
    OVERWRITE
}
