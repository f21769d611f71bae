package org.bulwark.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.repository.chunking.FastCdc;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.crypto.KeyFile;
import org.bulwark.repository.crypto.KeyMaterial;
import org.bulwark.repository.destination.Destination;
import org.bulwark.repository.format.BackupRecords;
import org.bulwark.repository.format.ChunkId;
import org.bulwark.repository.format.CorruptObjectException;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Manifests;
import org.bulwark.repository.format.ObjectCodec;
import org.bulwark.repository.format.RepositoryConfig;
import org.bulwark.repository.format.UnsupportedFormatException;

/**
 * A Bulwark backup repository on a {@link Destination}: deduplicated, compressed, optionally
 * encrypted, written once. Create one with {@link #init}, open it with {@link #open}; then back
 * up ({@link #backupFile}, {@link #backupTree}, {@link #backupImage}, {@link #backupStream}),
 * {@link #list}, {@link #restore}, {@link #openContent}, {@link #diff}, {@link #verify},
 * {@link #prune}, {@link #stats} and manage passphrases. Instances are thread-safe for reading;
 * each backup takes a shared lock, prune an exclusive one.
 */
public final class Repository implements AutoCloseable {

    private final Destination dest;
    private final RepositoryConfig config;
    private final KeyMaterial key;
    private final ObjectCodec codec;
    private final int threads = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Repository(Destination dest, RepositoryConfig config, KeyMaterial key) {
        this.dest = dest;
        this.config = config;
        this.key = key;
        this.codec = new ObjectCodec(key, config.zstdLevel());
    }

    // ---------------------------------------------------------------- lifecycle and keys

    /**
     * Creates a repository on an empty destination.
     *
     * @param passphrase wraps the new random repository key (ignored when unencrypted)
     */
    public static Repository init(Destination dest, InitOptions options, char[] passphrase) throws IOException {
        if (dest.exists(RepositoryConfig.OBJECT_NAME)) {
            throw new RepositoryException("a repository exists already at " + dest.describe());
        }
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        KeyMaterial key = options.encrypted() ? KeyMaterial.generate() : null;
        if (key != null) {
            if (passphrase == null || passphrase.length == 0) {
                throw new RepositoryException("an encrypted repository needs a passphrase");
            }
            KeyFile kf = KeyFile.wrap(key, passphrase, options.kdf());
            byte[] b = kf.encode();
            dest.writeOnce("keys/" + kf.id(), b, 0, b.length);
        }
        RepositoryConfig config = new RepositoryConfig(id, key != null, options.fixedChunkSize(), options.cdcMin(),
                options.cdcAverage(), options.cdcMax(), options.zstdLevel(), options.recycleDays(),
                key == null ? new byte[32] : key.keyCheck());
        byte[] c = config.encode();
        dest.flush();
        dest.writeOnce(RepositoryConfig.OBJECT_NAME, c, 0, c.length);
        dest.flush();
        return new Repository(dest, config, key);
    }

    /**
     * Opens a repository.
     *
     * @throws UnsupportedFormatException when there is none or its format is newer than this code
     * @throws RepositoryException        when no key file opens with the passphrase
     */
    public static Repository open(Destination dest, char[] passphrase) throws IOException {
        return open(dest, passphrase, UnlockCache.PROCESS);
    }

    /** Opens a repository, taking a key unlocked earlier with the same passphrase from {@code cache}. */
    static Repository open(Destination dest, char[] passphrase, UnlockCache cache) throws IOException {
        RepositoryConfig config = readConfig(dest);
        if (!config.encrypted()) {
            return new Repository(dest, config, null);
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new RepositoryException("repository " + dest.describe() + " is encrypted: a passphrase is needed");
        }
        List<String> keys = dest.list("keys");
        Map<String, byte[]> keyFiles = new HashMap<>();
        for (String name : keys) {
            keyFiles.put(name, dest.read(name));
        }
        String repository = cacheName(dest, config);
        byte[] fingerprint = UnlockCache.fingerprint(keyFiles);
        KeyMaterial cached = cache.get(repository, fingerprint, passphrase);
        if (cached != null && cached.matches(config.keyCheck())) {
            return new Repository(dest, config, cached);
        }
        for (String name : keys) {
            KeyMaterial k = KeyFile.decode(keyFiles.get(name)).unwrap(passphrase);
            if (k != null && k.matches(config.keyCheck())) {
                cache.put(repository, fingerprint, passphrase, k);
                return new Repository(dest, config, k);
            }
        }
        throw new RepositoryException("wrong passphrase: none of the " + keys.size() + " keys of " + dest.describe()
                + " opens with it");
    }

    /** How {@link UnlockCache} tells repositories apart: their id and where they are. */
    static String cacheName(Destination dest, RepositoryConfig config) {
        return HexFormat.of().formatHex(config.repositoryId()) + "@" + dest.describe();
    }

    static RepositoryConfig readConfig(Destination dest) throws IOException {
        try {
            return RepositoryConfig.decode(dest.read(RepositoryConfig.OBJECT_NAME));
        } catch (NoSuchFileException e) {
            throw new UnsupportedFormatException("no Bulwark repository at " + dest.describe() + " (no config)");
        }
    }

    public RepositoryConfig config() {
        return config;
    }

    Destination destination() {
        return dest;
    }

    ObjectCodec codec() {
        return codec;
    }

    int threads() {
        return threads;
    }

    /** The key files (one per passphrase) of an encrypted repository. */
    public List<KeyFile> keys() throws IOException {
        List<KeyFile> out = new ArrayList<>();
        for (String name : dest.list("keys")) {
            out.add(KeyFile.decode(dest.read(name)));
        }
        return out;
    }

    /** Adds a passphrase; data is not re-encrypted. Returns the new key file's id. */
    public String addPassphrase(char[] passphrase, KdfParams kdf) throws IOException {
        requireEncrypted();
        KeyFile kf = KeyFile.wrap(key, passphrase, kdf);
        byte[] b = kf.encode();
        dest.writeOnce("keys/" + kf.id(), b, 0, b.length);
        dest.flush();
        return kf.id();
    }

    /** Removes a passphrase by key file id; the last one cannot be removed. */
    public void removePassphrase(String keyId) throws IOException {
        requireEncrypted();
        List<String> names = dest.list("keys");
        String name = "keys/" + keyId;
        if (!names.contains(name)) {
            throw new RepositoryException("no key " + keyId + " in " + dest.describe());
        }
        if (names.size() == 1) {
            throw new RepositoryException("refusing to remove the last key: the repository could never be opened again");
        }
        dest.delete(name);
        dest.flush();
        UnlockCache.PROCESS.forget(cacheName(dest, config));
    }

    /** The repository key in printable form, to keep on paper or in a vault. Anyone holding it can read all data. */
    public String exportKey() throws RepositoryException {
        requireEncrypted();
        return PrintableKey.format(config, key);
    }

    /**
     * Adds a passphrase to a repository from an exported key (when every passphrase is lost).
     *
     * @return the new key file's id
     */
    public static String importKey(Destination dest, String printable, char[] newPassphrase, KdfParams kdf) throws IOException {
        RepositoryConfig config = readConfig(dest);
        KeyMaterial key = PrintableKey.parse(printable, config);
        return new Repository(dest, config, key).addPassphrase(newPassphrase, kdf);
    }

    private void requireEncrypted() throws RepositoryException {
        if (key == null) {
            throw new RepositoryException("repository " + dest.describe() + " is not encrypted: it has no keys");
        }
    }

    // ---------------------------------------------------------------- backup

    private ChunkPipeline pipeline() {
        return new ChunkPipeline(dest, codec, threads + 4);
    }

    private FastCdc cdc() {
        return new FastCdc(config.cdcMin(), config.cdcAverage(), config.cdcMax());
    }

    /** Backs up one regular file with content-defined chunks. */
    public Backup backupFile(Path file, BackupOptions options) throws IOException {
        String label = labelOr(options, file);
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "backup of " + label);
             ChunkPipeline pipeline = pipeline();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);
            BackupWriter w = new BackupWriter(this, pipeline, options.progress(), attrs.size());
            int item = w.addStream(Channels.newInputStream(ch), cdc());
            w.entry(new CatalogEntry(file.getFileName().toString(), EntryType.FILE, mode(attrs),
                    nanos(attrs.lastModifiedTime()), ch.size(), "", item));
            return w.commit(label, BackupKind.FILE, null, file.toAbsolutePath().toString());
        }
    }

    /** Backs up a stream (standard input, an export pipe) under a name. */
    public Backup backupStream(InputStream in, String name, BackupOptions options) throws IOException {
        String label = options.label() == null ? name : options.label();
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "backup of " + label);
             ChunkPipeline pipeline = pipeline()) {
            BackupWriter w = new BackupWriter(this, pipeline, options.progress(), -1);
            int item = w.addStream(in, cdc());
            w.entry(new CatalogEntry(name, EntryType.STREAM, 0, System.currentTimeMillis() * 1_000_000L, w.itemSizeOf(item), "", item));
            return w.commit(label, BackupKind.STREAM, null, name);
        }
    }

    /**
     * Backs up a disk image in fixed-size chunks; runs of zeros are stored as nothing. With a
     * parent and changed extents only those ranges are read; every other block comes from the parent.
     */
    public Backup backupImage(Path image, BackupOptions options) throws IOException {
        String label = labelOr(options, image);
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "backup of " + label);
             ChunkPipeline pipeline = pipeline();
             ImageFile img = ImageFile.open(image, config.fixedChunkSize())) {
            Backup parent = resolveParent(options.parent(), label);
            ManifestItem parentItem = null;
            if (parent != null && options.changed() != null) {
                if (parent.kind() != BackupKind.DISK_IMAGE) {
                    throw new RepositoryException("parent " + parent.shortId() + " is not a disk image backup");
                }
                parentItem = manifest(parent).get(parent.entries().getFirst().item());
            }
            long size = img.size();
            long toRead = parentItem == null ? size : options.changed().stream().mapToLong(Extent::length).sum();
            BackupWriter w = new BackupWriter(this, pipeline, options.progress(), toRead);
            int item = w.addImage(img, size, config.fixedChunkSize(), parentItem, options.changed());
            long mtime = nanos(Files.getLastModifiedTime(image));
            w.entry(new CatalogEntry(image.getFileName().toString(), EntryType.DISK_IMAGE, 0, mtime, size, "", item));
            return w.commit(label, BackupKind.DISK_IMAGE, parent == null ? null : parent.id(), image.toAbsolutePath().toString());
        }
    }

    /**
     * Backs up disk images read at random offsets (a virtual machine's disks over NBD) and small
     * files beside them (its definition) as one backup, in fixed-size chunks. With a parent, an
     * image whose changed extents are given reads only those; every other block comes from the
     * parent's image of the same name.
     *
     * @param files name to content, stored as regular files in the catalog
     */
    public Backup backupImages(List<ImageSource> images, Map<String, byte[]> files, BackupOptions options) throws IOException {
        String label = options.label() == null ? images.getFirst().name() : options.label();
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "backup of " + label);
             ChunkPipeline pipeline = pipeline()) {
            Backup parent = resolveParent(options.parent(), label);
            List<ManifestItem> parentItems = parent == null ? List.of() : manifest(parent);
            Map<ImageSource, ManifestItem> reused = new HashMap<>();
            long total = 0;
            for (ImageSource image : images) {
                CatalogEntry previous = parent == null ? null : parent.entry(image.name());
                if (previous != null && previous.type() == EntryType.DISK_IMAGE && image.changed() != null) {
                    reused.put(image, parentItems.get(previous.item()));
                    total += image.changed().stream().mapToLong(Extent::length).sum();
                } else {
                    total += image.size();
                }
            }
            BackupWriter w = new BackupWriter(this, pipeline, options.progress(), total);
            long now = System.currentTimeMillis() * 1_000_000L;
            for (ImageSource image : images) {
                ManifestItem parentItem = reused.get(image);
                int item = w.addImage(image.reader(), image.size(), config.fixedChunkSize(), parentItem,
                        parentItem == null ? null : image.changed());
                w.entry(new CatalogEntry(image.name(), EntryType.DISK_IMAGE, 0, now, image.size(), "", item));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                int item = w.addStream(new java.io.ByteArrayInputStream(file.getValue()), cdc());
                w.entry(new CatalogEntry(file.getKey(), EntryType.FILE, 0640, now, file.getValue().length, "", item));
            }
            return w.commit(label, BackupKind.DISK_IMAGE, parent == null ? null : parent.id(), label);
        }
    }

    /**
     * Backs up a directory tree. Files whose size and modification time match the parent (by
     * default the latest backup with this label) are taken from it without reading, unless
     * {@link BackupOptions#rescan()}. Unreadable paths are recorded in {@link Backup#errors()}
     * and the rest is backed up.
     */
    public Backup backupTree(Path root, BackupOptions options) throws IOException {
        String label = labelOr(options, root);
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "backup of " + label);
             ChunkPipeline pipeline = pipeline()) {
            Backup parent = resolveParent(options.parent() == null ? "latest" : options.parent(), label);
            Map<String, ManifestItem> unchanged = new HashMap<>();
            Map<String, CatalogEntry> parentEntries = new HashMap<>();
            if (parent != null && parent.kind() == BackupKind.TREE && !options.rescan()) {
                List<ManifestItem> items = manifest(parent);
                for (CatalogEntry e : parent.entries()) {
                    if (e.type() == EntryType.FILE) {
                        parentEntries.put(e.path(), e);
                        unchanged.put(e.path(), items.get(e.item()));
                    }
                }
            }
            BackupWriter w = new BackupWriter(this, pipeline, options.progress(), -1);
            new TreeWalker(w, cdc(), parentEntries, unchanged).walk(root);
            return w.commit(label, BackupKind.TREE, parent == null ? null : parent.id(), root.toAbsolutePath().toString());
        }
    }

    static long nanos(java.nio.file.attribute.FileTime t) {
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static int mode(PosixFileAttributes attrs) {
        int m = 0;
        for (PosixFilePermission p : attrs.permissions()) {
            m |= 1 << (8 - p.ordinal());
        }
        return m;
    }

    private static String labelOr(BackupOptions o, Path p) {
        return o.label() != null ? o.label() : p.toAbsolutePath().normalize().toString();
    }

    private Backup resolveParent(String parent, String label) throws IOException {
        if (parent == null) {
            return null;
        }
        if (parent.equals("latest")) {
            return list().stream().filter(b -> b.label().equals(label)).reduce((a, b) -> b).orElse(null);
        }
        return find(parent);
    }

    // ---------------------------------------------------------------- reading

    /** Completed backups, oldest first. A damaged record fails the call; {@link #verify} reports it instead. */
    public List<Backup> list() throws IOException {
        List<Backup> out = new ArrayList<>();
        for (String name : dest.list("backups")) {
            out.add(readBackup(name));
        }
        out.sort(Comparator.comparing(Backup::created).thenComparing(Backup::id));
        return out;
    }

    Backup readBackup(String name) throws IOException {
        return BackupRecords.decode(name, codec.open(ObjectCodec.TYPE_BACKUP, name, dest.read(name)));
    }

    /** Finds a backup by id or unique id prefix. */
    public Backup find(String idOrPrefix) throws IOException {
        List<Backup> matches = list().stream().filter(b -> b.id().startsWith(idOrPrefix)).toList();
        if (matches.size() != 1) {
            throw new RepositoryException(matches.isEmpty() ? "no backup " + idOrPrefix
                    : "backup id prefix " + idOrPrefix + " is ambiguous");
        }
        return matches.getFirst();
    }

    /** The manifest of a backup, checked against the digest in its record. */
    public List<ManifestItem> manifest(Backup b) throws IOException {
        String name = Manifests.objectName(b.id());
        byte[] stored;
        try {
            stored = dest.read(name);
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(name, "manifest missing");
        }
        try {
            if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(stored), b.manifestDigest())) {
                throw new CorruptObjectException(name, "manifest does not match the digest in its backup record");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Manifests.decode(name, codec.open(ObjectCodec.TYPE_MANIFEST, name, stored));
    }

    /** Reads, decrypts, decompresses and re-hashes one chunk (random access to images, for mount). */
    public byte[] readChunk(ChunkId id) throws IOException {
        try {
            return codec.openChunk(id, dest.read(id.objectName()));
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(id.objectName(), "chunk missing");
        }
    }

    /** A stream of one entry's content (for cat, mount and downloads); every chunk is verified as read. */
    public InputStream openContent(Backup b, String path) throws IOException {
        CatalogEntry e = b.entry(path);
        if (e == null || !e.type().hasContent()) {
            throw new RepositoryException("no file " + path + " in backup " + b.shortId());
        }
        return new ContentStream(this, manifest(b).get(e.item()));
    }

    /** Restores a backup (or the part under {@link RestoreOptions#path()}) to a file, device or folder. */
    public void restore(Backup b, Path target, RestoreOptions options) throws IOException {
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "restore of " + b.shortId())) {
            new Restorer(this, b, manifest(b), options).restoreTo(target);
        }
    }

    /** What changed between two backups: paths added (+), removed (-) and modified (M). */
    public List<String> diff(Backup from, Backup to) throws IOException {
        List<ManifestItem> fromItems = manifest(from);
        List<ManifestItem> toItems = manifest(to);
        Map<String, CatalogEntry> old = new HashMap<>();
        from.entries().forEach(e -> old.put(e.path(), e));
        List<String> out = new ArrayList<>();
        for (CatalogEntry e : to.entries()) {
            CatalogEntry o = old.remove(e.path());
            if (o == null) {
                out.add("+ " + e.path());
            } else if (o.type() != e.type() || !o.linkTarget().equals(e.linkTarget()) || o.size() != e.size()
                    || (e.type().hasContent() && !fromItems.get(o.item()).equals(toItems.get(e.item())))) {
                out.add("M " + e.path());
            }
        }
        old.keySet().stream().sorted().forEach(p -> out.add("- " + p));
        return out;
    }

    // ---------------------------------------------------------------- maintenance

    /** Re-reads, decrypts and re-hashes every chunk of every backup; reports each damaged backup and file. */
    public VerifyReport verify(ProgressListener progress) throws IOException {
        try (RepositoryLock lock = RepositoryLock.acquire(dest, false, "verify")) {
            return new Verifier(this, progress).run();
        }
    }

    /** Applies a retention policy and moves what no kept backup needs into the recycle bin. */
    public PruneReport prune(RetentionPolicy policy, boolean dryRun, ProgressListener progress) throws IOException {
        try (RepositoryLock lock = RepositoryLock.acquire(dest, true, "prune")) {
            return new Pruner(this, progress).run(policy, dryRun);
        }
    }

    /**
     * Removes the backups with exactly these ids and moves what no remaining backup needs into the
     * recycle bin; fails, removing nothing, when an id names no backup.
     */
    public PruneReport forget(Set<String> ids, ProgressListener progress) throws IOException {
        if (ids.isEmpty()) {
            throw new RepositoryException("forget needs at least one backup id");
        }
        try (RepositoryLock lock = RepositoryLock.acquire(dest, true, "forget")) {
            return new Pruner(this, progress).forget(ids);
        }
    }

    /** Counts and sizes. */
    public RepositoryStats stats() throws IOException {
        List<String> data = dest.list("data");
        long stored = 0;
        for (String n : data) {
            stored += dest.size(n);
        }
        long recycle = 0;
        for (String n : dest.list("recycle")) {
            recycle += dest.size(n);
        }
        List<Backup> backups = list();
        return new RepositoryStats(backups.size(), data.size(), stored,
                backups.stream().mapToLong(Backup::logicalBytes).sum(), recycle);
    }

    @Override
    public void close() throws IOException {
        dest.close();
    }

    /** Walks a directory tree in name order into a {@link BackupWriter}. */
    private static final class TreeWalker {
        private final BackupWriter w;
        private final FastCdc cdc;
        private final Map<String, CatalogEntry> parentEntries;
        private final Map<String, ManifestItem> parentItems;

        TreeWalker(BackupWriter w, FastCdc cdc, Map<String, CatalogEntry> parentEntries, Map<String, ManifestItem> parentItems) {
            this.w = w;
            this.cdc = cdc;
            this.parentEntries = parentEntries;
            this.parentItems = parentItems;
        }

        void walk(Path root) throws IOException {
            PosixFileAttributes attrs = Files.readAttributes(root, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isDirectory()) {
                throw new RepositoryException(root + " is not a directory");
            }
            visitDir(root, "");
        }

        private void visitDir(Path dir, String rel) throws IOException {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                ds.forEach(children::add);
            } catch (IOException e) {
                w.error(dir.toString(), "cannot list: " + e.getMessage());
                return;
            }
            children.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path p : children) {
                String childRel = rel.isEmpty() ? p.getFileName().toString() : rel + "/" + p.getFileName();
                visit(p, childRel);
            }
        }

        private void visit(Path p, String rel) throws IOException {
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                w.error(p.toString(), e.toString());
                return;
            }
            long mtime = nanos(a.lastModifiedTime());
            if (a.isDirectory()) {
                w.entry(new CatalogEntry(rel, EntryType.DIRECTORY, mode(a), mtime, 0, "", -1));
                visitDir(p, rel);
            } else if (a.isSymbolicLink()) {
                w.entry(new CatalogEntry(rel, EntryType.SYMLINK, mode(a), mtime, 0, Files.readSymbolicLink(p).toString(), -1));
            } else if (a.isRegularFile()) {
                CatalogEntry old = parentEntries.get(rel);
                if (old != null && old.size() == a.size() && old.mtimeNanos() == mtime) {
                    int item = w.reuse(parentItems.get(rel));
                    w.entry(new CatalogEntry(rel, EntryType.FILE, mode(a), mtime, a.size(), "", item));
                    return;
                }
                int item;
                long size;
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    item = w.addStream(Channels.newInputStream(ch), cdc);
                    size = w.itemSizeOf(item);
                } catch (RepositoryException e) {
                    throw e;
                } catch (IOException e) {
                    w.error(p.toString(), e.toString());
                    return;
                }
                w.entry(new CatalogEntry(rel, EntryType.FILE, mode(a), mtime, size, "", item));
            } else {
                w.error(p.toString(), "skipped: not a regular file, directory or symlink");
            }
        }
    }
}
