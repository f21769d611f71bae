package org.bulwark.repository.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool in-process: every command, its output and its exit code. */
class RepositoryToolTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run tool(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 6];
        System.arraycopy(new String[] {"--repo", tmp.resolve("repo").toString(), "--kdf-memory", "8192", "--kdf-iterations", "1"}, 0, full, 0, 6);
        System.arraycopy(args, 0, full, 6, args.length);
        int code = new RepositoryTool(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin), Map.of("BULWARK_PASSPHRASE", "pw", "BULWARK_NEW_PASSPHRASE", "pw2")).run(full);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run tool(String... args) {
        return tool(new byte[0], args);
    }

    @Test
    void everyCommandWorksOnRealData() throws IOException {
        byte[] data = new byte[3_000_000];
        new Random(1).nextBytes(data);
        Path src = Files.createDirectories(tmp.resolve("src/sub"));
        Files.write(src.resolve("a.bin"), data);
        Path img = tmp.resolve("disk.img");
        Files.write(img, new byte[2 << 20]);
        Files.write(tmp.resolve("extents.txt"), List.of("# changed", "4096 512"));

        assertEquals(0, tool("init").code());
        Run tree = tool("backup", "--label", "share", tmp.resolve("src").toString());
        assertEquals(0, tree.code(), tree.err());
        String treeId = tree.out().split(" ")[1];
        assertEquals(0, tool("backup", "--label", "vm", "--image", img.toString()).code());
        Run inc = tool("backup", "--label", "vm", "--parent", "latest", "--changed", tmp.resolve("extents.txt").toString(),
                "--image", img.toString());
        assertTrue(inc.out().contains("1.00 MiB read"), inc.out());
        Run stream = tool("hello from stdin".getBytes(StandardCharsets.UTF_8), "backup", "--stdin", "note.txt");
        assertEquals(0, stream.code(), stream.err());

        Run list = tool("snapshots");
        assertEquals(4, list.out().lines().count(), list.out());
        assertTrue(tool("ls", treeId.substring(0, 8)).out().contains("sub/a.bin"));
        assertEquals("hello from stdin", tool("cat", stream.out().split(" ")[1], "note.txt").out());

        Path out = tmp.resolve("out");
        assertEquals(0, tool("restore", treeId, out.toString()).code());
        assertArrayEquals(data, Files.readAllBytes(out.resolve("sub/a.bin")));

        Files.writeString(src.resolve("b.txt"), "new");
        String second = tool("backup", "--label", "share", tmp.resolve("src").toString()).out().split(" ")[1];
        assertEquals("+ sub/b.txt\n", tool("diff", treeId, second).out());

        Run verify = tool("verify");
        assertEquals(0, verify.code());
        assertTrue(verify.out().contains("no damage"));
        assertTrue(tool("stats").out().startsWith("backups 5"));

        Run dry = tool("prune", "--keep-last", "1", "--dry-run");
        assertTrue(dry.out().contains("would remove backup " + treeId.substring(0, 8)), dry.out());
        assertEquals(5, tool("snapshots").out().lines().count());
        assertEquals(0, tool("prune", "--keep-last", "1").code());
        assertEquals(3, tool("snapshots").out().lines().count());

        assertTrue(tool("key", "export").out().startsWith("BULWARK REPOSITORY KEY v1"));
        assertEquals(0, tool("key", "add").code());
        assertEquals(2, tool("key", "list").out().lines().count());
        Run wrong = tool("snapshots", "--passphrase-file", Files.writeString(tmp.resolve("bad"), "nope").toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("wrong passphrase"), wrong.err());
        assertEquals(2, tool("frobnicate").code());
    }

    @Test
    void progressLineShowsBytesRateAndEta() {
        assertEquals("backup  512.00 MiB / 1.00 GiB  256.00 MiB/s  ETA 0:00:02",
                ProgressPrinter.line("backup", 512L << 20, 1L << 30, 2.0));
    }
}
