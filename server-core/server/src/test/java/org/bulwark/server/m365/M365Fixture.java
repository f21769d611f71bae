package org.bulwark.server.m365;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;

/**
 * What the Microsoft 365 server tests share: log capture from the start, a local Graph service for
 * one tenant (the tests add its users and content), an encrypted repository with its passphrase in
 * an owner-only file, and a real node in this JVM enrolled in the test server over SSH on loopback
 * and online. REST answers made through {@link #call} are kept for the checks that no secret leaks.
 */
final class M365Fixture implements AutoCloseable {
    final LogCapture logs;
    final Path dir;
    final LocalGraphService graph;
    final String admin;
    final BulwarkNode node;
    final Node enrolled;
    private final ServerExtension server;
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    /**
     * Starts everything for a tenant; the node is named {@code name}.
     *
     * @param passphrase the repository's passphrase, also written to {@link #passphraseFile()}
     */
    M365Fixture(ServerExtension server, String name, String tenantId, String clientId, String secret, String passphrase)
            throws IOException {
        this.server = server;
        logs = LogCapture.install();
        dir = Files.createTempDirectory("bulwark-" + name);
        graph = new LocalGraphService(tenantId, clientId, secret);
        try (Repository repo = Repository.init(new LocalDestination(Path.of(destination())),
                InitOptions.defaults().withKdf(new KdfParams(64, 1, 1)), passphrase.toCharArray())) {
            // an encrypted repository with a cheap key derivation, so that the tests stay fast
        }
        Path passphraseFile = Path.of(passphraseFile());
        Files.writeString(passphraseFile, passphrase);
        Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("rw-------"));
        admin = server.server().adminToken();
        String token = name + "-token-0123456789";
        node = BulwarkNode.start(new NodeConfig(dir.resolve("node"), name, "127.0.0.1", 0, 2, token));
        Http.Answer answer = call("POST", "/nodes", admin, new NodeEnrollment(name, "127.0.0.1", node.ssh().port(), token));
        assertEquals(200, answer.status(), answer.body());
        UUID id = answer.as(Node.class).id();
        enrolled = Await.until(() -> http().get("/nodes/" + id, admin).as(Node.class), n -> n.state() == NodeState.ONLINE,
                "node online");
    }

    Http http() {
        return server.server().http();
    }

    /** A REST call whose answer is kept for the secret checks. */
    Http.Answer call(String method, String path, String token, Object body) {
        Http.Answer answer = http().call(method, path, token, body);
        keep(answer.body());
        return answer;
    }

    /** Keeps a text the server sent, for the secret checks. */
    void keep(String text) {
        answers.add(text);
    }

    /** The answers kept so far. */
    List<String> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** The repository folder on the node. */
    String destination() {
        return dir.resolve("destination").toString();
    }

    /** The owner-only file on the node holding the repository's passphrase. */
    String passphraseFile() {
        return dir.resolve("passphrase").toString();
    }

    @Override
    public void close() throws IOException {
        logs.close();
        if (node != null) {
            node.close();
        }
        if (graph != null) {
            graph.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
