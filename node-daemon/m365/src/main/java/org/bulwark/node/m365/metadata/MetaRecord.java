package org.bulwark.node.m365.metadata;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One fact of the metadata, as written to the SQLite database and, line by line, to the
 * {@code records.jsonl} of the repository batch that carries it: replaying the records of all
 * batches in order rebuilds the database.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "r")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MetaRecord.RunStarted.class, name = "run"),
        @JsonSubTypes.Type(value = MetaRecord.RunEnded.class, name = "runEnd"),
        @JsonSubTypes.Type(value = MetaRecord.Owner.class, name = "owner"),
        @JsonSubTypes.Type(value = MetaRecord.Blob.class, name = "blob"),
        @JsonSubTypes.Type(value = MetaRecord.Item.class, name = "item"),
        @JsonSubTypes.Type(value = MetaRecord.Delta.class, name = "delta"),
        @JsonSubTypes.Type(value = MetaRecord.Reset.class, name = "reset")})
public sealed interface MetaRecord {

    /** A backup run began; its id (start time in epoch milliseconds) names the restore point. */
    record RunStarted(long id) implements MetaRecord {
    }

    /** A backup run ended; only complete runs are restore points. */
    record RunEnded(long id, long finished, boolean complete, long items, long bytes) implements MetaRecord {
    }

    /** A protected object's owner: a mailbox, a drive, a team. */
    record Owner(String id, String kind, String name) implements MetaRecord {
    }

    /**
     * Content stored under its SHA-256: {@code size} bytes at {@code pos} of the catalog entry {@code path}
     * (a pack of small blobs, or the blob alone) of the repository backup {@code backup}; {@code null}
     * backup: the batch that carries this record.
     */
    record Blob(String hash, long size, String path, long pos, String backup) implements MetaRecord {
        /** Content stored in the batch that carries the record. */
        public Blob(String hash, long size, String path, long pos) {
            this(hash, size, path, pos, null);
        }
    }

    /** A version of an item (or its tombstone); see {@link ItemVersion}. */
    record Item(ItemVersion version) implements MetaRecord {
    }

    /**
     * The records that follow in the batch replace the whole state (runs, owners, blobs, items, delta
     * links): written by version pruning at {@code at} (epoch milliseconds), after which the batches
     * before it hold no needed record.
     */
    record Reset(long at) implements MetaRecord {
    }

    /** The delta link to continue from for one owner and scope ({@code null} link: forget it). */
    record Delta(String owner, String scope, String link) implements MetaRecord {
    }
}
