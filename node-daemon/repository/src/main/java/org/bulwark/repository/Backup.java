package org.bulwark.repository;

import java.time.Instant;
import java.util.List;

/**
 * A completed backup (a restore point): its identity, origin, totals, errors and catalog.
 * A backup is listed only once it is complete; every backup restores as a full one.
 *
 * @param id             32 hex digits
 * @param created        when the backup started
 * @param label          what it protects (a VM disk, a share); retention groups by label
 * @param host           node that wrote it
 * @param kind           file, tree, disk image or stream
 * @param parent         id of the backup it was made incrementally from, or null
 * @param source         source path as given
 * @param logicalBytes   bytes of content it represents
 * @param newBytes       bytes it added to the destination (after dedup and compression)
 * @param readBytes      bytes read from the source
 * @param manifestDigest SHA-256 of the stored manifest object
 * @param errors         source paths that could not be read
 * @param entries        the catalog
 */
public record Backup(String id, Instant created, String label, String host, BackupKind kind, String parent, String source,
                     long logicalBytes, long newBytes, long readBytes, byte[] manifestDigest, List<SourceError> errors,
                     List<CatalogEntry> entries) {

    public Backup {
        errors = List.copyOf(errors);
        entries = List.copyOf(entries);
    }

    /** The first 8 hex digits, as shown in listings. */
    public String shortId() {
        return id.substring(0, 8);
    }

    /** Finds a catalog entry by path, or null. */
    public CatalogEntry entry(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (CatalogEntry e : entries) {
            if (e.path().equals(p)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Backup[" + shortId() + " " + label + " " + kind + " " + created + ", " + entries.size() + " entries]";
    }
}
