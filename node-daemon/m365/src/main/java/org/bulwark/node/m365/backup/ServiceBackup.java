package org.bulwark.node.m365.backup;

import com.microsoft.kiota.serialization.KiotaJsonSerialization;
import com.microsoft.kiota.serialization.Parsable;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the backups of mail, files, teams, calendars and contacts share: the run, its store and counters, and versioning. */
abstract class ServiceBackup {

    protected final long run;
    protected final ServiceStore store;
    protected final RunCounters counters;
    protected final String service;

    ServiceBackup(long run, ServiceStore store, RunCounters counters, String service) {
        this.run = run;
        this.store = store;
        this.counters = counters;
        this.service = service;
    }

    /** Backs up one owner (mailbox, drive, team). */
    abstract void backup(String ownerId, String ownerName) throws IOException;

    /** Records a new version when name, parent or presence differ from the latest one (folders, channels). */
    protected void upsertContainer(String owner, String kind, String id, String parent, String name, long modified) {
        try {
            ItemVersion v = store.latest(owner, kind, id);
            if (v == null || v.deleted() || !v.parent().equals(nz(parent)) || !v.name().equals(nz(name))) {
                store.record(new MetaRecord.Item(new ItemVersion(owner, kind, id, run, parent, name, "", modified, 0, "", "", false)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Checks whether content is already stored for this change key; records a move or rename
     * without downloading. Returns true when nothing needs downloading.
     */
    protected boolean unchanged(String owner, String kind, String id, String change, String parent, String name) throws IOException {
        ItemVersion v = store.latest(owner, kind, id);
        if (v == null || v.deleted() || change == null || !v.change().equals(change)) {
            return false;
        }
        if (!v.parent().equals(nz(parent)) || !v.name().equals(nz(name))) {
            store.record(new MetaRecord.Item(v.movedTo(run, nz(parent), nz(name))));
        }
        counters.unchanged(service);
        return true;
    }

    /** Stores a new version of an item with content. */
    protected void stored(ItemVersion v) throws IOException {
        store.record(new MetaRecord.Item(v));
        counters.stored(service, v.size());
        store.flushIfFull();
    }

    /** Records a tombstone for the latest live version of an item, when {@code parent} matches (null: any). */
    protected void tombstone(String owner, String kind, String id, String parent) throws IOException {
        ItemVersion v = store.latest(owner, kind, id);
        if (v != null && !v.deleted() && (parent == null || v.parent().equals(parent))) {
            store.record(new MetaRecord.Item(v.tombstone(run, System.currentTimeMillis())));
            counters.deleted();
        }
    }

    /** After a full enumeration: tombstones the live items of a kind (under a parent) that were not seen. */
    protected void tombstoneUnseen(String owner, String kind, String parent, Set<String> seen) throws IOException {
        for (ItemVersion v : store.liveUnder(owner, kind, parent)) {
            if (!seen.contains(v.id())) {
                store.record(new MetaRecord.Item(v.tombstone(run, System.currentTimeMillis())));
                counters.deleted();
            }
        }
    }

    /**
     * A container (mail folder, contact folder, calendar) is gone: tombstones it and the items of a kind under it,
     * and forgets the delta link of its items ({@code <itemScope>:<id>}).
     */
    protected void containerRemoved(String owner, String containerKind, String id, String itemKind, String itemScope)
            throws IOException {
        tombstone(owner, containerKind, id, null);
        for (ItemVersion v : store.liveUnder(owner, itemKind, id)) {
            tombstone(owner, itemKind, v.id(), id);
        }
        store.record(new MetaRecord.Delta(owner, itemScope + ":" + id, null));
    }

    /** A container as listed by Graph: calendar, channel. */
    protected record Listed(String id, String name, long modified) {
    }

    /**
     * Records containers that Graph lists in full every time (it has no delta for calendars and
     * channels): new or renamed ones get a version; those no longer listed are removed with their
     * items ({@link #containerRemoved}).
     */
    protected void listed(String owner, String containerKind, List<Listed> containers, String itemKind, String itemScope)
            throws IOException {
        Set<String> seen = new HashSet<>();
        for (Listed c : containers) {
            seen.add(c.id());
            upsertContainer(owner, containerKind, c.id(), "", c.name(), c.modified());
        }
        for (ItemVersion gone : store.liveUnder(owner, containerKind, null)) {
            if (!seen.contains(gone.id())) {
                containerRemoved(owner, containerKind, gone.id(), itemKind, itemScope);
            }
        }
    }

    /** Stores a Graph object's JSON (as the SDK read it) as the content of an item version. */
    protected void storedJson(Parsable graphObject, String owner, String kind, String id,
                              String parent, String name, String sender, long modified, String change) throws IOException {
        byte[] json = KiotaJsonSerialization.serializeAsString(graphObject).getBytes(StandardCharsets.UTF_8);
        stored(new ItemVersion(owner, kind, id, run, parent, name, sender, modified, json.length, change, store.putBlob(json), false));
    }

    protected static long millis(OffsetDateTime t) {
        return t == null ? 0 : t.toInstant().toEpochMilli();
    }

    protected static String nz(String s) {
        return s == null ? "" : s;
    }
}
