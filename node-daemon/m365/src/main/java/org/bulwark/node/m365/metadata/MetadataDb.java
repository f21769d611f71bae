package org.bulwark.node.m365.metadata;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQLite metadata of one tenant and service (mail, files, teams): runs, owners, blobs,
 * item versions and delta links. Every change arrives as {@link MetaRecord}s of a committed
 * repository batch ({@link #apply}); the database is therefore rebuildable from the batches.
 * Thread-safe (one connection, synchronized).
 */
public final class MetadataDb implements AutoCloseable {

    /** A restore point: a backup run. */
    public record Run(long id, long finished, boolean complete, long items, long bytes) {
    }

    /** An owner: mailbox, drive or team. */
    public record Owner(String id, String kind, String name) {
    }

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS run(id INTEGER PRIMARY KEY, finished INTEGER, complete INTEGER NOT NULL DEFAULT 0,
              items INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS owner(id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS blob(hash TEXT PRIMARY KEY, size INTEGER NOT NULL, backup TEXT NOT NULL, path TEXT NOT NULL,
              pos INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS item(owner TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, run INTEGER NOT NULL,
              parent TEXT NOT NULL, name TEXT NOT NULL, sender TEXT NOT NULL, modified INTEGER NOT NULL, size INTEGER NOT NULL,
              change TEXT NOT NULL, recipe TEXT NOT NULL, deleted INTEGER NOT NULL, PRIMARY KEY(owner, kind, id, run));
            CREATE INDEX IF NOT EXISTS item_parent ON item(owner, kind, parent);
            CREATE TABLE IF NOT EXISTS delta(owner TEXT NOT NULL, scope TEXT NOT NULL, link TEXT NOT NULL, PRIMARY KEY(owner, scope));
            CREATE TABLE IF NOT EXISTS batch(backup TEXT PRIMARY KEY, seq INTEGER NOT NULL);
            """;

    /** Versions visible at a restore point: per item the newest version not after it, tombstones excluded. */
    private static final String AT = "SELECT * FROM item i WHERE %s AND i.deleted = 0 AND i.run = "
            + "(SELECT MAX(j.run) FROM item j WHERE j.owner = i.owner AND j.kind = i.kind AND j.id = i.id AND j.run <= ?)";

    private final Path file;
    private final Connection db;

    private MetadataDb(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating when missing) a database file. */
    public static MetadataDb open(Path file) throws IOException {
        try {
            Files.createDirectories(file.getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
            }
            return new MetadataDb(file, c);
        } catch (SQLException e) {
            throw new IOException("cannot open metadata database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Applies the records of one committed batch in one transaction. */
    public synchronized void apply(String backupId, List<MetaRecord> records) throws IOException {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement batch = db.prepareStatement("INSERT OR IGNORE INTO batch(backup, seq) VALUES(?, (SELECT COUNT(*) FROM batch))")) {
                batch.setString(1, backupId);
                if (batch.executeUpdate() == 0) {
                    db.rollback();
                    return;
                }
            }
            for (MetaRecord r : records) {
                applyOne(backupId, r);
            }
            db.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new IOException("cannot write metadata to " + file + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private void applyOne(String backupId, MetaRecord r) throws SQLException {
        switch (r) {
            case MetaRecord.RunStarted s -> update("INSERT OR IGNORE INTO run(id) VALUES(?)", s.id());
            case MetaRecord.RunEnded e -> update("UPDATE run SET finished = ?, complete = ?, items = ?, bytes = ? WHERE id = ?",
                    e.finished(), e.complete() ? 1 : 0, e.items(), e.bytes(), e.id());
            case MetaRecord.Owner o -> update("INSERT OR REPLACE INTO owner(id, kind, name) VALUES(?, ?, ?)", o.id(), o.kind(), o.name());
            case MetaRecord.Blob b -> update("INSERT OR IGNORE INTO blob(hash, size, backup, path, pos) VALUES(?, ?, ?, ?, ?)",
                    b.hash(), b.size(), b.backup() != null ? b.backup() : backupId, b.path(), b.pos());
            case MetaRecord.Item i -> {
                ItemVersion v = i.version();
                update("INSERT OR REPLACE INTO item VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.owner(), v.kind(), v.id(), v.run(),
                        v.parent(), v.name(), v.sender(), v.modified(), v.size(), v.change(), v.recipe(), v.deleted() ? 1 : 0);
            }
            case MetaRecord.Reset ignored -> {
                for (String table : new String[]{"run", "owner", "blob", "item", "delta"}) {
                    update("DELETE FROM " + table);
                }
            }
            case MetaRecord.Delta d -> {
                if (d.link() == null) {
                    update("DELETE FROM delta WHERE owner = ? AND scope = ?", d.owner(), d.scope());
                } else {
                    update("INSERT OR REPLACE INTO delta(owner, scope, link) VALUES(?, ?, ?)", d.owner(), d.scope(), d.link());
                }
            }
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original error is what the caller needs
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    /** Repository backups (batches) already applied. */
    public synchronized Set<String> appliedBatches() throws IOException {
        Set<String> out = new HashSet<>();
        query("SELECT backup FROM batch", rs -> out.add(rs.getString(1)));
        return out;
    }

    /** Where a stored blob is: repository backup, catalog path, position and size. */
    public record BlobLocation(String backup, String path, long pos, long size) {
    }

    /** Where a blob is stored, or null when it is not stored. */
    public synchronized BlobLocation blob(String hash) throws IOException {
        List<BlobLocation> out = new ArrayList<>();
        query("SELECT backup, path, pos, size FROM blob WHERE hash = ?",
                rs -> out.add(new BlobLocation(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))), hash);
        return out.isEmpty() ? null : out.getFirst();
    }

    /** A stored blob and where it is. */
    public record StoredBlob(String hash, BlobLocation location) {
    }

    /** Every stored blob. */
    public synchronized List<StoredBlob> blobs() throws IOException {
        List<StoredBlob> out = new ArrayList<>();
        query("SELECT hash, backup, path, pos, size FROM blob ORDER BY backup, path, pos", rs -> out.add(new StoredBlob(rs.getString(1),
                new BlobLocation(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))));
        return out;
    }

    /** Every item version, tombstones included, by owner, kind, id and run. */
    public synchronized List<ItemVersion> versions() throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        query("SELECT * FROM item ORDER BY owner, kind, id, run", rs -> out.add(version(rs)));
        return out;
    }

    /** Every delta link. */
    public synchronized List<MetaRecord.Delta> deltaLinks() throws IOException {
        List<MetaRecord.Delta> out = new ArrayList<>();
        query("SELECT owner, scope, link FROM delta ORDER BY owner, scope",
                rs -> out.add(new MetaRecord.Delta(rs.getString(1), rs.getString(2), rs.getString(3))));
        return out;
    }

    public synchronized long blobCount() throws IOException {
        long[] n = new long[1];
        query("SELECT COUNT(*) FROM blob", rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    public synchronized String deltaLink(String owner, String scope) throws IOException {
        List<String> out = new ArrayList<>();
        query("SELECT link FROM delta WHERE owner = ? AND scope = ?", rs -> out.add(rs.getString(1)), owner, scope);
        return out.isEmpty() ? null : out.getFirst();
    }

    /** The newest version of an item (a tombstone included), or null. */
    public synchronized ItemVersion latest(String owner, String kind, String id) throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        query("SELECT * FROM item WHERE owner = ? AND kind = ? AND id = ? ORDER BY run DESC LIMIT 1",
                rs -> out.add(version(rs)), owner, kind, id);
        return out.isEmpty() ? null : out.getFirst();
    }

    /** Live items of an owner and kind at a restore point ({@link Long#MAX_VALUE}: now), optionally under one parent. */
    public synchronized List<ItemVersion> itemsAt(long run, String owner, String kind, String parent) throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        String where = "i.owner = ? AND i.kind = ?" + (parent == null ? "" : " AND i.parent = ?");
        Object[] args = parent == null ? new Object[]{owner, kind, run} : new Object[]{owner, kind, parent, run};
        query(AT.formatted(where) + " ORDER BY i.modified, i.id", rs -> out.add(version(rs)), args);
        return out;
    }

    /** One item as it was at a restore point, or null when it did not exist then. */
    public synchronized ItemVersion itemAt(long run, String owner, String kind, String id) throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        query(AT.formatted("i.owner = ? AND i.kind = ? AND i.id = ?"), rs -> out.add(version(rs)), owner, kind, id, run);
        return out.isEmpty() ? null : out.getFirst();
    }

    /** Live items at a restore point whose name or sender contains the text (case-insensitive). */
    public synchronized List<ItemVersion> search(long run, String text) throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        String like = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        query(AT.formatted("(lower(i.name) LIKE ? ESCAPE '\\' OR lower(i.sender) LIKE ? ESCAPE '\\')")
                + " ORDER BY i.owner, i.modified", rs -> out.add(version(rs)), like, like, run);
        return out;
    }

    /** Tombstones of an owner's items, newest deletion first: what was deleted, and when the backup saw it. */
    public synchronized List<ItemVersion> tombstones(String owner) throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        query("SELECT * FROM item WHERE owner = ? AND deleted = 1 ORDER BY modified DESC, id", rs -> out.add(version(rs)), owner);
        return out;
    }

    public synchronized List<Run> runs() throws IOException {
        List<Run> out = new ArrayList<>();
        query("SELECT id, finished, complete, items, bytes FROM run ORDER BY id",
                rs -> out.add(new Run(rs.getLong(1), rs.getLong(2), rs.getInt(3) == 1, rs.getLong(4), rs.getLong(5))));
        return out;
    }

    public synchronized List<Owner> owners() throws IOException {
        List<Owner> out = new ArrayList<>();
        query("SELECT id, kind, name FROM owner ORDER BY name, id", rs -> out.add(new Owner(rs.getString(1), rs.getString(2), rs.getString(3))));
        return out;
    }

    private static ItemVersion version(ResultSet rs) throws SQLException {
        return new ItemVersion(rs.getString("owner"), rs.getString("kind"), rs.getString("id"), rs.getLong("run"),
                rs.getString("parent"), rs.getString("name"), rs.getString("sender"), rs.getLong("modified"), rs.getLong("size"),
                rs.getString("change"), rs.getString("recipe"), rs.getInt("deleted") == 1);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... args) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read metadata from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent copy of the database to {@code target} atomically: a temporary file
     * beside it, fsync, rename over the old copy, fsync of the folder.
     */
    public synchronized void publish(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("cannot copy metadata database to " + tmp + ": " + e.getMessage(), e);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
