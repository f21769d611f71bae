package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a repository again takes the key unlocked before, only with the same passphrase and key files. */
class UnlockCacheTest {
    private static final Duration TTL = Duration.ofMinutes(10);

    @TempDir
    Path tmp;
    private final AtomicLong now = new AtomicLong();
    private final UnlockCache cache = new UnlockCache(TTL, now::get);
    private Path dir;
    private LocalDestination dest;

    @BeforeEach
    void repository() throws IOException {
        dir = tmp.resolve("repo");
        TestData.init(dir, true).close();
        dest = new LocalDestination(dir);
    }

    @Test
    void warmCacheOpensTheRepositoryAndStillRefusesAWrongPassphrase() throws IOException {
        byte[] data = TestData.random(300_000, 1);
        try (Repository repository = Repository.open(dest, TestData.PASSPHRASE, cache)) {
            repository.backupStream(new ByteArrayInputStream(data), "data", BackupOptions.labelled("t"));
        }
        assertNotNull(cached(TestData.PASSPHRASE), "the first open unlocked and kept the key");

        try (Repository warm = Repository.open(dest, TestData.PASSPHRASE, cache);
                InputStream in = warm.openContent(warm.list().getFirst(), "data")) {
            assertArrayEquals(data, in.readAllBytes(), "the cached key decrypts the data");
        }
        for (String wrong : new String[] {"wrong", "correct horse battery stapl", "correct horse battery staple "}) {
            RepositoryException e = assertThrows(RepositoryException.class,
                    () -> Repository.open(dest, wrong.toCharArray(), cache));
            assertTrue(e.getMessage().startsWith("wrong passphrase"), e.getMessage());
        }
        assertEquals(1, cache.size(), "refused passphrases leave nothing behind");
    }

    @Test
    void removingTheKeyInvalidatesItsEntryHereAndFromAnotherProcess() throws IOException {
        String second;
        String third;
        try (Repository repository = Repository.open(dest, TestData.PASSPHRASE, cache)) {
            second = repository.addPassphrase("second".toCharArray(), TestData.FAST_KDF);
            third = repository.addPassphrase("third".toCharArray(), TestData.FAST_KDF);
        }
        Repository.open(dest, "second".toCharArray(), cache).close();
        assertNotNull(cached("second".toCharArray()));

        try (Repository repository = Repository.open(dest, TestData.PASSPHRASE)) {
            repository.removePassphrase(second);
        }
        assertTrue(assertThrows(RepositoryException.class, () -> Repository.open(dest, "second".toCharArray(), cache))
                .getMessage().startsWith("wrong passphrase"), "the removed passphrase opens nothing any more");

        Repository.open(dest, "third".toCharArray(), cache).close();
        Files.delete(dir.resolve("keys").resolve(third));
        assertThrows(RepositoryException.class, () -> Repository.open(dest, "third".toCharArray(), cache),
                "a key file removed behind this process's back invalidates the entry too");
        Repository.open(dest, TestData.PASSPHRASE, cache).close();
    }

    @Test
    void entriesExpire() throws IOException {
        Repository.open(dest, TestData.PASSPHRASE, cache).close();
        now.addAndGet(TTL.toNanos() - 1);
        assertNotNull(cached(TestData.PASSPHRASE));
        now.addAndGet(2);
        assertNull(cached(TestData.PASSPHRASE), "expired");
        assertEquals(0, cache.size());
        Repository.open(dest, TestData.PASSPHRASE, cache).close();
        assertEquals(1, cache.size(), "unlocked again the slow way");
    }

    private Object cached(char[] passphrase) throws IOException {
        Map<String, byte[]> keyFiles = new HashMap<>();
        for (String name : dest.list("keys")) {
            keyFiles.put(name, dest.read(name));
        }
        return cache.get(Repository.cacheName(dest, Repository.readConfig(dest)), UnlockCache.fingerprint(keyFiles),
                passphrase);
    }
}
