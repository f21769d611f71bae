package org.bulwark.node.m365.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.CatalogEntry;
import org.bulwark.repository.ProgressListener;
import org.bulwark.repository.PruneReport;
import org.bulwark.repository.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Content and metadata of one tenant's service on a repository. Blobs (message pieces, files,
 * channel messages) are named by their SHA-256 and staged locally: blobs under 1 MiB appended to
 * packs of about 4 MiB ({@code packs/pack-N}), larger ones as {@code blobs/<hash>}, so that a
 * mailbox of small messages makes few repository objects. {@link #flush()} stores the
 * staged packs and blobs of this batch together with its {@code records.jsonl} as one repository backup
 * (label {@code m365/<tenant>/<service>}), then applies the records to the SQLite database and
 * publishes it beside the data. A blob already stored is never staged again (dedup, and resume
 * after an interruption without downloading again).
 * <p>
 * On open the database is taken from the destination; batches it lacks (all of them when it was
 * lost) are replayed from the repository.
 */
public final class ServiceStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RECORDS = "records.jsonl";
    static final String BLOBS = "blobs/";
    static final String PACKS = "packs/";
    /** Blobs smaller than this go into packs; larger ones are catalog entries of their own. */
    static final int PACK_BELOW = 1 << 20;
    /** A pack is closed when it reaches this size (a restore of one blob reads at most one pack). */
    static final int PACK_SIZE = 4 << 20;

    /** Flush a batch when it holds this many bytes of new content ... */
    private final long batchBytes;
    /** ... or this many records. */
    private final int batchRecords;

    private final Repository repo;
    private final String label;
    private final MetadataDb db;
    private final Path published;
    private final Path staging;
    /** Downloads in progress, outside the staging folder that a flush stores. */
    private final Path incoming;
    private final List<MetaRecord> pending = new ArrayList<>();
    private final Map<String, Long> pendingBlobs = new HashMap<>();
    private final Map<String, ItemVersion> pendingItems = new HashMap<>();
    private final Map<String, Backup> backups = new HashMap<>();
    private long pendingBytes;
    private OutputStream pack;
    private String packPath;
    private long packPos;
    private int packs;

    private ServiceStore(Repository repo, String label, MetadataDb db, Path published, Path staging, long batchBytes, int batchRecords) {
        this.repo = repo;
        this.label = label;
        this.db = db;
        this.published = published;
        this.staging = staging;
        this.incoming = staging.resolveSibling("incoming");
        this.batchBytes = batchBytes;
        this.batchRecords = batchRecords;
    }

    /**
     * Opens the store of a tenant's service.
     *
     * @param repo         the repository on the destination
     * @param metadataHome folder beside the repository data where the databases are published
     * @param workDir      local working folder (database working copy, staging)
     * @param tenantId     the tenant
     * @param service      the service
     * @param batch        batch limits
     */
    public static ServiceStore open(Repository repo, Path metadataHome, Path workDir, String tenantId, Service service,
                                    BatchLimits batch) throws IOException {
        Path published = published(metadataHome, tenantId, service);
        Path work = workDir.resolve(tenantId).resolve(service.key());
        Files.createDirectories(work);
        Path dbFile = work.resolve(service.key() + ".sqlite");
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + suffix));
        }
        if (Files.exists(published)) {
            Files.copy(published, dbFile);
        }
        Path staging = work.resolve("staging");
        deleteTree(staging);
        deleteTree(work.resolve("incoming"));
        ServiceStore store = new ServiceStore(repo, label(tenantId, service), MetadataDb.open(dbFile),
                published, staging, batch.bytes(), batch.records());
        int replayed = store.catchUp();
        if (replayed > 0) {
            LOG.info("metadata of {} rebuilt from {} repository batches", store.label, replayed);
            store.db.publish(published);
        }
        return store;
    }

    /** Where the database of a tenant's service is published on the destination. */
    public static Path published(Path metadataHome, String tenantId, Service service) {
        return metadataHome.resolve(tenantId).resolve(service.key() + ".sqlite");
    }

    /** The repository label of a tenant's service batches. */
    public static String label(String tenantId, Service service) {
        return "m365/" + tenantId + "/" + service.key();
    }

    /** How large a batch may grow before it is stored. */
    public record BatchLimits(long bytes, int records) {
        public static final BatchLimits DEFAULT = new BatchLimits(64L << 20, 5000);
    }

    /** Replays repository batches the database has not applied; returns how many. */
    private int catchUp() throws IOException {
        Set<String> applied = db.appliedBatches();
        int n = 0;
        for (Backup b : repo.list()) {
            if (!b.label().equals(label)) {
                continue;
            }
            backups.put(b.id(), b);
            if (applied.contains(b.id())) {
                continue;
            }
            List<MetaRecord> records = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(repo.openContent(b, RECORDS), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        records.add(JSON.readValue(line, MetaRecord.class));
                    }
                }
            }
            db.apply(b.id(), records);
            n++;
        }
        return n;
    }

    public MetadataDb db() {
        return db;
    }

    public String label() {
        return label;
    }

    /** Stores content (if not stored yet) and returns its hash. */
    public String putBlob(byte[] data) throws IOException {
        String hash = HexFormat.of().formatHex(sha256().digest(data));
        synchronized (this) {
            if (known(hash)) {
                return hash;
            }
            if (data.length < PACK_BELOW) {
                appendToPack(hash, data);
            } else {
                Path f = blobPath(hash);
                Files.createDirectories(f.getParent());
                Files.write(f, data);
                addBlob(hash, data.length, BLOBS + hash, 0);
            }
        }
        return hash;
    }

    /** Stores a stream's content (streamed to the staging area while hashed) and returns its hash. */
    public String putBlob(InputStream in) throws IOException {
        Files.createDirectories(incoming);
        Path tmp = Files.createTempFile(incoming, "in", ".tmp");
        MessageDigest md = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        String hash = HexFormat.of().formatHex(md.digest());
        synchronized (this) {
            if (known(hash)) {
                Files.delete(tmp);
                return hash;
            }
            if (size < PACK_BELOW) {
                appendToPack(hash, Files.readAllBytes(tmp));
                Files.delete(tmp);
                return hash;
            }
            Path f = blobPath(hash);
            Files.createDirectories(f.getParent());
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            addBlob(hash, size, BLOBS + hash, 0);
        }
        return hash;
    }

    private boolean known(String hash) throws IOException {
        return pendingBlobs.containsKey(hash) || db.blob(hash) != null;
    }

    private void addBlob(String hash, long size, String path, long pos) {
        pendingBlobs.put(hash, size);
        pending.add(new MetaRecord.Blob(hash, size, path, pos));
        pendingBytes += size;
    }

    private void appendToPack(String hash, byte[] data) throws IOException {
        if (pack == null) {
            packPath = PACKS + "pack-" + (++packs);
            Path f = staging.resolve(packPath);
            Files.createDirectories(f.getParent());
            pack = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16);
            packPos = 0;
        }
        pack.write(data);
        addBlob(hash, data.length, packPath, packPos);
        packPos += data.length;
        if (packPos >= PACK_SIZE) {
            closePack();
        }
    }

    private void closePack() throws IOException {
        if (pack != null) {
            pack.close();
            pack = null;
        }
    }

    private Path blobPath(String hash) {
        return staging.resolve(BLOBS + hash);
    }

    /** Adds a record to the batch; an item version also becomes visible to {@link #latest}. */
    public synchronized void record(MetaRecord r) {
        pending.add(r);
        if (r instanceof MetaRecord.Item i) {
            ItemVersion v = i.version();
            pendingItems.put(key(v.owner(), v.kind(), v.id()), v);
        }
    }

    /** The newest version of an item, including versions of the batch not stored yet. */
    public synchronized ItemVersion latest(String owner, String kind, String id) throws IOException {
        ItemVersion v = pendingItems.get(key(owner, kind, id));
        return v != null ? v : db.latest(owner, kind, id);
    }

    /** Live items under a parent now, including the batch not stored yet. */
    public synchronized List<ItemVersion> liveUnder(String owner, String kind, String parent) throws IOException {
        Map<String, ItemVersion> out = new HashMap<>();
        for (ItemVersion v : db.itemsAt(Long.MAX_VALUE, owner, kind, parent)) {
            out.put(v.id(), v);
        }
        for (ItemVersion v : pendingItems.values()) {
            if (v.owner().equals(owner) && v.kind().equals(kind)) {
                if (v.deleted() || (parent != null && !v.parent().equals(parent))) {
                    out.remove(v.id());
                } else {
                    out.put(v.id(), v);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String key(String owner, String kind, String id) {
        return owner + '\u0000' + kind + '\u0000' + id;
    }

    /** Stores the batch when it has grown past its limits. */
    public synchronized void flushIfFull() throws IOException {
        if (pendingBytes >= batchBytes || pending.size() >= batchRecords) {
            flush();
        }
    }

    /**
     * Stores the staged blobs and records as one repository backup, applies the records to the
     * database and publishes it. Nothing happens when the batch is empty.
     */
    public synchronized void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        closePack();
        Files.createDirectories(staging);
        try (OutputStream out = Files.newOutputStream(staging.resolve(RECORDS))) {
            for (MetaRecord r : pending) {
                out.write(JSON.writeValueAsBytes(r));
                out.write('\n');
            }
        }
        Backup b = repo.backupTree(staging, new BackupOptions(label, null, null, true, null));
        backups.put(b.id(), b);
        db.apply(b.id(), pending);
        db.publish(published);
        LOG.debug("{}: stored batch {} ({} records, {} new blobs, {} bytes)", label, b.shortId(), pending.size(),
                pendingBlobs.size(), pendingBytes);
        pending.clear();
        pendingBlobs.clear();
        pendingItems.clear();
        pendingBytes = 0;
        deleteTree(staging);
    }

    /**
     * What version pruning did to one service.
     *
     * @param service          the repository label of the service
     * @param runsForgotten    restore points removed from the metadata
     * @param versionsRemoved  item versions and tombstones no kept restore point sees any more
     * @param blobsRemoved     content no kept version refers to
     * @param batchesRemoved   repository backups removed (their content still needed was stored again first)
     * @param chunks           chunks no remaining backup references, moved to the recycle bin
     * @param bytesRecycled    their stored size
     */
    public record PruneResult(String service, List<Long> runsForgotten, long versionsRemoved, long blobsRemoved,
                              int batchesRemoved, long chunks, long bytesRecycled) {
    }

    /**
     * Forgets restore points and frees what only they needed. The versions the remaining restore
     * points (and the current state) see are kept ({@link KeptVersions}); the batches that hold
     * content no kept version refers to are replaced: the content still needed is stored again,
     * together with the whole remaining metadata (after a {@link MetaRecord.Reset}), as one new batch,
     * which is applied and published like any other; then the replaced batches and those whose records
     * the new one supersedes (none of their content is needed) are removed from the repository,
     * which recycles the chunks no other backup references. A crash before the removal leaves
     * batches that the next prune removes; before the new batch is stored, nothing has changed.
     * Nothing is written when nothing is to be forgotten.
     *
     * @param forget run ids (restore points) to forget; ids this service does not have are ignored
     */
    public synchronized PruneResult prune(Set<Long> forget) throws IOException {
        flush();
        List<MetadataDb.Run> runs = db.runs();
        List<Long> forgotten = runs.stream().map(MetadataDb.Run::id).filter(forget::contains).toList();
        long[] kept = runs.stream().mapToLong(MetadataDb.Run::id).filter(id -> !forget.contains(id)).toArray();
        List<ItemVersion> versions = db.versions();
        List<ItemVersion> keptVersions = KeptVersions.select(versions, kept);
        Set<String> live = new HashSet<>();
        keptVersions.forEach(v -> live.addAll(v.blobs()));
        List<MetadataDb.StoredBlob> blobs = db.blobs();
        Map<String, Long> liveBytes = new HashMap<>();
        for (MetadataDb.StoredBlob b : blobs) {
            if (live.contains(b.hash())) {
                liveBytes.merge(b.location().backup(), b.location().size(), Long::sum);
            }
        }
        Set<String> replaced = new LinkedHashSet<>();
        Set<String> superseded = new LinkedHashSet<>();
        for (Backup b : repo.list()) {
            if (!b.label().equals(label)) {
                continue;
            }
            long content = b.entries().stream().filter(e -> e.type().hasContent() && !e.path().equals(RECORDS))
                    .mapToLong(CatalogEntry::size).sum();
            long needed = liveBytes.getOrDefault(b.id(), 0L);
            if (content > needed) {
                replaced.add(b.id());
            } else if (needed == 0) {
                superseded.add(b.id());
            }
        }
        long removedVersions = versions.size() - keptVersions.size();
        long removedBlobs = blobs.stream().filter(b -> !live.contains(b.hash())).count();
        if (forgotten.isEmpty() && removedVersions == 0 && replaced.isEmpty()) {
            return new PruneResult(label, List.of(), 0, 0, 0, 0, 0);
        }
        pending.add(new MetaRecord.Reset(System.currentTimeMillis()));
        for (MetadataDb.Run r : runs) {
            if (!forget.contains(r.id())) {
                pending.add(new MetaRecord.RunStarted(r.id()));
                pending.add(new MetaRecord.RunEnded(r.id(), r.finished(), r.complete(), r.items(), r.bytes()));
            }
        }
        db.owners().forEach(o -> pending.add(new MetaRecord.Owner(o.id(), o.kind(), o.name())));
        for (MetadataDb.StoredBlob b : blobs) {
            if (!live.contains(b.hash())) {
                continue;
            }
            MetadataDb.BlobLocation at = b.location();
            if (replaced.contains(at.backup())) {
                storeAgain(b.hash(), at.size());
            } else {
                pending.add(new MetaRecord.Blob(b.hash(), at.size(), at.path(), at.pos(), at.backup()));
            }
        }
        keptVersions.forEach(v -> pending.add(new MetaRecord.Item(v)));
        pending.addAll(db.deltaLinks());
        flush();
        Set<String> removed = new LinkedHashSet<>(replaced);
        removed.addAll(superseded);
        removed.forEach(backups::remove);
        long chunks = 0;
        long recycled = 0;
        if (!removed.isEmpty()) {
            PruneReport report = repo.forget(removed, ProgressListener.NONE);
            chunks = report.chunks();
            recycled = report.bytes();
        }
        LOG.info("{}: forgot restore points {}, {} item versions, {} blobs, {} repository backups; {} chunks ({} bytes) recycled",
                label, forgotten, removedVersions, removedBlobs, removed.size(), chunks, recycled);
        return new PruneResult(label, forgotten, removedVersions, removedBlobs, removed.size(), chunks, recycled);
    }

    /** Stages a stored blob again, into the batch being written. */
    private void storeAgain(String hash, long size) throws IOException {
        try (InputStream in = openBlob(hash)) {
            if (size < PACK_BELOW) {
                appendToPack(hash, in.readAllBytes());
            } else {
                Path f = blobPath(hash);
                Files.createDirectories(f.getParent());
                Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
                addBlob(hash, size, BLOBS + hash, 0);
            }
        }
    }

    /** Reads a stored blob. */
    public InputStream openBlob(String hash) throws IOException {
        MetadataDb.BlobLocation at = db.blob(hash);
        if (at == null) {
            throw new IOException("blob " + hash + " of " + label + " is not in the repository");
        }
        Backup b;
        synchronized (this) {
            b = backups.get(at.backup());
            if (b == null) {
                b = repo.find(at.backup());
                backups.put(at.backup(), b);
            }
        }
        InputStream in = repo.openContent(b, at.path());
        in.skipNBytes(at.pos());
        return new BoundedInputStream(in, at.size());
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    /** The content of an item version: its blobs in order. */
    public InputStream openContent(ItemVersion v) throws IOException {
        List<InputStream> parts = new ArrayList<>();
        for (String h : v.blobs()) {
            parts.add(lazy(h));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private InputStream lazy(String hash) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = openBlob(hash);
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        db.close();
    }
}
