package org.bulwark.console.tests.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bulwark.console.restore.model.Conflict;
import org.bulwark.console.restore.model.RefusedNameException;
import org.bulwark.console.restore.model.TargetFolder;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads land only inside their target folder and never replace an existing file unless the
 * operator said so: real files in a real temporary folder.
 */
class TargetFolderTest {
    private Path dir;
    private Path folder;
    private final List<Path> asked = new ArrayList<>();

    @BeforeEach
    void createFolder() throws IOException {
        dir = Files.createTempDirectory("bulwark-target-");
        folder = Files.createDirectories(dir.resolve("downloads"));
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private TargetFolder target(Conflict answer) throws IOException {
        return new TargetFolder(folder, existing -> {
            asked.add(existing);
            return answer;
        });
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesThatWouldLeaveTheFolderAreRefusedAndNothingIsWritten() throws IOException {
        TargetFolder target = target(Conflict.OVERWRITE);
        for (String name : List.of("../escaped.txt", "a/../../escaped.txt", "/etc/escaped.txt", "..", ".", "", "a//b",
                "a\\..\\b", "nul\0.txt", "docs/")) {
            assertThrows(RefusedNameException.class, () -> target.place(name), name);
        }
        try (Stream<Path> written = Files.list(dir)) {
            assertEquals(List.of(folder), written.toList(), "nothing was written beside or inside the folder");
        }
        assertTrue(asked.isEmpty(), "refused names never reach the operator");
    }

    @Test
    void aLinkInsideTheFolderThatLeadsOutIsRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(folder.resolve("link"), outside);

        RefusedNameException refused = assertThrows(RefusedNameException.class, () -> target(Conflict.OVERWRITE).place("link/x.txt"));

        assertTrue(refused.getMessage().contains("leads out"), refused.getMessage());
        assertFalse(Files.exists(outside.resolve("x.txt")));
    }

    @Test
    void aFreeNameIsWrittenWithoutAsking() throws IOException {
        TargetFolder target = target(Conflict.SKIP);

        Path written = target.write(target.place("docs/a.txt"), bytes("new"), new NullProgressMonitor());

        assertEquals(folder.toRealPath().resolve("docs/a.txt"), written);
        assertEquals("new", Files.readString(written));
        assertTrue(asked.isEmpty());
    }

    @Test
    void anExistingFileIsSkippedKeptBesideOrOverwrittenAsTheOperatorSays() throws IOException {
        Path existing = Files.writeString(folder.resolve("a.txt"), "mine");

        assertNull(target(Conflict.SKIP).place("a.txt"), "skip: nothing to write");
        assertEquals(List.of(existing.toRealPath()), asked, "the operator was asked about the existing file");

        TargetFolder keepBoth = target(Conflict.KEEP_BOTH);
        Path beside = keepBoth.write(keepBoth.place("a.txt"), bytes("theirs"), new NullProgressMonitor());
        assertEquals("a (1).txt", beside.getFileName().toString());
        assertEquals("theirs", Files.readString(beside));
        Path third = keepBoth.write(keepBoth.place("a.txt"), bytes("third"), new NullProgressMonitor());
        assertEquals("a (2).txt", third.getFileName().toString());
        assertEquals("mine", Files.readString(existing), "keep both leaves the existing file alone");

        TargetFolder overwrite = target(Conflict.OVERWRITE);
        overwrite.write(overwrite.place("a.txt"), bytes("replaced"), new NullProgressMonitor());
        assertEquals("replaced", Files.readString(existing));
    }

    @Test
    void aFileThatAppearsAfterThePlacementIsNotReplaced() throws IOException {
        TargetFolder target = target(Conflict.SKIP);
        TargetFolder.Placement placement = target.place("late.txt");
        Files.writeString(folder.resolve("late.txt"), "arrived first");

        assertThrows(FileAlreadyExistsException.class, () -> target.write(placement, bytes("download"), new NullProgressMonitor()));

        assertEquals("arrived first", Files.readString(folder.resolve("late.txt")));
        assertNoPartFiles();
    }

    @Test
    void aCancelledDownloadLeavesNoFileBehind() throws IOException {
        TargetFolder target = target(Conflict.SKIP);
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        byte[] big = new byte[1 << 20];

        assertThrows(OperationCanceledException.class,
                () -> target.write(target.place("big.bin"), new ByteArrayInputStream(big), cancelled));

        assertFalse(Files.exists(folder.resolve("big.bin")));
        assertNoPartFiles();
    }

    @Test
    void aMissingFolderIsRefusedAtOnce() {
        assertThrows(NoSuchFileException.class, () -> new TargetFolder(dir.resolve("missing"), existing -> Conflict.SKIP));
    }

    @Test
    void writtenBytesAreTheBytesRead() throws IOException {
        byte[] data = new byte[300_000];
        new java.util.Random(11).nextBytes(data);
        TargetFolder target = target(Conflict.SKIP);

        Path written = target.write(target.place("data.bin"), new ByteArrayInputStream(data), new NullProgressMonitor());

        assertArrayEquals(data, Files.readAllBytes(written));
    }

    private void assertNoPartFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            assertTrue(files.noneMatch(path -> path.getFileName().toString().endsWith(".part")), "no temporary file is left");
        }
    }
}
