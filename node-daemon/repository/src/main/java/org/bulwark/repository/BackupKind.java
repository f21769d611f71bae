package org.bulwark.repository;

/** What a backup was taken of. */
public enum BackupKind {
    /** One regular file. */
    FILE,
    /** A directory tree. */
    TREE,
    /** A disk image (raw file or block device), cut into fixed-size chunks. */
    DISK_IMAGE,
    /** A stream (standard input, an export pipe). */
    STREAM
}
