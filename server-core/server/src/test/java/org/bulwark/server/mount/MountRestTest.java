package org.bulwark.server.mount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.MountPartition;
import org.bulwark.api.MountRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.Api;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.bulwark.server.db.DatabaseConnection;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.GuestDisk;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ProtectedVm;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.soap.BulwarkFault;
import org.bulwark.server.soap.BulwarkSoap;
import org.bulwark.server.soap.SoapMountRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * File-level restore through REST against real parts: a real server on MariaDB, a real node enrolled
 * over SSH on loopback, the real libvirtd of the KVM lab and a real encrypted repository. The VM's disk
 * holds a GPT partition with ext4 made by {@code mkfs.ext4 -d} from a folder of known files; its
 * restore point is mounted, browsed, searched, downloaded (bytes compared with the originals) and
 * unmounted, with the refusals of each kind of bad call; SOAP lists and searches the same. A restore
 * point backed up on demand with a typed passphrase mounts with that passphrase, which no table keeps.
 */
class MountRestTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external()
            .with("node.heartbeat", "PT0.3S").with("node.grace", "PT2S");
    private static final String NODE = "mount-node";
    private static final String NODE_TOKEN = "mount-token-0123456789";
    private static final String VIEWER_PASSWORD = "viewer-password-for-mounts";
    private static final HttpClient BYTES = HttpClient.newHttpClient();
    private static Path dir;
    private static Path tree;
    private static int nodePort;
    private static BulwarkNode node;
    private static Node enrolled;
    private static String admin;
    private static String viewer;
    private static RestorePoint point;
    private static Hypervisor hypervisor;

    @BeforeAll
    static void backUpAVmWithAnExt4Disk() throws IOException {
        dir = Files.createTempDirectory("bwmount");
        admin = SERVER.server().adminToken();
        try (ServerSocket free = new ServerSocket(0)) {
            nodePort = free.getLocalPort();
        }
        node = startNode();
        Http.Answer answer = http().call("POST", "/nodes", admin, new NodeEnrollment(NODE, "127.0.0.1", nodePort, NODE_TOKEN));
        assertEquals(200, answer.status(), answer.body());
        enrolled = online(answer.as(Node.class).id());
        Http.Answer added = http().call("POST", "/hypervisors", admin, new HypervisorRequest("local", enrolled.id(), KvmLab.URI));
        assertEquals(200, added.status(), added.body());
        assertEquals(200, http().call("POST", "/users", admin, new NewUser("viewer", VIEWER_PASSWORD, Role.VIEWER)).status());
        viewer = http().login("viewer", VIEWER_PASSWORD).token();

        tree = GuestDisk.tree(Files.createDirectories(dir.resolve("tree")));
        String vm = LAB.defineVm();
        hypervisor = added.as(Hypervisor.class);
        point = ProtectedVm.withGuestDisk(http(), admin, hypervisor.id(), vm, LAB.disk(vm), tree, dir);
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

    private static BulwarkNode startNode() throws IOException {
        return BulwarkNode.start(new NodeConfig(dir.resolve("node"), NODE, "127.0.0.1", nodePort, 2, NODE_TOKEN));
    }

    private static Node online(UUID id) {
        return Await.until(() -> http().get("/nodes/" + id, admin).as(Node.class), n -> n.state() == NodeState.ONLINE,
                "node online");
    }

    private static Http http() {
        return SERVER.server().http();
    }

    /** Mounts the restore point's disk vda and waits until the server lists the mount. */
    private static Mount mounted() {
        Task task = ProtectedVm.succeeded(http(), admin, http().call("POST", "/mounts", admin, new MountRequest(point.id(), "vda")));
        UUID id = UUID.fromString(read(task.result()).path("mount").path("id").asText());
        Await.until(() -> http().get("/mounts/" + id, admin).status(), status -> status == 200, "mount " + id + " recorded");
        return http().get("/mounts/" + id, admin).as(Mount.class);
    }

    private static JsonNode read(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static String q(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> download(String pathAndQuery, String token) throws Exception {
        return BYTES.send(HttpRequest.newBuilder(URI.create(SERVER.server().url() + Api.BASE + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void mountBrowseSearchDownloadAndUnmount() throws Exception {
        Mount mount = mounted();
        assertEquals(point.id(), mount.restorePointId());
        assertEquals(point.vmId(), mount.vmId());
        assertEquals("vda", mount.disk());
        assertEquals(32L << 20, mount.size());
        assertEquals(NODE, mount.nodeName());
        assertTrue(mount.nbdUri().startsWith("nbd://127.0.0.1:"), mount.nbdUri());
        MountPartition partition = mount.partitions().getFirst();
        assertEquals(List.of(1), mount.partitions().stream().map(MountPartition::number).toList());
        assertEquals("gpt", partition.scheme());
        assertEquals("ext4", partition.fileSystem());
        assertEquals("guest root", partition.name());
        assertEquals(GuestDisk.PARTITION_OFFSET, partition.offset());
        assertEquals(List.of(mount.id()), http().get("/mounts", viewer).list(Mount.class).stream().map(Mount::id).toList(),
                "a viewer sees the open mounts");
        String base = "/mounts/" + mount.id() + "/partitions/1";

        List<MountEntry> root = http().get(base + "/list", viewer).list(MountEntry.class);
        MountEntry folder = root.stream().filter(e -> e.name().equals("docs")).findFirst().orElseThrow();
        assertEquals("/docs", folder.path());
        assertEquals("DIRECTORY", folder.type());
        MountEntry hello = root.stream().filter(e -> e.name().equals("hello.txt")).findFirst().orElseThrow();
        assertEquals("/hello.txt", hello.path());
        assertEquals("FILE", hello.type());
        assertEquals(Files.size(tree.resolve("hello.txt")), hello.size());
        assertEquals(Files.getLastModifiedTime(tree.resolve("hello.txt")).toInstant().getEpochSecond(),
                hello.modified().getEpochSecond());
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BulwarkSoap.class);
        factory.setAddress(SERVER.server().url() + Api.SOAP);
        BulwarkSoap soap = factory.create(BulwarkSoap.class);
        String soapViewer = soap.login("viewer", VIEWER_PASSWORD).token;
        assertEquals(root.stream().map(MountEntry::path).sorted().toList(), soap.listMountFolder(soapViewer,
                mount.id().toString(), 1, "/").stream().map(e -> e.path).sorted().toList(), "SOAP lists what REST lists");
        assertEquals(List.of("/" + GuestDisk.README), soap.searchMount(soapViewer, mount.id().toString(), 1, null, "readme", 0)
                .stream().map(e -> e.path).toList());
        assertEquals("ext4", soap.getMount(soapViewer, mount.id().toString()).partitions.getFirst().fileSystem);
        SoapMountRequest again = new SoapMountRequest();
        again.restorePointId = point.id();
        assertEquals(403, assertThrows(BulwarkFault.class, () -> soap.mount(soapViewer, again)).getFaultInfo().status,
                "a viewer may not mount over SOAP either");

        List<MountEntry> docs = http().get(base + "/list?path=" + q("/docs/"), admin).list(MountEntry.class);
        assertEquals(List.of("/docs/empty.txt", "/docs/notes", "/docs/report 2026.bin"),
                docs.stream().map(MountEntry::path).sorted().toList());

        List<MountEntry> found = http().get(base + "/search?name=readme", viewer).list(MountEntry.class);
        assertEquals(List.of("/" + GuestDisk.README), found.stream().map(MountEntry::path).toList(), "names match ignoring case");
        assertEquals(List.of(), http().get(base + "/search?path=/docs/notes&name=report", admin).list(MountEntry.class),
                "only below the folder asked");
        assertEquals(2, http().get(base + "/search?name=t&limit=2", admin).list(MountEntry.class).size(), "at most limit");

        HttpResponse<byte[]> file = download(base + "/file?path=" + q("/" + GuestDisk.REPORT), viewer);
        assertEquals(200, file.statusCode());
        assertArrayEquals(Files.readAllBytes(tree.resolve(GuestDisk.REPORT)), file.body());
        assertEquals(String.valueOf(Files.size(tree.resolve(GuestDisk.REPORT))), file.headers().firstValue("Content-Length").orElse(null));
        assertEquals(0, download(base + "/file?path=/docs/empty.txt", admin).body().length);

        HttpResponse<byte[]> zip = download(base + "/zip?path=/docs", admin);
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(null));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertArrayEquals(Files.readAllBytes(tree.resolve(GuestDisk.REPORT)), entries.get("report 2026.bin"));
        assertArrayEquals(Files.readAllBytes(tree.resolve(GuestDisk.README)), entries.get("notes/ReadMe.TXT"));
        assertArrayEquals(new byte[0], entries.get("empty.txt"));

        Task unmount = ProtectedVm.succeeded(http(), admin, http().call("DELETE", "/mounts/" + mount.id(), admin, null));
        assertEquals(enrolled.id(), unmount.nodeId());
        Await.until(() -> http().get("/mounts/" + mount.id(), admin).status(), status -> status == 404, "mount forgotten");
        assertEquals(List.of(), node.mounts().service().list(), "the node has closed the mount");
        assertEquals(List.of(), http().get("/mounts", admin).list(Mount.class));
        assertEquals(404, http().get(base + "/list", admin).status(), "an unmounted mount cannot be browsed");
    }

    @Test
    void aRestorePointBackedUpWithATypedPassphraseMountsWithItAndTheSecretIsKeptNowhere() throws Exception {
        String typed = "typed passphrase of an on-demand backup";
        Path ownDir = Files.createDirectories(dir.resolve("typed"));
        String vm = LAB.defineVm();
        GuestDisk.write(tree, LAB.disk(vm), 32, ownDir);
        Path repository = ownDir.resolve("repo");
        Repository.init(new LocalDestination(repository), InitOptions.defaults().withKdf(new KdfParams(8 * 1024, 1, 1)),
                typed.toCharArray()).close();
        Task sync = ProtectedVm.succeeded(http(), admin, http().call("POST", "/hypervisors/" + hypervisor.id() + "/sync", admin,
                null));
        Vm synced = Await.until(() -> http().get("/vms", admin).list(Vm.class).stream().filter(v -> v.name().equals(vm))
                .findFirst(), Optional::isPresent, "VM " + vm + " after " + sync.id()).orElseThrow();
        Task backup = ProtectedVm.succeeded(http(), admin, http().call("POST", "/vms/" + synced.id() + "/backup", admin,
                new BackupRequest(null, repository.toString(), typed, null, false)));
        RestorePoint onDemand = Await.until(() -> http().get("/vms/" + synced.id() + "/restore-points", admin)
                .list(RestorePoint.class).stream().filter(p -> p.taskId().equals(backup.id())).findFirst(),
                Optional::isPresent, "restore point of " + backup.id()).orElseThrow();

        // without the passphrase the encrypted repository does not open
        Http.Answer without = http().call("POST", "/mounts", admin, new MountRequest(onDemand.id(), "vda"));
        assertEquals(200, without.status(), without.body());
        UUID withoutId = without.as(Task.class).id();
        Task refused = Await.until(() -> http().get("/tasks/" + withoutId, admin).as(Task.class), t -> t.state().isFinal(),
                "end of the MOUNT without passphrase");
        assertEquals(TaskState.FAILED, refused.state(), refused.toString());

        MountRequest withPassphrase = new MountRequest(onDemand.id(), "vda", typed);
        assertFalse(withPassphrase.toString().contains(typed), withPassphrase.toString());
        Task task = ProtectedVm.succeeded(http(), admin, http().call("POST", "/mounts", admin, withPassphrase));
        UUID id = UUID.fromString(read(task.result()).path("mount").path("id").asText());
        Await.until(() -> http().get("/mounts/" + id, admin).status(), status -> status == 200, "mount " + id + " recorded");
        HttpResponse<byte[]> file = download("/mounts/" + id + "/partitions/1/file?path=" + q("/hello.txt"), admin);
        assertEquals(200, file.statusCode());
        assertArrayEquals(Files.readAllBytes(tree.resolve("hello.txt")), file.body());

        DatabaseConnection db = SERVER.server().database();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (String query : List.of("SELECT * FROM mounts", "SELECT * FROM tasks", "SELECT * FROM task_links")) {
                try (PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                            String value = rs.getString(column);
                            assertTrue(value == null || !value.contains(typed), query + " holds the passphrase in plain text");
                        }
                    }
                }
            }
        }
        ProtectedVm.succeeded(http(), admin, http().call("DELETE", "/mounts/" + id, admin, null));
    }

    @Test
    void badCallsAreRefusedAndLoseNothing() throws Exception {
        Mount mount = mounted();
        String base = "/mounts/" + mount.id() + "/partitions/1";
        assertEquals(403, http().call("POST", "/mounts", viewer, new MountRequest(point.id(), null)).status(),
                "a viewer may not mount");
        assertEquals(403, http().call("DELETE", "/mounts/" + mount.id(), viewer, null).status(), "nor unmount");
        Http.Answer unknownPoint = http().call("POST", "/mounts", admin, new MountRequest("no-such-point", null));
        assertEquals(404, unknownPoint.status(), unknownPoint.body());
        assertEquals("No restore point no-such-point", unknownPoint.error().message());
        assertEquals(404, http().get("/mounts/" + UUID.randomUUID(), admin).status());
        assertEquals(404, http().get("/mounts/" + UUID.randomUUID() + "/partitions/1/list", admin).status());
        assertEquals(404, http().call("DELETE", "/mounts/" + UUID.randomUUID(), admin, null).status());

        for (String traversal : List.of("/docs/../../etc", "/..", "docs", "/docs/./notes")) {
            Http.Answer refused = http().get(base + "/list?path=" + q(traversal), admin);
            assertEquals(400, refused.status(), traversal + ": " + refused.body());
            assertEquals(400, download(base + "/file?path=" + q(traversal + "/x"), admin).statusCode(), traversal);
        }
        assertEquals(400, http().get(base + "/list?path=" + q("/hello.txt"), admin).status(), "a file is no folder");
        assertEquals(400, download(base + "/file?path=/docs", admin).statusCode(), "a folder is no file");
        assertEquals(400, download(base + "/file", admin).statusCode(), "a file download names its path");
        assertEquals(400, http().get(base + "/search?path=/docs", admin).status(), "a search names a part of the names");
        Http.Answer missing = http().get(base + "/list?path=/nothing-here", admin);
        assertEquals(404, missing.status(), missing.body());
        assertEquals(404, download(base + "/file?path=/docs/missing.txt", admin).statusCode());
        assertEquals(404, http().get("/mounts/" + mount.id() + "/partitions/7/list", admin).status(), "no partition 7");
        assertEquals(List.of(mount.id()), http().get("/mounts", admin).list(Mount.class).stream().map(Mount::id).toList(),
                "the refusals left the mount open");

        // the node goes away: its mounts cannot be read, and say why; back without them, the server forgets them
        node.close();
        Await.until(() -> http().get("/nodes/" + enrolled.id(), admin).as(Node.class), n -> n.state() == NodeState.OFFLINE,
                "node offline");
        Http.Answer offline = http().get(base + "/list", admin);
        assertEquals(502, offline.status(), offline.body());
        assertTrue(offline.error().message().contains("is offline"), offline.body());
        node = startNode();
        online(enrolled.id());
        assertEquals(List.of(), http().get("/mounts", admin).list(Mount.class), "a restarted node has no mounts");
        assertEquals(404, http().get("/mounts/" + mount.id(), admin).status());
    }
}
