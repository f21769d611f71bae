package org.bulwark.repository;

/**
 * A source path that could not be backed up; the rest of the backup went on.
 *
 * @param path    the path as given on the source
 * @param message why it failed
 */
public record SourceError(String path, String message) {
}
