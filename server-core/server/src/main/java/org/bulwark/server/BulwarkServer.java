package org.bulwark.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.bulwark.server.config.ConfigException;
import org.bulwark.server.config.ServerConfig;
import org.bulwark.server.db.DatabaseConnection;
import org.bulwark.server.db.EmbeddedDatabase;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.logging.Logging;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.node.ssh.ChannelSettings;
import org.bulwark.server.node.ssh.SshNodeGateway;
import org.bulwark.server.persistence.Jpa;
import org.bulwark.server.persistence.JpaDatabaseProbe;
import org.bulwark.server.persistence.JpaNodeStore;
import org.bulwark.server.persistence.JpaSessionStore;
import org.bulwark.server.persistence.JpaTaskStore;
import org.bulwark.server.persistence.TaskParameterColumn;
import org.bulwark.server.secret.SecretBox;
import org.bulwark.server.persistence.JpaUserStore;
import org.bulwark.server.persistence.Migrations;
import org.bulwark.server.rest.RestApi;
import org.bulwark.server.soap.BulwarkSoapService;
import org.bulwark.server.system.SystemService;
import org.bulwark.server.task.TaskDispatcher;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.user.Authorizer;
import org.bulwark.server.user.InitialAdminPassword;
import org.bulwark.server.user.PasswordHasher;
import org.bulwark.server.user.SessionService;
import org.bulwark.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bulwark server: starts the database (embedded or external), migrates the schema, wires
 * the services to the node gateway and publishes REST and SOAP on one Jetty. Run it as
 * {@code java -cp 'lib/*' org.bulwark.server.BulwarkServer --config FILE}; it stops cleanly on
 * SIGTERM.
 */
public final class BulwarkServer implements AutoCloseable {
    static {
        // before any logger exists: log lines written while stopping on SIGTERM must not be lost
        Logging.useShutdownSafeManager();
    }

    /** File in the data folder that holds the base URL once the server is ready. */
    public static final String URL_FILE = "server.url";
    /** File in the data folder with the first administrator's one-time password. */
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    /** The server's SSH key pair for the node channel, inside the data folder. */
    public static final String SERVER_KEY_FILE = "ssh/server-key";
    /** The key that seals Microsoft 365 client secrets in the database (AES-256, mode 0600, created on first use). */
    public static final String SECRET_KEY_FILE = "secret.key";
    private static final Logger LOG = LoggerFactory.getLogger(BulwarkServer.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final URI url;

    private BulwarkServer(ServerConfig config, NodeGateway gateway, PrintStream out) throws Exception {
        // microseconds: what the API answers equals what DATETIME(6) columns give back later
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
        resources.add(gateway);
        Files.createDirectories(config.dataDir());
        Files.deleteIfExists(config.dataDir().resolve(URL_FILE));
        DatabaseConnection db;
        if (config.dbMode() == ServerConfig.DbMode.EMBEDDED) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), config.dbPort());
            resources.add(embedded);
            db = embedded.connection();
        } else {
            db = new DatabaseConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
        }
        Migrations.migrate(db);
        Jpa jpa = Jpa.open(db);
        resources.add(jpa);

        PasswordHasher hasher = new PasswordHasher();
        JpaUserStore userStore = new JpaUserStore(jpa);
        JpaSessionStore sessionStore = new JpaSessionStore(jpa);
        SessionService sessions = new SessionService(userStore, sessionStore, hasher, config.sessionTtl(), clock);
        UserService users = new UserService(userStore, sessionStore, hasher,
                new InitialAdminPassword(config.dataDir().resolve(INITIAL_PASSWORD_FILE), out), clock);
        users.ensureInitialAdmin(config.adminInitialPassword());
        sessions.purgeExpired();
        Authorizer authorizer = new Authorizer(sessions);

        NodeRegistry nodes = new NodeRegistry(new JpaNodeStore(jpa), gateway, clock);
        SecretBox secrets = new SecretBox(config.dataDir().resolve(SECRET_KEY_FILE));
        TaskParameterColumn taskParameters = new TaskParameterColumn(secrets);
        JpaTaskStore taskStore = new JpaTaskStore(jpa, taskParameters);
        TaskDispatcher dispatcher = new TaskDispatcher(taskStore, nodes, gateway, config.nodeGrace(), clock);
        resources.add(dispatcher);
        TaskService tasks = new TaskService(taskStore, nodes, gateway, dispatcher, clock);
        SystemService system = new SystemService(new JpaDatabaseProbe(jpa), nodes, clock.instant());
        KvmProtection kvm = new KvmProtection(jpa, taskParameters, nodes, gateway, tasks, dispatcher, clock);
        M365Protection m365 = new M365Protection(jpa, secrets, nodes, gateway, tasks, kvm, clock);
        resources.add(m365);
        resources.add(kvm);

        Bus bus = BusFactory.newInstance().createBus();
        resources.add(() -> bus.shutdown(true));
        int port = config.httpPort() == 0 ? freePort(config.httpHost()) : config.httpPort();
        String scheme = config.tls() ? "https" : "http";
        if (config.tls()) {
            Tls.configure(bus, config, port);
        }
        String root = scheme + "://" + hostForUrl(config.httpHost()) + ":" + port;
        Server rest = RestApi.publish(bus, root, SystemService.serverVersion(), authorizer, sessions, users, nodes, tasks, system,
                Stream.concat(kvm.endpoints().stream(), Stream.of(m365.endpoint())).toList());
        resources.add(rest::destroy);
        Server soap = new BulwarkSoapService(authorizer, sessions, system, nodes, tasks,
                new BulwarkSoapService.KvmServices(kvm.inventory, kvm.policies, kvm.restorePoints, kvm.workflows, kvm.mounts))
                .publish(bus, root);
        resources.add(soap::destroy);

        nodes.start();
        dispatcher.start(tick(config));
        kvm.start();
        m365.start();
        url = URI.create(root);
        Files.writeString(config.dataDir().resolve(URL_FILE), url + "\n");
        LOG.info("Bulwark server ready at {}", url);
    }

    /**
     * Starts a server; on failure everything started so far is stopped again.
     *
     * @param out where the first administrator's one-time password is printed
     */
    public static BulwarkServer start(ServerConfig config, NodeGateway gateway, PrintStream out) {
        LOG.info("Bulwark server starting version={} config={}", SystemService.serverVersion(), config);
        try {
            return new BulwarkServer(config, gateway, out);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start: " + e.getMessage(), e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public URI url() {
        return url;
    }

    /** Stops Jetty, the dispatcher, the node gateway and the embedded database, in that order. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("stop failed resource={} message={}", resources.get(i), e.getMessage());
            }
        }
        resources.clear();
        LOG.info("Bulwark server stopped");
    }

    /** Dispatch rounds: every second, or more often when the grace period is shorter. */
    private static Duration tick(ServerConfig config) {
        Duration quarterGrace = config.nodeGrace().dividedBy(4);
        Duration tick = quarterGrace.compareTo(Duration.ofSeconds(1)) < 0 ? quarterGrace : Duration.ofSeconds(1);
        return tick.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : tick;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The node gateway: SSH, with the server's key pair in {@code <data.dir>/ssh/server-key}
     * (created on first start) and heartbeats every {@code node.heartbeat}.
     */
    public static NodeGateway gateway(ServerConfig config) {
        ChannelSettings defaults = ChannelSettings.DEFAULTS;
        ChannelSettings settings = new ChannelSettings(config.nodeHeartbeat(), defaults.backoffMin(),
                defaults.backoffMax(), defaults.connectTimeout(), defaults.requestTimeout());
        try {
            return new SshNodeGateway(config.dataDir().resolve(SERVER_KEY_FILE), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or create the server's SSH key", e);
        }
    }

    public static void main(String[] args) {
        Logging.configure();
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("Usage: BulwarkServer --config FILE");
            System.exit(2);
        }
        BulwarkServer server;
        try {
            ServerConfig config = ServerConfig.load(Path.of(args[1]), System.getenv());
            server = start(config, gateway(config), System.out);
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.error("start failed", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
