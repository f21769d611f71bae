package org.bulwark.node.ssh;

import java.io.IOException;
import java.security.KeyPair;
import java.util.List;
import java.util.function.Supplier;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.bulwark.api.node.NodeProtocol;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskApiEndpoint;
import org.bulwark.node.Json;
import org.bulwark.node.enrollment.EnrollmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's SSH endpoint (Apache MINA SSHD). Before enrollment it accepts only user
 * {@value NodeProtocol#ENROLL_USER} with the one-time token as password, for the single exec
 * command {@value NodeProtocol#ENROLL_COMMAND}. After it, only user {@value NodeProtocol#SERVER_USER}
 * with the enrolled server key, which may run {@value NodeProtocol#TASK_API_COMMAND} and open
 * direct-tcpip tunnels to the task API's loopback port and nowhere else. No shell (it exits
 * at once with status 1), no subsystems, no remote forwarding, no agent or X11 forwarding.
 */
public final class NodeSshServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeSshServer.class);
    private static final List<NamedFactory<Cipher>> CIPHERS = List.of(BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256gcm, BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128ctr, BuiltinCiphers.aes256ctr);

    private final String host;
    private final KeyPair hostKey;
    private final EnrollmentStore enrollment;
    private final Supplier<TaskApiEndpoint> api;
    private final Supplier<NodeStatus> status;
    private int port;
    private SshServer sshd;

    /**
     * @param port where to listen; 0 picks a free port at the first {@link #start()}, kept for later restarts
     * @param api the task API the tunnels may reach
     */
    public NodeSshServer(String host, int port, KeyPair hostKey, EnrollmentStore enrollment,
                         Supplier<TaskApiEndpoint> api, Supplier<NodeStatus> status) {
        this.host = host;
        this.port = port;
        this.hostKey = hostKey;
        this.enrollment = enrollment;
        this.api = api;
        this.status = status;
    }

    /** Starts listening; returns the port. */
    public synchronized int start() throws IOException {
        if (sshd != null) {
            return port;
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setCipherFactories(CIPHERS);
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        server.setPasswordAuthenticator((user, password, session) ->
                NodeProtocol.ENROLL_USER.equals(user) && enrollment.acceptsToken(password));
        server.setPublickeyAuthenticator((user, key, session) ->
                NodeProtocol.SERVER_USER.equals(user) && enrollment.isServerKey(key));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setShellFactory(channel -> NodeCommand.refused("no shell on a Bulwark node"));
        server.setSubsystemFactories(List.of());
        server.setCommandFactory(this::command);
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(
                (session, type) -> false, (session, type) -> false, new TunnelFilter()));
        server.start();
        sshd = server;
        port = server.getPort();
        LOG.info("SSH endpoint on {}:{}", host, port);
        return port;
    }

    public synchronized int port() {
        return port;
    }

    /** Stops listening and drops every connection; running tasks are not affected. */
    public synchronized void stop() throws IOException {
        if (sshd != null) {
            sshd.stop(true);
            sshd = null;
            LOG.info("SSH endpoint stopped");
        }
    }

    private Command command(ChannelSession channel, String command) {
        String user = channel.getSession().getUsername();
        if (NodeProtocol.ENROLL_USER.equals(user) && command.startsWith(NodeProtocol.ENROLL_COMMAND + " ")) {
            return new NodeCommand(() -> {
                enrollment.enroll(command.substring(NodeProtocol.ENROLL_COMMAND.length() + 1));
                return Json.MAPPER.writeValueAsString(status.get());
            });
        }
        if (NodeProtocol.SERVER_USER.equals(user) && command.equals(NodeProtocol.TASK_API_COMMAND)) {
            return new NodeCommand(() -> Json.MAPPER.writeValueAsString(api.get()));
        }
        LOG.warn("Refused command from user {}", user);
        return NodeCommand.refused("command not allowed");
    }

    /** Local (direct-tcpip) forwarding of the enrolled server to the task API port only. */
    private final class TunnelFilter implements TcpForwardingFilter {
        @Override
        public boolean canListen(SshdSocketAddress address, Session session) {
            LOG.warn("Refused remote forwarding request to {}", address);
            return false;
        }

        @Override
        public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
            boolean allowed = type == Type.Direct && NodeProtocol.SERVER_USER.equals(session.getUsername())
                    && session.isAuthenticated() && address.getPort() == api.get().port() && NodeProtocol.API_HOST.equals(address.getHostName());
            if (!allowed) {
                LOG.warn("Refused {} tunnel to {}", type, address);
            }
            return allowed;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
