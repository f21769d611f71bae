package org.bulwark.server.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.bulwark.api.Health;
import org.bulwark.api.Node;
import org.bulwark.api.NodeState;
import org.bulwark.api.ServerInfo;
import org.bulwark.server.fleet.NodeRegistry;

/** Health and versions of the server. */
public final class SystemService {
    /** The product name in {@link ServerInfo}. */
    public static final String PRODUCT = "Bulwark Backup & Recovery";

    private final DatabaseProbe database;
    private final NodeRegistry nodes;
    private final Instant startedAt;
    private final String version;

    public SystemService(DatabaseProbe database, NodeRegistry nodes, Instant startedAt) {
        this.database = database;
        this.nodes = nodes;
        this.startedAt = startedAt;
        this.version = serverVersion();
    }

    /** {@code UP} when the database answers, {@code DEGRADED} otherwise; node counts either way. */
    public Health health() {
        boolean db = database.version().isPresent();
        List<Node> all = nodes.list();
        int online = (int) all.stream().filter(n -> n.state() == NodeState.ONLINE).count();
        return new Health(db ? "UP" : "DEGRADED", db, online, all.size());
    }

    public ServerInfo info() {
        return new ServerInfo(PRODUCT, version, Runtime.version().toString(),
                database.version().orElse("unreachable"), startedAt);
    }

    /** The server's version from the build. */
    public static String serverVersion() {
        try (InputStream in = SystemService.class.getResourceAsStream("/org/bulwark/server/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return Optional.ofNullable(properties.getProperty("version")).orElse("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
