package org.bulwark.node.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.bulwark.api.node.KeyPairFile;
import org.bulwark.api.node.NodeProtocol;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskApiEndpoint;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.Json;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.enrollment.EnrollmentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's SSH endpoint against a real MINA client on loopback. */
class NodeSshServerTest {
    private static final String TOKEN = "preset-token-for-tests-0123456789";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static SshClient client;

    @TempDir
    Path dataDir;
    private BulwarkNode node;

    @BeforeAll
    static void startClient() {
        client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterAll
    static void stopClient() {
        client.stop();
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private BulwarkNode startNode(String token) throws IOException {
        node = BulwarkNode.start(new NodeConfig(dataDir, "node-s", "127.0.0.1", 0, 2, token));
        return node;
    }

    private ClientSession connect(String user) throws IOException {
        return client.connect(user, "127.0.0.1", node.ssh().port()).verify(TIMEOUT).getSession();
    }

    private ClientSession loginWithPassword(String user, String password) throws IOException {
        ClientSession session = connect(user);
        session.addPasswordIdentity(password);
        session.auth().verify(TIMEOUT);
        return session;
    }

    private ClientSession loginWithKey(KeyPair key) throws IOException {
        ClientSession session = connect(NodeProtocol.SERVER_USER);
        session.addPublicKeyIdentity(key);
        session.auth().verify(TIMEOUT);
        return session;
    }

    private KeyPair enroll() throws IOException {
        KeyPair serverKey = KeyPairFile.loadOrCreate(dataDir.resolve("test-server-key"));
        try (ClientSession session = loginWithPassword(NodeProtocol.ENROLL_USER, TOKEN)) {
            String answer = session.executeRemoteCommand(NodeProtocol.ENROLL_COMMAND + " " + PublicKeyEntry.toString(serverKey.getPublic()));
            assertEquals("node-s", Json.MAPPER.readValue(answer, NodeStatus.class).name());
        }
        return serverKey;
    }

    @Test
    void firstStartWritesHostKeyAndPortFileAndPrintsAGeneratedToken() throws IOException {
        startNode(null);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        assertEquals(ownerOnly, Files.getPosixFilePermissions(dataDir.resolve(BulwarkNode.HOST_KEY_FILE)));
        Path tokenFile = dataDir.resolve(EnrollmentStore.TOKEN_FILE);
        assertEquals(ownerOnly, Files.getPosixFilePermissions(tokenFile));
        assertTrue(Files.readString(tokenFile).strip().length() >= 32);
        assertEquals(node.ssh().port(), Integer.parseInt(Files.readString(dataDir.resolve(BulwarkNode.PORT_FILE)).strip()));
        assertFalse(node.enrollment().isEnrolled());
    }

    @Test
    void enrollmentBurnsTheTokenAndThenOnlyTheServerKeyLogsIn() throws IOException {
        startNode(TOKEN);
        assertThrows(IOException.class, () -> loginWithPassword(NodeProtocol.ENROLL_USER, TOKEN + "x"), "wrong token refused");

        KeyPair serverKey = enroll();
        assertTrue(node.enrollment().isEnrolled());
        assertFalse(Files.exists(dataDir.resolve(EnrollmentStore.TOKEN_FILE)));
        assertEquals(PublicKeyEntry.toString(serverKey.getPublic()),
                Files.readString(dataDir.resolve(EnrollmentStore.SERVER_KEY_FILE)).strip());

        assertThrows(IOException.class, () -> loginWithPassword(NodeProtocol.ENROLL_USER, TOKEN), "burnt token refused");
        assertThrows(IOException.class, () -> loginWithPassword(NodeProtocol.SERVER_USER, TOKEN), "no passwords at all");
        KeyPair otherKey = KeyPairFile.loadOrCreate(dataDir.resolve("other-key"));
        assertThrows(IOException.class, () -> loginWithKey(otherKey), "another key refused");

        try (ClientSession session = loginWithKey(serverKey)) {
            assertTrue(session.isAuthenticated());
        }
    }

    @Test
    void aRestartedNodeStaysEnrolledAndResetNeedsANewToken() throws IOException {
        startNode(TOKEN);
        KeyPair serverKey = enroll();
        node.close();
        startNode(TOKEN);
        assertTrue(node.enrollment().isEnrolled());
        assertThrows(IOException.class, () -> loginWithPassword(NodeProtocol.ENROLL_USER, TOKEN));
        loginWithKey(serverKey).close();
        node.close();

        EnrollmentStore.reset(dataDir);
        startNode(TOKEN);
        assertFalse(node.enrollment().isEnrolled());
        assertThrows(IOException.class, () -> loginWithPassword(NodeProtocol.ENROLL_USER, TOKEN),
                "the preset token was burnt: a reset needs a new one");
        String fresh = Files.readString(dataDir.resolve(EnrollmentStore.TOKEN_FILE)).strip();
        assertNotEquals(TOKEN, fresh);
        loginWithPassword(NodeProtocol.ENROLL_USER, fresh).close();
    }

    @Test
    void serverSessionMayRunOnlyTheTaskApiCommandAndNoShell() throws IOException {
        startNode(TOKEN);
        KeyPair serverKey = enroll();
        try (ClientSession session = loginWithKey(serverKey)) {
            TaskApiEndpoint endpoint = Json.MAPPER.readValue(session.executeRemoteCommand(NodeProtocol.TASK_API_COMMAND),
                    TaskApiEndpoint.class);
            assertEquals(node.api().port(), endpoint.port());
            assertThrows(IOException.class, () -> session.executeRemoteCommand("id"));
            assertThrows(IOException.class, () -> session.executeRemoteCommand(NodeProtocol.ENROLL_COMMAND + " x"));
            try (ChannelShell shell = session.createShellChannel()) {
                assertShellRefused(shell);
            }
        }
    }

    @Test
    void tunnelsReachTheTaskApiAndNothingElse() throws Exception {
        startNode(TOKEN);
        KeyPair serverKey = enroll();
        try (ClientSession session = loginWithKey(serverKey);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            TaskApiEndpoint endpoint = Json.MAPPER.readValue(session.executeRemoteCommand(NodeProtocol.TASK_API_COMMAND),
                    TaskApiEndpoint.class);
            SshdSocketAddress api = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress(NodeProtocol.API_HOST, endpoint.port()));
            URI uri = URI.create("http://127.0.0.1:" + api.getPort() + NodeProtocol.NODE_PATH);
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + endpoint.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals(new NodeStatus("node-s", BulwarkNode.version(), 2, 0), Json.MAPPER.readValue(ok.body(), NodeStatus.class));
            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, noToken.statusCode(), "the API wants the bearer token even through the tunnel");

            // the SSH port itself, on the node's loopback: refused
            SshdSocketAddress other = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress(NodeProtocol.API_HOST, node.ssh().port()));
            assertTunnelRefused(other);
            // the API port under another host name: refused
            SshdSocketAddress byName = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("localhost", endpoint.port()));
            assertTunnelRefused(byName);
            assertThrows(IOException.class, () -> session.startRemotePortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("127.0.0.1", api.getPort())), "no remote forwarding");
        }
    }

    @Test
    void offersAesGcmAndRefusesWeakCiphers() throws IOException {
        startNode(TOKEN);
        try (SshClient weak = SshClient.setUpDefaultClient()) {
            weak.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            weak.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            weak.setCipherFactories(List.of(BuiltinCiphers.aes128cbc));
            weak.start();
            assertThrows(IOException.class, () -> {
                try (ClientSession session = weak.connect(NodeProtocol.ENROLL_USER, "127.0.0.1", node.ssh().port())
                        .verify(TIMEOUT).getSession()) {
                    session.addPasswordIdentity(TOKEN);
                    session.auth().verify(TIMEOUT);
                }
            }, "no CBC cipher in common");
        }
        try (SshClient gcm = SshClient.setUpDefaultClient()) {
            gcm.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            gcm.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            gcm.setCipherFactories(List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes128ctr));
            gcm.start();
            try (ClientSession session = gcm.connect(NodeProtocol.ENROLL_USER, "127.0.0.1", node.ssh().port())
                    .verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity(TOKEN);
                session.auth().verify(TIMEOUT);
                assertEquals(BuiltinCiphers.aes128gcm.getName(), session.getNegotiatedKexParameter(KexProposalOption.C2SENC));
            }
        }
    }

    @Test
    void theEnrollmentSessionCannotTunnel() throws Exception {
        startNode(TOKEN);
        try (ClientSession session = loginWithPassword(NodeProtocol.ENROLL_USER, TOKEN)) {
            SshdSocketAddress tunnel = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress(NodeProtocol.API_HOST, node.api().port()));
            assertTunnelRefused(tunnel);
        }
    }

    /** The node answers a shell request with exit status 1 and closes the channel. */
    private static void assertShellRefused(ChannelShell shell) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        shell.setErr(err);
        shell.open().verify(TIMEOUT);
        Set<ClientChannelEvent> events = shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
        assertTrue(events.contains(ClientChannelEvent.CLOSED), "shell channel closed by the node: " + events);
        assertEquals(1, shell.getExitStatus());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no shell"));
    }

    /** The local end accepts, but the node refuses the channel, so the connection closes with no byte. */
    private static void assertTunnelRefused(SshdSocketAddress local) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", local.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write("GET /node HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertEquals(-1, readOrEnd(in), "tunnel closed without an answer");
        }
    }

    private static int readOrEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }
}
