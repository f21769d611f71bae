package org.bulwark.node;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The node's settings, read from one Java properties file (see the module's README).
 *
 * @param dataDir where the node keeps its host key, enrollment state and port file
 * @param name how the node calls itself (default: the host name)
 * @param sshHost address the SSH endpoint binds to
 * @param sshPort port of the SSH endpoint; 0 picks a free one
 * @param capacity how many tasks run at once
 * @param enrollmentToken a preset one-time enrollment token, or null to generate one
 * @param libvirtUri the hypervisor the KVM tasks use unless a task names another
 * @param scratchDir where KVM exports make their scratch folders (NBD sockets, so keep it short)
 */
public record NodeConfig(Path dataDir, String name, String sshHost, int sshPort, int capacity,
                         String enrollmentToken, String libvirtUri, Path scratchDir) {

    public static final String DATA_DIR = "data.dir";
    public static final String NAME = "name";
    public static final String SSH_HOST = "ssh.host";
    public static final String SSH_PORT = "ssh.port";
    public static final String CAPACITY = "capacity";
    public static final String ENROLLMENT_TOKEN = "enrollment.token";
    public static final String LIBVIRT_URI = "libvirt.uri";
    public static final String SCRATCH_DIR = "scratch.dir";
    /** The local system QEMU driver. */
    public static final String DEFAULT_LIBVIRT_URI = "qemu:///system";
    private static final Set<String> KEYS = Set.of(DATA_DIR, NAME, SSH_HOST, SSH_PORT, CAPACITY, ENROLLMENT_TOKEN,
            LIBVIRT_URI, SCRATCH_DIR);

    /** Settings with the default hypervisor ({@value #DEFAULT_LIBVIRT_URI}) and scratch folder ({@code <dataDir>/scratch}). */
    public NodeConfig(Path dataDir, String name, String sshHost, int sshPort, int capacity, String enrollmentToken) {
        this(dataDir, name, sshHost, sshPort, capacity, enrollmentToken, DEFAULT_LIBVIRT_URI, dataDir.resolve("scratch"));
    }

    /** Reads the properties file. */
    public static NodeConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        try {
            return parse(properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Validates the properties and fills in the defaults.
     *
     * @throws IllegalArgumentException naming the offending key (unknown keys included, to catch typos)
     */
    public static NodeConfig parse(Properties properties) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        String dataDir = value(properties, DATA_DIR);
        if (dataDir == null) {
            throw new IllegalArgumentException(DATA_DIR + " is required");
        }
        String name = value(properties, NAME);
        String token = value(properties, ENROLLMENT_TOKEN);
        if (token != null && token.length() < 16) {
            throw new IllegalArgumentException(ENROLLMENT_TOKEN + " must have at least 16 characters");
        }
        String host = value(properties, SSH_HOST);
        String uri = value(properties, LIBVIRT_URI);
        String scratch = value(properties, SCRATCH_DIR);
        return new NodeConfig(Path.of(dataDir), name == null ? hostName() : name, host == null ? "0.0.0.0" : host,
                Numbers.parse(SSH_PORT, value(properties, SSH_PORT), 2222, 0, 65535),
                Numbers.parse(CAPACITY, value(properties, CAPACITY), 2, 1, 1024), token,
                uri == null ? DEFAULT_LIBVIRT_URI : uri,
                scratch == null ? Path.of(dataDir).resolve("scratch") : Path.of(scratch));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    @Override
    public String toString() {
        return "NodeConfig[dataDir=" + dataDir + ", name=" + name + ", sshHost=" + sshHost + ", sshPort=" + sshPort
                + ", capacity=" + capacity + ", enrollmentToken=" + (enrollmentToken == null ? "none" : "***")
                + ", libvirtUri=" + libvirtUri + ", scratchDir=" + scratchDir + "]";
    }
}
