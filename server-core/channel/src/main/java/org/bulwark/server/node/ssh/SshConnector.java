package org.bulwark.server.node.ssh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.bulwark.api.node.NodeProtocol;
import org.bulwark.api.node.TaskApiEndpoint;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeException.Reason;

/**
 * Opens SSH sessions to nodes with the server's key (AES-GCM preferred), checking each node's
 * host key, and sets up the tunnel to the task API.
 */
final class SshConnector implements AutoCloseable {
    private static final List<NamedFactory<Cipher>> CIPHERS = List.of(BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256gcm, BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128ctr, BuiltinCiphers.aes256ctr);

    private final KeyPair serverKey;
    private final ChannelSettings settings;
    private final SshClient client;
    private final HttpClient http;

    SshConnector(KeyPair serverKey, ChannelSettings settings) {
        this.serverKey = serverKey;
        this.settings = settings;
        this.client = SshClient.setUpDefaultClient();
        client.setCipherFactories(CIPHERS);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setServerKeyVerifier((session, remote, key) -> {
            HostKeyCheck check = session.getConnectionContext().getAttribute(HostKeyCheck.ATTRIBUTE);
            return check != null && check.verify(key);
        });
        client.start();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
    }

    /** The server's public key in OpenSSH form, as handed to nodes at enrollment. */
    String serverPublicKey() {
        return PublicKeyEntry.toString(serverKey.getPublic());
    }

    /**
     * Connects and logs in: with the enrollment {@code password}, or with the server key when it is null.
     *
     * @throws NodeException UNREACHABLE, HOST_KEY_MISMATCH, or REJECTED when the login is refused
     */
    ClientSession login(String host, int port, String user, String password, HostKeyCheck check) throws NodeException {
        ClientSession session;
        try {
            session = client.connect(user, host, port, AttributeRepository.ofKeyValuePair(HostKeyCheck.ATTRIBUTE, check), null)
                    .verify(settings.connectTimeout()).getSession();
        } catch (IOException e) {
            throw new NodeException(Reason.UNREACHABLE, "cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        try {
            if (password == null) {
                session.addPublicKeyIdentity(serverKey);
            } else {
                session.addPasswordIdentity(password);
            }
            session.auth().verify(settings.connectTimeout());
            return session;
        } catch (IOException e) {
            session.close(true);
            if (check.mismatched()) {
                throw new NodeException(Reason.HOST_KEY_MISMATCH, host + ":" + port + ": " + check.describeMismatch(), e);
            }
            if (check.presented() == null) {
                throw new NodeException(Reason.UNREACHABLE, "no SSH handshake with " + host + ":" + port + ": " + e.getMessage(), e);
            }
            throw new NodeException(Reason.REJECTED, host + ":" + port + " refused the login of " + user
                    + (password == null ? " with this server's key" : " with this enrollment token"), e);
        }
    }

    /** Logs in with the server key against the pinned host key and opens the tunnel to the task API. */
    Link open(String host, int port, PublicKey pinned) throws NodeException {
        ClientSession session = login(host, port, NodeProtocol.SERVER_USER, null, HostKeyCheck.pinned(pinned));
        try {
            TaskApiEndpoint endpoint = NodeApiClient.JSON.readValue(
                    session.executeRemoteCommand(NodeProtocol.TASK_API_COMMAND), TaskApiEndpoint.class);
            SshdSocketAddress local = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress(NodeProtocol.API_HOST, endpoint.port()));
            URI base = URI.create("http://127.0.0.1:" + local.getPort());
            return new Link(session, new NodeApiClient(http, base, endpoint.token(), settings.requestTimeout()));
        } catch (IOException e) {
            session.close(true);
            throw new NodeException(Reason.FAILED, "cannot open the task API tunnel to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Reads a host key in OpenSSH form. */
    static PublicKey parseHostKey(String openSsh) throws NodeException {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(openSsh.strip()).resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new NodeException(Reason.HOST_KEY_MISMATCH, "pinned host key is not an OpenSSH public key", e);
        }
    }

    @Override
    public void close() {
        http.close();
        client.stop();
    }
}
