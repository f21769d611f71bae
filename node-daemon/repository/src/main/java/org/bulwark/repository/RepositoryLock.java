package org.bulwark.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bulwark.repository.destination.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock object {@code locks/<random>} holding "shared|exclusive host pid start-millis". Backups,
 * restores and verify take shared locks, prune an exclusive one. A lock is stale when its process
 * is gone (same host) or it was not refreshed for {@link #STALE_AFTER} (other hosts).
 */
final class RepositoryLock implements AutoCloseable {

    static final Duration REFRESH = Duration.ofMinutes(2);
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryLock.class);

    private final Destination dest;
    private final String name;
    private final byte[] content;
    private final ScheduledExecutorService refresher;

    private RepositoryLock(Destination dest, String name, byte[] content) {
        this.dest = dest;
        this.name = name;
        this.content = content;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bulwark-lock-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleAtFixedRate(this::refresh, REFRESH.toSeconds(), REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    static RepositoryLock acquire(Destination dest, boolean exclusive, String purpose) throws IOException {
        ProcessHandle me = ProcessHandle.current();
        String text = (exclusive ? "exclusive" : "shared") + " " + host() + " " + me.pid() + " "
                + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + " " + purpose;
        String name = "locks/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        dest.writeOnce(name, content, 0, content.length);
        dest.flush();
        for (String other : dest.list("locks")) {
            if (other.equals(name)) {
                continue;
            }
            String holder;
            try {
                holder = new String(dest.read(other), StandardCharsets.UTF_8);
            } catch (NoSuchFileException gone) {
                continue;
            }
            if (isStale(dest, other, holder)) {
                LOG.info("removing stale lock {} ({})", other, holder);
                dest.delete(other);
                continue;
            }
            if (exclusive || holder.startsWith("exclusive")) {
                dest.delete(name);
                throw new RepositoryException("repository " + dest.describe() + " is locked (" + holder
                        + "); " + purpose + " needs " + (exclusive ? "it to itself" : "no prune running") + ", try again later");
            }
        }
        return new RepositoryLock(dest, name, content);
    }

    private static boolean isStale(Destination dest, String name, String holder) throws IOException {
        String[] f = holder.split(" ");
        if (f.length >= 4 && f[1].equals(host())) {
            long pid = Long.parseLong(f[2]);
            long start = Long.parseLong(f[3]);
            return ProcessHandle.of(pid)
                    .map(p -> start != 0 && p.info().startInstant().map(Instant::toEpochMilli).orElse(start) != start)
                    .orElse(true);
        }
        return dest.lastModified(name).isBefore(Instant.now().minus(STALE_AFTER));
    }

    static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown";
            }
        }
        return h.replace(' ', '_');
    }

    private void refresh() {
        try {
            dest.overwrite(name, content);
        } catch (IOException e) {
            LOG.warn("could not refresh lock {}: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        dest.delete(name);
        dest.flush();
    }
}
