package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bulwark.repository.destination.LocalDestination;
import org.bulwark.repository.format.UnsupportedFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong passphrases, foreign or newer repositories, and key management mistakes get clear refusals. */
class BadInputTest {

    @TempDir
    Path tmp;

    @Test
    void wrongPassphraseIsRefusedAndChangesNothing() throws IOException {
        Path dir = tmp.resolve("repo");
        TestData.init(dir, true).close();
        RepositoryException e = assertThrows(RepositoryException.class,
                () -> Repository.open(new LocalDestination(dir), "wrong".toCharArray()));
        assertTrue(e.getMessage().startsWith("wrong passphrase"), e.getMessage());
        assertThrows(RepositoryException.class, () -> Repository.open(new LocalDestination(dir), null));
        TestData.open(dir).close();
    }

    @Test
    void newerFormatVersionIsRefusedWithUpgradeHint() throws IOException {
        Path dir = tmp.resolve("repo");
        TestData.init(dir, false).close();
        byte[] config = Files.readAllBytes(dir.resolve("config"));
        config[5] = 2;
        Files.write(dir.resolve("config"), config);
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> TestData.open(dir));
        assertTrue(e.getMessage().contains("version 2 is newer"), e.getMessage());
    }

    @Test
    void foreignFolderAndDamagedConfigAreRefused() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(UnsupportedFormatException.class, () -> TestData.open(empty)).getMessage().contains("no Bulwark repository"));
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("config"), "{\"version\":2,\"id\":\"restic\"}");
        assertTrue(assertThrows(UnsupportedFormatException.class, () -> TestData.open(foreign)).getMessage().contains("not a Bulwark repository"));
        Path dir = tmp.resolve("repo");
        TestData.init(dir, false).close();
        byte[] config = Files.readAllBytes(dir.resolve("config"));
        config[30] ^= 1;
        Files.write(dir.resolve("config"), config);
        assertThrows(IOException.class, () -> TestData.open(dir));
        assertThrows(RepositoryException.class, () -> TestData.init(dir, false), "init refuses an existing repository");
    }

    @Test
    void passphrasesAreAddedAndRemovedWithoutTouchingData() throws IOException {
        Path dir = tmp.resolve("repo");
        Path f = tmp.resolve("f");
        Files.write(f, TestData.text(200_000, 1));
        Backup b;
        String second;
        try (Repository repo = TestData.init(dir, true)) {
            b = repo.backupFile(f, BackupOptions.labelled("f"));
            second = repo.addPassphrase("second one".toCharArray(), TestData.FAST_KDF);
            assertEquals(2, repo.keys().size());
        }
        List<String> dataBefore = new LocalDestination(dir).list("data");
        String first;
        try (Repository repo = Repository.open(new LocalDestination(dir), "second one".toCharArray())) {
            first = repo.keys().stream().map(k -> k.id()).filter(id -> !id.equals(second)).findFirst().orElseThrow();
            repo.removePassphrase(first);
            assertThrows(RepositoryException.class, () -> repo.removePassphrase(second), "the last key stays");
            try (var in = repo.openContent(repo.find(b.id()), "f")) {
                assertArrayEquals(Files.readAllBytes(f), in.readAllBytes());
            }
        }
        assertThrows(RepositoryException.class, () -> TestData.open(dir), "the removed passphrase no longer opens");
        assertEquals(dataBefore, new LocalDestination(dir).list("data"));
    }

    @Test
    void exportedKeyRecoversARepositoryWhoseEveryPassphraseIsLost() throws IOException {
        Path dir = tmp.resolve("repo");
        String exported;
        try (Repository repo = TestData.init(dir, true)) {
            exported = repo.exportKey();
        }
        assertTrue(exported.startsWith("BULWARK REPOSITORY KEY v1"));
        for (String k : new LocalDestination(dir).list("keys")) {
            Files.delete(dir.resolve(k));
        }
        String typo = exported.replaceFirst("key: (.)", "key: " + (exported.contains("key: 0") ? "1" : "0"));
        assertThrows(RepositoryException.class,
                () -> Repository.importKey(new LocalDestination(dir), typo, "new".toCharArray(), TestData.FAST_KDF));
        Path other = tmp.resolve("other");
        TestData.init(other, true).close();
        assertThrows(RepositoryException.class,
                () -> Repository.importKey(new LocalDestination(other), exported, "new".toCharArray(), TestData.FAST_KDF));
        Repository.importKey(new LocalDestination(dir), exported, "new".toCharArray(), TestData.FAST_KDF);
        Repository.open(new LocalDestination(dir), "new".toCharArray()).close();
    }
}
