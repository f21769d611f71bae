package org.bulwark.node.m365.backup;

import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.DriveCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import org.bulwark.node.m365.discovery.Discovery;
import org.bulwark.node.m365.discovery.Pages;
import org.bulwark.node.m365.discovery.TenantInventory;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.node.m365.tenant.GraphConnection;
import org.bulwark.repository.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * One backup run of a tenant into a repository: discovers mailboxes (with their calendars and
 * contacts), drives and teams, then backs them up service by service, at most {@link Options#parallelism()} owners at a time (bounded
 * parallelism per tenant; throttling answers are waited out by the SDK). The first run is full,
 * later runs are incremental from the stored delta links. An owner that fails does not stop the
 * others; everything stored before the failure stays stored, and the next run resumes from there.
 */
public final class TenantBackup {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBackup.class);

    /**
     * @param services     which services to back up
     * @param owners       which owners (user, drive, team ids) to back up
     * @param users        which users' mailboxes and OneDrives to back up; {@code null} for every user and also
     *                     the sites' libraries and the teams, a set for those users only (no sites, no teams)
     * @param parallelism  owners backed up at the same time
     * @param batch        repository batch limits
     * @param progress     progress receiver
     */
    public record Options(Set<Service> services, Predicate<String> owners, Set<String> users, int parallelism,
                          ServiceStore.BatchLimits batch, BackupProgress progress) {
        public Options {
            services = services == null || services.isEmpty() ? EnumSet.allOf(Service.class) : EnumSet.copyOf(services);
            if (users != null) {
                users = Set.copyOf(users);
                services.remove(Service.TEAMS);
            }
            owners = owners == null ? id -> true : owners;
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            batch = batch == null ? ServiceStore.BatchLimits.DEFAULT : batch;
            progress = progress == null ? BackupProgress.NONE : progress;
        }

        /** Every service and owner, four owners at a time. */
        public static Options defaults() {
            return new Options(null, null, null, 4, null, null);
        }

        public Options withParallelism(int n) {
            return new Options(services, owners, users, n, batch, progress);
        }

        public Options withBatch(ServiceStore.BatchLimits limits) {
            return new Options(services, owners, users, parallelism, limits, progress);
        }

        public Options withProgress(BackupProgress p) {
            return new Options(services, owners, users, parallelism, batch, p);
        }

        public Options withServices(Set<Service> s) {
            return new Options(s, owners, users, parallelism, batch, progress);
        }

        /** Only these users' mailboxes and OneDrives (no sites' libraries, no teams). */
        public Options withUsers(Set<String> userIds) {
            return new Options(services, owners, userIds, parallelism, batch, progress);
        }
    }

    private final GraphConnection connection;
    private final Repository repo;
    private final Path metadataHome;
    private final Path workDir;
    private final Options options;

    /**
     * @param metadataHome where the SQLite databases are published, beside the repository data
     * @param workDir      local working folder of the node
     */
    public TenantBackup(GraphConnection connection, Repository repo, Path metadataHome, Path workDir, Options options) {
        this.connection = connection;
        this.repo = repo;
        this.metadataHome = metadataHome;
        this.workDir = workDir;
        this.options = options;
    }

    public BackupReport run() throws IOException {
        long runId = System.currentTimeMillis();
        long startThrottled = connection.throttled();
        RunCounters counters = new RunCounters(options.progress());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        GraphServiceClient graph = connection.graph();
        String tenant = connection.tenant().tenantId();
        Discovery discovery = new Discovery(connection);
        List<TenantInventory.User> users = options.services().stream().anyMatch(s -> s != Service.TEAMS)
                ? discovery.users().stream().filter(u -> options.users() == null || options.users().contains(u.id())).toList()
                : List.of();
        for (Service service : options.services()) {
            Map<String, String> owners = switch (service) {
                case MAIL, CALENDARS, CONTACTS -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    users.forEach(u -> m.put(u.id(), u.userPrincipalName() != null ? u.userPrincipalName() : u.displayName()));
                    yield m;
                }
                case FILES -> drives(graph, users, options.users() == null ? discovery.sites() : List.of());
                case TEAMS -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    discovery.teams().forEach(t -> m.put(t.id(), t.displayName()));
                    yield m;
                }
            };
            owners.keySet().removeIf(options.owners().negate());
            try (ServiceStore store = ServiceStore.open(repo, metadataHome, workDir, tenant, service, options.batch())) {
                ServiceBackup backup = switch (service) {
                    case MAIL -> new MailBackup(graph, runId, store, counters);
                    case FILES -> new DriveBackup(graph, runId, store, counters);
                    case TEAMS -> new TeamsBackup(graph, runId, store, counters);
                    case CALENDARS -> new CalendarBackup(graph, runId, store, counters);
                    case CONTACTS -> new ContactBackup(graph, runId, store, counters);
                };
                store.record(new MetaRecord.RunStarted(runId));
                int failedBefore = errors.size();
                runAll(owners, backup, service, errors);
                store.record(new MetaRecord.RunEnded(runId, System.currentTimeMillis(), errors.size() == failedBefore,
                        counters.items.get(), counters.bytes.get()));
                store.flush();
            }
        }
        BackupReport report = new BackupReport(runId, errors.isEmpty(), counters.items.get(), counters.unchanged.get(),
                counters.deleted.get(), counters.bytes.get(), connection.throttled() - startThrottled,
                Duration.ofMillis(System.currentTimeMillis() - runId), errors);
        LOG.info("backup of tenant {}: {} items stored, {} unchanged, {} deleted, {} bytes, {} throttled, {} errors in {}",
                tenant, report.items(), report.unchanged(), report.deleted(), report.bytes(), report.throttled(),
                errors.size(), report.duration());
        return report;
    }

    private void runAll(Map<String, String> owners, ServiceBackup backup, Service service, List<String> errors) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread t = new Thread(r, "m365-" + service.key());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<?>> futures = new LinkedHashMap<>();
            owners.forEach((id, name) -> futures.put(id, pool.submit(() -> {
                backup.backup(id, name);
                return null;
            })));
            for (Map.Entry<String, Future<?>> f : futures.entrySet()) {
                try {
                    f.getValue().get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    String msg = service.key() + " of " + owners.get(f.getKey()) + " (" + f.getKey() + "): " + describe(c);
                    LOG.warn("backup failed: {}", msg);
                    errors.add(msg);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new java.io.InterruptedIOException("backup interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof ApiException a) {
            return "Graph answered HTTP " + a.getResponseStatusCode() + (a.getMessage() == null ? "" : ": " + a.getMessage());
        }
        return t.toString();
    }

    /** The users' OneDrives and the sites' document libraries. */
    private static Map<String, String> drives(GraphServiceClient graph, List<TenantInventory.User> users,
                                              List<TenantInventory.Site> sites) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TenantInventory.User u : users) {
            try {
                Drive d = graph.users().byUserId(u.id()).drive().get();
                m.put(d.getId(), "OneDrive of " + (u.userPrincipalName() != null ? u.userPrincipalName() : u.displayName()));
            } catch (ApiException e) {
                if (e.getResponseStatusCode() != 404) {
                    throw e;
                }
            }
        }
        for (TenantInventory.Site s : sites) {
            var drives = graph.sites().bySiteId(s.id()).drives();
            for (Drive d : Pages.all(drives.get(), l -> drives.withUrl(l).get(), DriveCollectionResponse::getValue,
                    DriveCollectionResponse::getOdataNextLink)) {
                m.put(d.getId(), s.displayName() + " / " + d.getName());
            }
        }
        return m;
    }
}
