package org.bulwark.node.mount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.node.mount.fs.FileInfo;
import org.bulwark.node.mount.fs.FileInfo.FileType;
import org.bulwark.node.mount.fs.Partition;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.bulwark.repository.format.CorruptObjectException;
import org.bulwark.repository.format.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mounts of real restore points: ext4 disks built with {@code mkfs.ext4 -d} in GPT and MBR tables,
 * backed up into a real encrypted repository, served over NBD to {@code qemu-img} and
 * {@code nbdcopy}, browsed and downloaded in Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MountTest {
    private static final char[] PASSPHRASE = "mount test passphrase".toCharArray();

    private Path dir;
    private Path tree;
    private Path gptDisk;
    private Path mbrDisk;
    private Path repoDir;
    private Backup gptBackup;
    private Backup mbrBackup;
    private final MountService mounts = new MountService();

    @BeforeAll
    void backUpTwoDisks(@TempDir Path temp) throws Exception {
        dir = temp;
        tree = GuestDisks.tree(dir.resolve("tree"));
        gptDisk = GuestDisks.disk(GuestDisks.ext4(tree, dir.resolve("gpt-fs.img"), 24, 4096), dir.resolve("gpt.raw"), 40, "gpt");
        mbrDisk = GuestDisks.disk(GuestDisks.ext4(tree, dir.resolve("mbr-fs.img"), 24, 1024), dir.resolve("mbr.raw"), 40, "dos");
        repoDir = dir.resolve("repo");
        InitOptions options = InitOptions.defaults().withKdf(new KdfParams(8 * 1024, 1, 1)).withChunkSizes(64 << 10, 16 << 10,
                64 << 10, 256 << 10);
        try (Repository repo = Repository.init(new LocalDestination(repoDir), options, PASSPHRASE)) {
            gptBackup = repo.backupImage(gptDisk, BackupOptions.labelled("gpt"));
            mbrBackup = repo.backupImage(mbrDisk, BackupOptions.labelled("mbr"));
        }
    }

    @AfterAll
    void closeMounts() {
        mounts.close();
    }

    private MountSession mount(Backup backup) throws IOException {
        return mounts.open(Repository.open(new LocalDestination(repoDir), PASSPHRASE), backup, null, 0, 8 << 20);
    }

    @Test
    void qemuImgAndNbdcopyReadTheExportByteForByte() throws Exception {
        try (MountSession m = mount(gptBackup)) {
            String uri = m.info().nbdUri();
            String info = Tools.check(List.of("qemu-img", "info", "--output=json", uri));
            assertTrue(info.contains("\"virtual-size\": " + Files.size(gptDisk)), info);
            Path converted = dir.resolve("converted.raw");
            Tools.check(List.of("qemu-img", "convert", "-f", "raw", "-O", "raw", uri, converted.toString()));
            assertEquals(Tools.sha256(gptDisk), Tools.sha256(converted));
            Path copied = dir.resolve("nbdcopy.raw");
            Tools.check(List.of("nbdcopy", uri, copied.toString()));
            assertEquals(Tools.sha256(gptDisk), Tools.sha256(copied));
            assertTrue(m.cachedBytes() <= 8 << 20, "the chunk cache stays within its budget");
        }
    }

    @Test
    void instantRecoveryOverlayReadsThroughTheExport() throws Exception {
        try (MountSession m = mount(mbrBackup)) {
            Path overlay = dir.resolve("overlay.qcow2");
            Tools.check(List.of("qemu-img", "create", "-f", "qcow2", "-F", "raw", "-b", m.info().nbdUri(), overlay.toString()));
            Tools.check(List.of("qemu-io", "-c", "write -P 0xab 0 4096", overlay.toString()));
            Path out = dir.resolve("overlay-flat.raw");
            Tools.check(List.of("qemu-img", "convert", "-O", "raw", overlay.toString(), out.toString()));
            byte[] expected = Files.readAllBytes(mbrDisk);
            java.util.Arrays.fill(expected, 0, 4096, (byte) 0xab);
            assertArrayEquals(expected, Files.readAllBytes(out), "guest writes land in the overlay, the rest comes from the export");
        }
    }

    @Test
    void partitionsOfGptAndMbr() throws Exception {
        try (MountSession gpt = mount(gptBackup); MountSession mbr = mount(mbrBackup)) {
            List<Partition> g = gpt.partitions();
            assertEquals(1, g.size(), g::toString);
            assertEquals(new Partition(1, "gpt", "0FC63DAF-8483-4772-8E79-3D69D8477DE4", "guest root", GuestDisks.PARTITION_OFFSET,
                    24 * GuestDisks.MIB, "ext4"), g.getFirst());
            List<Partition> m = mbr.partitions();
            assertEquals(List.of(1, 5), m.stream().map(Partition::number).toList(), m::toString);
            assertEquals(new Partition(1, "mbr", "0x83", "", GuestDisks.PARTITION_OFFSET, 24 * GuestDisks.MIB, "ext4"), m.getFirst());
            assertEquals("unknown", m.get(1).fileSystem());
            IOException e = assertThrows(IOException.class, () -> mbr.list(5, "/"));
            assertTrue(e.getMessage().contains("no file system"), e.getMessage());
            assertThrows(IOException.class, () -> mbr.list(3, "/"), "no partition 3");
        }
    }

    @Test
    void browseAndReadFilesOnBothDisks() throws Exception {
        for (Backup backup : List.of(gptBackup, mbrBackup)) {
            try (MountSession m = mount(backup)) {
                Map<String, FileInfo> root = m.list(1, "/").stream().collect(Collectors.toMap(FileInfo::name, f -> f));
                assertEquals(Set.of("hello.txt", "a", "grüße.txt", "sparse.bin", "many", "link-to-deep", "dirlink", "lost+found"),
                        root.keySet());
                assertEquals(FileType.FILE, root.get("hello.txt").type());
                assertEquals(Files.size(tree.resolve("hello.txt")), root.get("hello.txt").size());
                assertEquals(Files.getLastModifiedTime(tree.resolve("hello.txt")).toInstant().getEpochSecond(),
                        root.get("hello.txt").mtime().getEpochSecond());
                assertEquals(FileType.DIRECTORY, root.get("a").type());
                assertEquals(FileType.SYMLINK, root.get("link-to-deep").type());
                assertEquals("a/b/c/deep.txt", root.get("link-to-deep").linkTarget());

                for (String file : List.of("hello.txt", "grüße.txt", "sparse.bin", "a/b/random.bin", "a/b/c/deep.txt")) {
                    try (InputStream in = m.open(1, "/" + file)) {
                        assertArrayEquals(Files.readAllBytes(tree.resolve(file)), in.readAllBytes(), file);
                    }
                }
                try (InputStream in = m.open(1, "/dirlink/c/deep.txt")) {
                    assertArrayEquals(Files.readAllBytes(tree.resolve("a/b/c/deep.txt")), in.readAllBytes(),
                            "a folder link inside a path is followed within the guest file system");
                }
                assertEquals(GuestDisks.MANY, m.list(1, "/many").size(), "every entry of a hashed directory");
                assertEquals(1, m.list(1, "/a/b/c").size());
                assertThrows(java.io.FileNotFoundException.class, () -> m.open(1, "/a/missing.txt"));
                assertThrows(IOException.class, () -> m.open(1, "/a"), "a folder is not a file");
                assertThrows(IOException.class, () -> m.open(1, "/link-to-deep"), "a link at the end is not followed");
            }
        }
    }

    @Test
    void sparseFileHasAnExtentTreeOfDepthOne() throws Exception {
        String extents = Tools.check(List.of("debugfs", "-R", "ex /sparse.bin", dir.resolve("mbr-fs.img").toString()));
        assertTrue(extents.contains(" 1/ 1 "), "the test file must need an extent index block: " + extents);
        String stat = Tools.check(List.of("debugfs", "-R", "stat /many", dir.resolve("mbr-fs.img").toString()));
        assertTrue(stat.matches("(?s).*Flags: 0x\\p{XDigit}*1\\p{XDigit}{3}\\b.*"), "the folder must be hashed: " + stat);
    }

    @Test
    void folderDownloadAsZip() throws Exception {
        try (MountSession m = mount(gptBackup)) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            int files = m.zip(1, "/a", zip);
            assertEquals(2, files);
            Map<String, byte[]> entries = new HashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            assertEquals(Set.of("b/", "b/c/", "b/random.bin", "b/c/deep.txt"), entries.keySet());
            assertArrayEquals(Files.readAllBytes(tree.resolve("a/b/random.bin")), entries.get("b/random.bin"));
            assertArrayEquals(Files.readAllBytes(tree.resolve("a/b/c/deep.txt")), entries.get("b/c/deep.txt"));
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            int all = m.zip(1, "/", whole);
            assertEquals(GuestDisks.MANY + 5, all, "root: hello, grüße, sparse, random, deep and the many; links left out");
            assertThrows(IOException.class, () -> m.zip(1, "/hello.txt", new ByteArrayOutputStream()));
        }
    }

    @Test
    void zipNamesNeverEscape() {
        assertEquals("__/__/etc/passwd", ZipNames.of(List.of("..", "..", "etc", "passwd")));
        assertEquals("a_b/_/c_d", ZipNames.of(List.of("a\\b", ".", "c\u0001d")));
        assertEquals("_etc", ZipNames.component("/etc"));
    }

    @Test
    void unmountFreesThePortAndTheSession() throws Exception {
        MountSession m = mount(gptBackup);
        int port = m.info().nbdPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        assertTrue(mounts.list().stream().anyMatch(i -> i.id().equals(m.info().id())));
        assertTrue(mounts.close(m.info().id()));
        assertFalse(mounts.find(m.info().id()).isPresent());
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
        assertThrows(IOException.class, () -> m.list(1, "/"), "a closed mount refuses browsing");
        assertFalse(mounts.close(m.info().id()), "closing twice is a no-op");
    }

    @Test
    void unknownDiskIsRefusedAndTheRepositoryClosed() throws Exception {
        IOException e = assertThrows(IOException.class, () -> mounts.open(Repository.open(new LocalDestination(repoDir), PASSPHRASE),
                gptBackup, "vdz", 0, 1 << 20));
        assertTrue(e.getMessage().contains("has no disk vdz"), e.getMessage());
    }

    @Test
    void damagedChunkFailsReadsLoudly() throws Exception {
        Path copy = dir.resolve("damaged-repo");
        try (Stream<Path> files = Files.walk(repoDir)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(repoDir.relativize(p).toString()));
            }
        }
        List<Segment> segments;
        try (Repository repo = Repository.open(new LocalDestination(copy), PASSPHRASE)) {
            segments = repo.manifest(mbrBackup).get(mbrBackup.entries().getFirst().item()).segments();
        }
        // the last stored chunk inside the ext4 partition, past the superblock that mounting reads
        Segment victim = null;
        long offset = 0;
        long at = 0;
        for (Segment s : segments) {
            if (!s.zero() && at > GuestDisks.PARTITION_OFFSET + (64 << 10) && at < GuestDisks.PARTITION_OFFSET + 24 * GuestDisks.MIB) {
                victim = s;
                offset = at;
            }
            at += s.length();
        }
        Path chunk = copy.resolve(victim.chunk().objectName());
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(chunk, bytes, StandardOpenOption.TRUNCATE_EXISTING);

        try (MountSession m = mounts.open(Repository.open(new LocalDestination(copy), PASSPHRASE), mbrBackup, null, 0, 1 << 20)) {
            Tools.Run convert = Tools.run(List.of("qemu-img", "convert", "-f", "raw", "-O", "raw", m.info().nbdUri(),
                    dir.resolve("from-damaged.raw").toString()));
            assertTrue(convert.exit() != 0, "qemu-img must fail: " + convert.output());
            assertTrue(convert.output().contains("Input/output error"), convert.output());
            long damaged = offset;
            assertThrows(CorruptObjectException.class, () -> m.disk().read(damaged, 512), "never wrong bytes");
            assertArrayEquals(java.util.Arrays.copyOf(Files.readAllBytes(mbrDisk), 512), m.disk().read(0, 512), "undamaged chunks still read");
        }
    }
}
