package org.bulwark.node.m365.backup;

import com.microsoft.graph.drives.item.items.item.delta.DeltaGetResponse;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Backs up OneDrive and SharePoint document libraries: one delta query per drive from its root;
 * folders with their names and places, files with content (streamed, never held in memory) and
 * metadata. A file whose cTag is unchanged is not downloaded again; a moved or renamed one gets a
 * new version with the same content. Children of the root have parent "".
 */
final class DriveBackup extends ServiceBackup {

    private final GraphServiceClient graph;

    DriveBackup(GraphServiceClient graph, long run, ServiceStore store, RunCounters counters) {
        super(run, store, counters, "files");
        this.graph = graph;
    }

    @Override
    void backup(String drive, String name) throws IOException {
        store.record(new MetaRecord.Owner(drive, "drive", name));
        var items = graph.drives().byDriveId(drive).items();
        String rootId = graph.drives().byDriveId(drive).root().get().getId();
        Set<String> seen = new HashSet<>();
        Delta.run(store, drive, "root", () -> items.byDriveItemId("root").delta().get(),
                l -> items.byDriveItemId("root").delta().withUrl(l).get(), DeltaGetResponse::getValue, (DriveItem it) -> {
                    if (it.getRoot() != null || rootId.equals(it.getId())) {
                        return;
                    }
                    if (Delta.removed(it) || it.getDeleted() != null) {
                        tombstone(drive, Kinds.FILE, it.getId(), null);
                        tombstone(drive, Kinds.DRIVE_FOLDER, it.getId(), null);
                        return;
                    }
                    seen.add(it.getId());
                    String parent = it.getParentReference() == null ? "" : nz(it.getParentReference().getId());
                    if (parent.equals(rootId)) {
                        parent = "";
                    }
                    if (it.getFolder() != null) {
                        upsertContainer(drive, Kinds.DRIVE_FOLDER, it.getId(), parent, it.getName(), millis(it.getLastModifiedDateTime()));
                        return;
                    }
                    if (it.getFile() == null) {
                        return;
                    }
                    String change = it.getCTag() != null ? it.getCTag() : it.getETag();
                    if (unchanged(drive, Kinds.FILE, it.getId(), change, parent, it.getName())) {
                        return;
                    }
                    String hash;
                    long size;
                    try (InputStream in = items.byDriveItemId(it.getId()).content().get()) {
                        CountingInputStream counting = new CountingInputStream(in);
                        hash = store.putBlob(counting);
                        size = counting.count();
                    }
                    stored(new ItemVersion(drive, Kinds.FILE, it.getId(), run, parent, it.getName(), "",
                            millis(it.getLastModifiedDateTime()), size, change, hash, false));
                }, () -> {
                    tombstoneUnseen(drive, Kinds.FILE, null, seen);
                    tombstoneUnseen(drive, Kinds.DRIVE_FOLDER, null, seen);
                });
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        long count() {
            return count;
        }
    }
}
