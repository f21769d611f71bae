package org.bulwark.node.mount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskStatus;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.bulwark.node.api.TaskApiServer;
import org.bulwark.node.mount.fs.FileInfo;
import org.bulwark.node.task.TaskRunner;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MOUNT, browse and download over the node's loopback task API, UNMOUNT: a real ext4 disk (no
 * partition table) made by {@code mkfs.ext4 -d}, backed up into a real encrypted repository.
 */
class MountTasksTest {
    @TempDir
    Path dir;
    private MountTasks mounts;
    private TaskRunner runner;
    private TaskApiServer api;
    private HttpClient http;
    private Path repo;
    private Path passphraseFile;
    private Backup backup;
    private byte[] report;

    @BeforeEach
    void start() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/docs"));
        Files.writeString(tree.resolveSibling("hello.txt"), "hello\n");
        report = new byte[200_000];
        new java.util.Random(3).nextBytes(report);
        Files.write(tree.resolve("report 2026.bin"), report);
        Path disk = dir.resolve("disk.img");
        Process mkfs = new ProcessBuilder("mkfs.ext4", "-q", "-F", "-d", tree.getParent().toString(), disk.toString(), "8M")
                .redirectErrorStream(true).start();
        String out = new String(mkfs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, mkfs.waitFor(), out);
        repo = dir.resolve("repo");
        passphraseFile = Files.writeString(dir.resolve("secret"), "node secret\n");
        try (Repository r = Repository.init(new LocalDestination(repo), InitOptions.defaults().withKdf(new KdfParams(8 * 1024, 1, 1)),
                "node secret".toCharArray())) {
            backup = r.backupImage(disk, BackupOptions.labelled("disk"));
        }
        mounts = new MountTasks(dir.resolve("node/mounts"));
        runner = new TaskRunner(2, mounts.handlers());
        api = new TaskApiServer(runner, () -> new NodeStatus("n", "test", 2, runner.running()));
        api.route(MountApi.PATH, new MountApi(mounts.service()));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
        runner.close();
        mounts.close();
    }

    private HttpResponse<byte[]> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + api.endpoint().token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Submits a task and waits for its end. */
    private TaskStatus run(TaskType type, Map<String, String> parameters) throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<byte[]> accepted = call("POST", "/tasks", Json.MAPPER.writeValueAsString(new TaskSubmission(id, type, parameters)));
        assertEquals(202, accepted.statusCode(), new String(accepted.body(), StandardCharsets.UTF_8));
        TaskEventPage page;
        long seen = 0;
        do {
            page = Json.MAPPER.readValue(call("GET", "/tasks/" + id + "/events?after=" + seen + "&waitMillis=5000", null).body(),
                    TaskEventPage.class);
            seen += page.events().size();
        } while (!page.state().isFinal());
        return Json.MAPPER.readValue(call("GET", "/tasks/" + id, null).body(), TaskStatus.class);
    }

    private Map<String, String> mountParameters() {
        return Map.of("destination", repo.toString(), "passphraseFile", passphraseFile.toString(), "restorePoint",
                backup.shortId(), "cacheMiB", "4");
    }

    private static String q(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    @Test
    void mountBrowseDownloadUnmount() throws Exception {
        TaskStatus mounted = run(TaskType.MOUNT, mountParameters());
        assertEquals(TaskState.SUCCEEDED, mounted.state(), mounted.message());
        MountTasks.Mounted result = Json.MAPPER.readValue(mounted.result(), MountTasks.Mounted.class);
        assertEquals("none", result.partitions().getFirst().scheme(), "a whole-disk file system is partition 0");
        assertTrue(result.mount().nbdUri().startsWith("nbd://127.0.0.1:"), result.mount().nbdUri());
        String base = "/mounts/" + result.mount().id();

        List<MountSession.Info> listed = Json.MAPPER.readValue(call("GET", "/mounts", null).body(), new TypeReference<>() { });
        assertEquals(List.of(result.mount().id()), listed.stream().map(MountSession.Info::id).toList());
        List<FileInfo> root = Json.MAPPER.readValue(call("GET", base + "/partitions/0/list?path=/", null).body(),
                new TypeReference<>() { });
        assertTrue(root.stream().anyMatch(f -> f.name().equals("docs") && f.type() == FileInfo.FileType.DIRECTORY), root::toString);

        HttpResponse<byte[]> file = call("GET", base + "/partitions/0/file?path=" + q("/docs/report 2026.bin"), null);
        assertEquals(200, file.statusCode());
        assertArrayEquals(report, file.body());
        HttpResponse<byte[]> zip = call("GET", base + "/partitions/0/zip?path=/docs", null);
        assertEquals(200, zip.statusCode());
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertArrayEquals(report, entries.get("report 2026.bin"));

        List<MountSession.Found> found = Json.MAPPER.readValue(
                call("GET", base + "/partitions/0/search?path=/&name=" + q("REPORT"), null).body(), new TypeReference<>() { });
        assertEquals(List.of("/docs/report 2026.bin"), found.stream().map(MountSession.Found::path).toList(),
                "names match ignoring case, with their full paths");
        assertEquals(report.length, found.getFirst().file().size());
        FileInfo stat = Json.MAPPER.readValue(call("GET", base + "/partitions/0/stat?path=" + q("/hello.txt"), null).body(),
                FileInfo.class);
        assertEquals(6, stat.size());
        assertEquals(400, call("GET", base + "/partitions/0/list?path=/hello.txt", null).statusCode(), "a file is no folder");
        assertEquals(400, call("GET", base + "/partitions/0/file?path=/docs", null).statusCode(), "a folder is no file");
        assertEquals(400, call("GET", base + "/partitions/0/list?path=docs", null).statusCode(), "paths are absolute");
        assertEquals(404, call("GET", base + "/partitions/3/list?path=/", null).statusCode(), "no partition 3");
        assertEquals(404, call("GET", base + "/partitions/0/file?path=/missing", null).statusCode());
        assertEquals(400, call("GET", base + "/partitions/0/file", null).statusCode(), "path is required");
        assertEquals(404, call("GET", "/mounts/" + UUID.randomUUID(), null).statusCode());
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + base)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode(), "browsing wants the task API's token");

        TaskStatus unmounted = run(TaskType.UNMOUNT, Map.of("mount", result.mount().id().toString()));
        assertEquals(TaskState.SUCCEEDED, unmounted.state(), unmounted.message());
        assertEquals(404, call("GET", base, null).statusCode());
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", result.mount().nbdPort()), 2000);
            }
        }, "the NBD port is closed");
    }

    @Test
    void mountOnAPrivateUnixSocket() throws Exception {
        Map<String, String> parameters = new HashMap<>(mountParameters());
        parameters.put("listen", "unix");
        TaskStatus mounted = run(TaskType.MOUNT, parameters);
        assertEquals(TaskState.SUCCEEDED, mounted.state(), mounted.message());
        MountTasks.Mounted result = Json.MAPPER.readValue(mounted.result(), MountTasks.Mounted.class);
        Path socket = dir.resolve("node/mounts/" + backup.shortId() + "-disk.img.sock");
        assertEquals("nbd+unix:///" + backup.shortId() + "-disk.img?socket=" + socket, result.mount().nbdUri());
        assertEquals(-1, result.mount().nbdPort());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        Process info = new ProcessBuilder("qemu-img", "info", result.mount().nbdUri()).redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, info.waitFor(), out);
        assertTrue(out.contains("8 MiB"), out);
        assertEquals(TaskState.SUCCEEDED, run(TaskType.UNMOUNT, Map.of("mount", result.mount().id().toString())).state());
        assertTrue(Files.notExists(socket), "unmount removes the socket");
    }

    @Test
    void badInputIsRefusedOrFailsClearly() throws Exception {
        Map<String, String> wrongSecret = new HashMap<>(mountParameters());
        wrongSecret.remove("passphraseFile");
        wrongSecret.put("passphrase", "not it");
        TaskStatus failed = run(TaskType.MOUNT, wrongSecret);
        assertEquals(TaskState.FAILED, failed.state());
        Map<String, String> unknown = new HashMap<>(mountParameters());
        unknown.put("restorePoint", "ffffffff");
        failed = run(TaskType.MOUNT, unknown);
        assertEquals(TaskState.FAILED, failed.state());
        assertTrue(failed.message().contains("no backup ffffffff"), failed.message());
        assertTrue(mounts.service().list().isEmpty(), "failed mounts leave nothing open");

        Map<String, String> relative = new HashMap<>(mountParameters());
        relative.put("destination", "repo");
        assertRefused(TaskType.MOUNT, relative, "absolute path");
        assertRefused(TaskType.UNMOUNT, Map.of("mount", UUID.randomUUID().toString()), "no mount");
        assertRefused(TaskType.UNMOUNT, Map.of("mount", "x"), "mount id");
        Map<String, String> listen = new HashMap<>(mountParameters());
        listen.put("listen", "0.0.0.0");
        assertRefused(TaskType.MOUNT, listen, "tcp or unix");
    }

    private void assertRefused(TaskType type, Map<String, String> parameters, String why) throws Exception {
        HttpResponse<byte[]> refused = call("POST", "/tasks",
                Json.MAPPER.writeValueAsString(new TaskSubmission(UUID.randomUUID(), type, parameters)));
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertEquals(400, refused.statusCode(), body);
        assertTrue(body.contains(why), body);
    }
}
