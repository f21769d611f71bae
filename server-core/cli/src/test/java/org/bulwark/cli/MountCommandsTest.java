package org.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.api.ApiException;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Mount;
import org.bulwark.api.MountRequest;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.rest.MountResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.GuestDisk;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ProtectedVm;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark mount}, {@code mounts}, {@code ls}, {@code find}, {@code get} and {@code unmount}
 * in-process against a real server, a real node, the real libvirtd of the KVM lab and a real
 * repository holding a VM whose disk is a GPT partition with ext4 made by {@code mkfs.ext4 -d};
 * and the REST client's streaming downloads on their own.
 */
class MountCommandsTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static final Pattern MOUNTED = Pattern.compile("^Mounted ([0-9a-f-]{36}): ", Pattern.MULTILINE);
    private static Path dir;
    private static Path tree;
    private static BulwarkNode node;
    private static RestorePoint point;

    @TempDir
    Path config;
    @TempDir
    Path local;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void backUpAVmWithAnExt4Disk() throws IOException {
        dir = Files.createTempDirectory("bwcli-mount");
        node = BulwarkNode.start(new NodeConfig(dir.resolve("node"), "cli-mount-node", "127.0.0.1", 0, 2, "cli-mount-token-0123456789"));
        String admin = SERVER.server().adminToken();
        Http http = SERVER.server().http();
        Http.Answer enrolled = http.call("POST", "/nodes", admin,
                new NodeEnrollment("cli-mount-node", "127.0.0.1", node.ssh().port(), "cli-mount-token-0123456789"));
        assertEquals(200, enrolled.status(), enrolled.body());
        UUID nodeId = enrolled.as(Node.class).id();
        Await.until(() -> http.get("/nodes/" + nodeId, admin).as(Node.class), n -> n.state() == NodeState.ONLINE, "node online");
        Http.Answer added = http.call("POST", "/hypervisors", admin, new HypervisorRequest("local", nodeId, KvmLab.URI));
        assertEquals(200, added.status(), added.body());

        tree = GuestDisk.tree(Files.createDirectories(dir.resolve("tree")));
        String vm = LAB.defineVm();
        point = ProtectedVm.withGuestDisk(http, admin, added.as(Hypervisor.class).id(), vm, LAB.disk(vm), tree, dir);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BulwarkCli.run(List.of(args), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(SessionStore.CONFIG_DIR, config.toString()), null, config));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOk(Run run) {
        assertEquals(0, run.exit(), run.out() + run.err());
    }

    @Test
    void mountListFindGetAndUnmount() throws IOException {
        Path password = Files.writeString(config.resolve("password"), TestServer.ADMIN_PASSWORD + "\n");
        assertOk(cli("login", "--server", SERVER.server().url().toString(), "--user", "admin", "--password-file", password.toString()));

        Run mount = cli("mount", point.id(), "--disk", "vda");
        assertOk(mount);
        Matcher matcher = MOUNTED.matcher(mount.out());
        assertTrue(matcher.find(), mount.out());
        String id = matcher.group(1);
        assertTrue(mount.out().matches("(?s).*\\n1 +gpt +ext4 .*guest root.*"), mount.out());
        assertTrue(mount.err().contains("MOUNT SUCCEEDED 100%"), "the task's progress line: " + mount.err());
        assertTrue(cli("mounts").out().contains(id), "listed");

        String shortId = id.substring(0, 8);
        Run ls = cli("ls", shortId, "1", "/docs");
        assertOk(ls);
        assertTrue(ls.out().contains("report 2026.bin"), ls.out());
        assertTrue(ls.out().contains("notes"), ls.out());
        Run find = cli("find", id, "1", "README");
        assertOk(find);
        assertTrue(find.out().contains("/" + GuestDisk.README), find.out());

        byte[] report = Files.readAllBytes(tree.resolve(GuestDisk.REPORT));
        Run get = cli("get", id, "1", "/" + GuestDisk.REPORT, "--to", local.toString());
        assertOk(get);
        assertArrayEquals(report, Files.readAllBytes(local.resolve("report 2026.bin")));
        assertTrue(get.err().contains("Downloading report 2026.bin  293.0 KiB / 293.0 KiB"), get.err());
        Files.write(local.resolve("report 2026.bin"), new byte[] {1, 2, 3});
        Run again = cli("get", id, "1", "/" + GuestDisk.REPORT, "--to", local.toString());
        assertEquals(ExitCode.CONFLICT.code(), again.exit(), again.err());
        assertTrue(again.err().contains("exists; give --overwrite to replace it"), again.err());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(local.resolve("report 2026.bin")), "left as it was");
        assertOk(cli("get", id, "1", "/" + GuestDisk.REPORT, "--to", local.toString(), "--overwrite"));
        assertArrayEquals(report, Files.readAllBytes(local.resolve("report 2026.bin")));

        Run folder = cli("get", id, "1", "/docs", "--to", local.toString());
        assertOk(folder);
        assertTrue(folder.out().contains("3 files"), folder.out());
        assertArrayEquals(report, Files.readAllBytes(local.resolve("docs/report 2026.bin")));
        assertArrayEquals(Files.readAllBytes(tree.resolve(GuestDisk.README)), Files.readAllBytes(local.resolve(GuestDisk.README)));
        assertEquals(0, Files.size(local.resolve("docs/empty.txt")));
        assertEquals(ExitCode.CONFLICT.code(), cli("get", id, "1", "/docs", "--to", local.toString()).exit(), "not merged silently");
        assertOk(cli("get", id, "1", "/docs", "--to", local.toString(), "--zip"));
        Map<String, byte[]> zipped = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(local.resolve("docs.zip")))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zipped.put(e.getName(), in.readAllBytes());
            }
        }
        assertArrayEquals(report, zipped.get("report 2026.bin"));
        try (var left = Files.list(local)) {
            assertEquals(List.of("docs", "docs.zip", "report 2026.bin"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }

        Run missing = cli("get", id, "1", "/docs/nothing.txt", "--to", local.toString());
        assertEquals(ExitCode.NOT_FOUND.code(), missing.exit(), missing.err());
        Run traversal = cli("ls", id, "1", "/docs/../..");
        assertEquals(ExitCode.USAGE.code(), traversal.exit(), traversal.err());
        assertTrue(traversal.err().contains("must not contain . or .. parts"), traversal.err());

        Run unmount = cli("unmount", id);
        assertOk(unmount);
        assertTrue(unmount.out().startsWith("Unmounted " + id), unmount.out());
        Await.until(() -> cli("mounts", "--json").out().strip(), "[ ]"::equals, "no mounts left");
        assertEquals(List.of(), node.mounts().service().list(), "the node closed the mount");
        assertEquals(ExitCode.NOT_FOUND.code(), cli("ls", id, "1", "/").exit());
    }

    @Test
    void theRestClientStreamsDownloadsAndReportsRefusals() throws IOException {
        try (BulwarkClient client = BulwarkClient.login(SERVER.server().url().toString(), "admin", TestServer.ADMIN_PASSWORD)) {
            MountResource mounts = client.resource(MountResource.class);
            TaskResource tasks = client.resource(TaskResource.class);
            UUID taskId = mounts.mount(new MountRequest(point.id(), null)).id();
            Task task = Await.until(() -> tasks.get(taskId), t -> t.state().isFinal(), "MOUNT ends");
            assertEquals(TaskState.SUCCEEDED, task.state(), task.toString());
            UUID id = UUID.fromString(new ObjectMapper().readTree(task.result()).path("mount").path("id").asText());
            Mount mount = Await.until(() -> mounts.list().stream().filter(m -> m.id().equals(id)).findFirst(), Optional::isPresent,
                    "mount recorded").orElseThrow();
            try (InputStream in = mounts.file(mount.id(), 1, "/" + GuestDisk.REPORT)) {
                assertArrayEquals(Files.readAllBytes(tree.resolve(GuestDisk.REPORT)), in.readAllBytes(),
                        "the query's space and slashes arrive as they were");
            }
            try (ZipInputStream in = new ZipInputStream(mounts.zip(mount.id(), 1, "/docs/notes"))) {
                ZipEntry entry = in.getNextEntry();
                assertEquals("ReadMe.TXT", entry.getName());
                assertArrayEquals(Files.readAllBytes(tree.resolve(GuestDisk.README)), in.readAllBytes());
            }
            ApiException missing = assertThrows(ApiException.class, () -> mounts.file(mount.id(), 1, "/no such file"));
            assertEquals(404, missing.status());
            assertEquals("NOT_FOUND", missing.code());
            ApiException folder = assertThrows(ApiException.class, () -> mounts.file(mount.id(), 1, "/docs"));
            assertEquals(400, folder.status());
            assertTrue(folder.getMessage().contains("/docs is not a regular file"), folder.getMessage());
            assertEquals(2, mounts.search(mount.id(), 1, "/docs", "E", 2).size(), "limit and name go as query parameters");
            UUID unmount = mounts.unmount(mount.id()).id();
            Task unmounted = Await.until(() -> tasks.get(unmount), t -> t.state().isFinal(), "UNMOUNT ends");
            assertEquals(TaskState.SUCCEEDED, unmounted.state(), unmounted.toString());
        }
    }
}
