package org.bulwark.node.m365.bench;

import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.backup.TenantBackup;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.tenant.GraphConnection;
import org.bulwark.node.m365.tenant.M365Tenant;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryStats;
import org.bulwark.repository.destination.LocalDestination;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (not a test): serves a tenant of many users and messages from the local Graph
 * service and backs it up, full then incremental, printing items/s and MB/s.
 * Arguments: users (100), messages per user (1000), parallelism (8), work folder (default: a temporary
 * folder, deleted at the end).
 */
public final class TenantBenchmark {

    private static final String[] WORDS = ("backup restore tenant mailbox quarterly budget meeting project invoice schedule "
            + "review design release customer contract report update agenda minutes travel offsite planning").split(" ");

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perUser = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean temporary = args.length <= 3;
        Path work = temporary ? Files.createTempDirectory("m365-bench") : Path.of(args[3]);
        System.out.printf("tenant: %d users x %d messages, parallelism %d, work folder %s%n", users, perUser, parallelism, work);

        List<byte[]> attachments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] a = new byte[100_000];
            new Random(i).nextBytes(a);
            attachments.add(a);
        }
        try (LocalGraphService graph = new LocalGraphService("bench", "bench-app", "bench-secret")) {
            graph.pageSize(200);
            List<String> ids = new ArrayList<>();
            List<String> inboxes = new ArrayList<>();
            long logical = 0;
            for (int u = 0; u < users; u++) {
                String user = graph.addUser("user" + u + "@bench.test");
                String inbox = graph.inbox(user);
                ids.add(user);
                inboxes.add(inbox);
                for (int m = 0; m < perUser; m++) {
                    long seed = (long) u * perUser + m;
                    byte[] attachment = seed % 25 == 0 ? attachments.get((int) (seed / 25 % 10)) : null;
                    logical += message(seed, attachment).length;
                    graph.addMessage(user, inbox, "subject " + seed, "sender" + (seed % 97) + "@bench.test", Instant.now(),
                            () -> message(seed, attachment));
                }
            }
            System.out.printf("served: %d messages, %.1f MB of MIME%n", (long) users * perUser, logical / 1e6);

            M365Tenant tenant = new M365Tenant("bench", "bench-app", "bench-secret", graph.graphUrl(), graph.authorityUrl());
            Path repoRoot = work.resolve("destination");
            try (Repository repo = Repository.init(new LocalDestination(repoRoot), InitOptions.defaults().unencrypted(), null)) {
                GraphConnection connection = GraphConnection.open(tenant);
                AtomicLong lastPrint = new AtomicLong(System.nanoTime());
                TenantBackup.Options options = TenantBackup.Options.defaults().withParallelism(parallelism)
                        .withServices(EnumSet.of(Service.MAIL))
                        .withProgress((service, items, bytes) -> {
                            long now = System.nanoTime();
                            long last = lastPrint.get();
                            if (now - last > 5_000_000_000L && lastPrint.compareAndSet(last, now)) {
                                System.out.printf("  ... %s: %d items, %.1f MB%n", service, items, bytes / 1e6);
                            }
                        });
                BackupReport full = new TenantBackup(connection, repo, repoRoot.resolve("m365"), work.resolve("work"), options).run();
                print("full", full);
                RepositoryStats stats = repo.stats();
                System.out.printf("repository: %d chunks, %.1f MB stored for %.1f MB of MIME%n", stats.chunks(),
                        stats.storedBytes() / 1e6, logical / 1e6);

                for (int u = 0; u < users; u++) {
                    for (int m = 0; m < perUser / 100; m++) {
                        long seed = 10_000_000L + (long) u * perUser + m;
                        graph.addMessage(ids.get(u), inboxes.get(u), "new " + seed, "new@bench.test", message(seed, null));
                    }
                }
                BackupReport incr = new TenantBackup(connection, repo, repoRoot.resolve("m365"), work.resolve("work"), options).run();
                print("incremental (1% new)", incr);

                try (TenantBrowser browser = new TenantBrowser(repo, repoRoot.resolve("m365"), work.resolve("browse"), "bench")) {
                    long t0 = System.nanoTime();
                    int found = browser.search(browser.latest().id(), "subject 4242").size();
                    System.out.printf("search over %d messages: %d hits in %d ms%n", users * perUser, found,
                            (System.nanoTime() - t0) / 1_000_000);
                }
            }
        } finally {
            if (temporary) {
                try (var files = Files.walk(work)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static void print(String what, BackupReport r) {
        double s = r.duration().toMillis() / 1000.0;
        System.out.printf("%s: %d items stored, %d unchanged, %.1f MB in %.1f s: %.0f items/s, %.1f MB/s, throttled %d, complete %s%n",
                what, r.items(), r.unchanged(), r.bytes() / 1e6, s, (r.items() + r.unchanged()) / s, r.bytes() / 1e6 / s,
                r.throttled(), r.complete());
    }

    /** A deterministic message of 1 to 6 KB of text, with an attachment for some. */
    static byte[] message(long seed, byte[] attachment) {
        Random r = new Random(seed);
        StringBuilder text = new StringBuilder();
        int words = 150 + r.nextInt(800);
        for (int i = 0; i < words; i++) {
            text.append(WORDS[r.nextInt(WORDS.length)]).append(i % 12 == 11 ? "\r\n" : " ");
        }
        return Mime.message("sender" + (seed % 97) + "@bench.test", "user@bench.test", "subject " + seed, text.toString(),
                "attachment.bin", attachment);
    }
}
