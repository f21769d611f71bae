package org.bulwark.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.KeyPairFile;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.node.api.TaskApiServer;
import org.bulwark.node.enrollment.EnrollmentStore;
import org.bulwark.node.m365.M365Api;
import org.bulwark.node.m365.M365Tasks;
import org.bulwark.node.mount.MountApi;
import org.bulwark.node.mount.MountTasks;
import org.bulwark.node.ssh.NodeSshServer;
import org.bulwark.node.task.PingTask;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.node.task.TaskRunner;
import org.bulwark.node.vm.VmSettings;
import org.bulwark.node.vm.VmTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node daemon: task runner, loopback task API and SSH endpoint.
 * {@code java -jar bulwark-node.jar --config FILE [--reset-enrollment]}.
 */
public final class BulwarkNode implements AutoCloseable {
    /** Host key file in the data directory. */
    public static final String HOST_KEY_FILE = "host-key";
    /** File in the data directory that holds the SSH port once the node is ready. */
    public static final String PORT_FILE = "ssh.port";
    private static final Logger LOG = LoggerFactory.getLogger(BulwarkNode.class);

    private final NodeConfig config;
    private final EnrollmentStore enrollment;
    private final TaskRunner tasks;
    private final MountTasks mounts;
    private final TaskApiServer api;
    private final NodeSshServer ssh;

    private BulwarkNode(NodeConfig config) throws IOException {
        this.config = config;
        Path dataDir = config.dataDir();
        if (!Files.isDirectory(dataDir)) {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        this.enrollment = EnrollmentStore.open(dataDir, config.enrollmentToken());
        Map<TaskType, TaskHandler> handlers = new EnumMap<>(TaskType.class);
        handlers.put(TaskType.PING, new PingTask(config.name()));
        this.mounts = new MountTasks(dataDir.resolve("mounts"));
        handlers.putAll(mounts.handlers());
        handlers.putAll(VmTasks.handlers(new VmSettings(config.libvirtUri(), config.scratchDir())));
        M365Tasks m365 = new M365Tasks(dataDir.resolve("m365"));
        handlers.putAll(m365.handlers());
        this.tasks = new TaskRunner(config.capacity(), handlers);
        this.api = new TaskApiServer(tasks, this::status);
        api.route(MountApi.PATH, new MountApi(mounts.service()));
        api.route(M365Api.PATH, new M365Api(m365));
        this.ssh = new NodeSshServer(config.sshHost(), config.sshPort(), KeyPairFile.loadOrCreate(dataDir.resolve(HOST_KEY_FILE)),
                enrollment, api::endpoint, this::status);
    }

    /** Starts a node; returns once its SSH endpoint listens and its port file is written. */
    public static BulwarkNode start(NodeConfig config) throws IOException {
        BulwarkNode node = new BulwarkNode(config);
        try {
            int port = node.ssh.start();
            Files.writeString(config.dataDir().resolve(PORT_FILE), port + "\n", StandardCharsets.US_ASCII);
            LOG.info("Bulwark node ready on port {}", port);
            return node;
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** What the node says about itself now. */
    public NodeStatus status() {
        return new NodeStatus(config.name(), version(), tasks.capacity(), tasks.running());
    }

    public NodeConfig config() {
        return config;
    }

    public NodeSshServer ssh() {
        return ssh;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public TaskApiServer api() {
        return api;
    }

    /** The open mounts (browsing and downloads of mounted restore points). */
    public MountTasks mounts() {
        return mounts;
    }

    public EnrollmentStore enrollment() {
        return enrollment;
    }

    /** The node's version, from the build. */
    public static String version() {
        try (InputStream in = BulwarkNode.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            ssh.close();
        } catch (IOException e) {
            LOG.warn("SSH endpoint did not stop cleanly: {}", e.toString());
        }
        api.close();
        tasks.close();
        mounts.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Path configFile = null;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else if (args[i].equals("--reset-enrollment")) {
                reset = true;
            } else {
                configFile = null;
                break;
            }
        }
        if (configFile == null) {
            System.err.println("usage: bulwark-node --config FILE [--reset-enrollment]");
            System.exit(2);
        }
        BulwarkNode node;
        try {
            NodeConfig config = NodeConfig.load(configFile);
            if (reset) {
                EnrollmentStore.reset(config.dataDir());
                System.out.println("Enrollment reset: the next start prints a new enrollment token.");
                return;
            }
            node = start(config);
        } catch (NoSuchFileException e) {
            System.err.println("bulwark-node: no such file: " + e.getFile());
            System.exit(1);
            return;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("bulwark-node: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
