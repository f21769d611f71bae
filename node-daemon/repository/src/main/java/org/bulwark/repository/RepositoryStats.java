package org.bulwark.repository;

/**
 * Size figures of a repository.
 *
 * @param backups       completed backups
 * @param chunks        chunk objects stored
 * @param storedBytes   bytes of chunk objects on the destination
 * @param logicalBytes  bytes all backups represent together (what restoring everything would write)
 * @param recycleBytes  bytes waiting in the recycle bin
 */
public record RepositoryStats(int backups, long chunks, long storedBytes, long logicalBytes, long recycleBytes) {
}
