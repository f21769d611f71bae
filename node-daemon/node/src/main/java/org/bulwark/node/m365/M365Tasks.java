package org.bulwark.node.m365;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.api.TaskType;
import org.bulwark.node.m365.backup.BackupProgress;
import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.backup.TenantBackup;
import org.bulwark.node.m365.discovery.Discovery;
import org.bulwark.node.m365.discovery.TenantInventory;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.restore.TenantRestore;
import org.bulwark.node.m365.retention.TenantPrune;
import org.bulwark.node.m365.tenant.GraphConnection;
import org.bulwark.node.m365.tenant.M365Tenant;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.node.vm.Parameters;
import org.bulwark.node.vm.RepositoryAccess;
import org.bulwark.repository.Repository;

/**
 * The node's Microsoft 365 tasks over the cloud agent ({@code bulwark-m365}).
 *
 * <p>Every task takes the tenant: {@code tenantId}, {@code clientId}, {@code clientSecret} (masked
 * in every log by {@code Secrets}; never logged here), optional {@code graphUrl} and
 * {@code authorityUrl} (default Microsoft's public cloud). Backup and restore also take the
 * repository: {@code destination} and {@code passphrase} or {@code passphraseFile}; the SQLite
 * metadata lives in {@code <destination>/m365}.
 * <ul>
 * <li>M365_DISCOVER → {@link TenantInventory} (users, groups, sites, teams);</li>
 * <li>M365_BACKUP, optional {@code parallelism} (1..32, default 4) and {@code users} (comma-separated user
 * ids: only their mailboxes and OneDrives; default the whole tenant with sites and teams) → {@link Backed};
 * one backup of a tenant at a time per node, refused while another one or a prune runs;</li>
 * <li>M365_RESTORE: {@code service} ({@code mail}, {@code files}, {@code calendars} or {@code contacts}),
 * {@code source} (user or drive id), {@code items} (comma-separated message, drive item, event or contact ids), optional {@code target}
 * (user or drive id, default the source) and {@code restorePoint} (default the latest) →
 * {@link TenantRestore.Result}: a new "Restored &lt;date&gt;" folder, nothing overwritten;</li>
 * <li>M365_BROWSE needs only {@code tenantId} and the repository (no Graph, no secret): {@code list} one of
 * {@code restorePoints}, {@code mailboxes}, {@code drives}, {@code teams}, {@code mailFolders} ({@code owner}),
 * {@code messages} ({@code owner}, {@code folder}), {@code children} ({@code owner} = drive, optional
 * {@code folder}, default the root), {@code channels} ({@code owner} = team), {@code calendars} and
 * {@code contactFolders} ({@code owner} = user), {@code events} and {@code contacts} ({@code owner}, {@code folder}),
 * {@code search} ({@code text});
 * optional {@code restorePoint} (default the latest) → {@link Listing}.</li>
 * <li>M365_PRUNE needs only {@code tenantId}, the repository and {@code restorePoints} (comma-separated run ids to
 * forget): the versions only they saw leave the metadata and the repository ({@link TenantPrune}) → a
 * {@link ServiceStore.PruneResult} per service; it waits for a running backup of the tenant on this node to end.</li>
 * </ul>
 */
public final class M365Tasks {
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private final Path workDir;
    /** Per tenant: held by its running backup or prune. */
    private final Map<String, ReentrantLock> tenantLocks = new ConcurrentHashMap<>();

    /** @param workDir the node's working folder for SQLite copies and staging (per tenant below it) */
    public M365Tasks(Path workDir) {
        this.workDir = workDir;
    }

    /** What M365_BACKUP returns: the restore point (run id) and the counts of the run. */
    public record Backed(long restorePoint, boolean complete, long items, long unchanged, long deleted, long bytes,
                         long throttled, long millis, List<String> errors) {
        static Backed of(BackupReport r) {
            return new Backed(r.runId(), r.complete(), r.items(), r.unchanged(), r.deleted(), r.bytes(), r.throttled(),
                    r.duration().toMillis(), r.errors());
        }
    }

    /** What M365_BROWSE returns: the restore point listed and its entries (restore points, owners or item versions). */
    public record Listing(Long restorePoint, List<?> entries) {
    }

    /** The handlers to register with the task runner. */
    public Map<TaskType, TaskHandler> handlers() {
        return Map.of(TaskType.M365_DISCOVER, this::discover, TaskType.M365_BACKUP, this::backup,
                TaskType.M365_RESTORE, this::restore, TaskType.M365_BROWSE, this::browse, TaskType.M365_PRUNE, this::prune);
    }

    private static M365Tenant tenant(Parameters p) {
        String tenantId = p.required("tenantId");
        String clientId = p.required("clientId");
        String secret = p.required("clientSecret");
        try {
            return new M365Tenant(tenantId, clientId, secret, p.optional("graphUrl", null), p.optional("authorityUrl", null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("M365 " + e.getMessage(), e);
        }
    }

    private TaskHandler.Job discover(Map<String, String> parameters) {
        M365Tenant tenant = tenant(new Parameters("M365_DISCOVER", parameters));
        return progress -> {
            progress.report(0, "connecting to tenant " + tenant.tenantId());
            GraphConnection connection = GraphConnection.open(tenant);
            progress.report(10, "discovering users, groups, sites and teams of " + tenant.tenantId());
            TenantInventory inventory = new Discovery(connection).discover();
            progress.report(100, inventory.users().size() + " users, " + inventory.groups().size() + " groups, "
                    + inventory.sites().size() + " sites, " + inventory.teams().size() + " teams");
            return inventory;
        };
    }

    private TaskHandler.Job backup(Map<String, String> parameters) {
        Parameters p = new Parameters("M365_BACKUP", parameters);
        M365Tenant tenant = tenant(p);
        RepositoryAccess access = RepositoryAccess.of(p);
        int parallelism = p.number("parallelism", 4, 1, 32);
        Set<String> users = p.optional("users", null) == null ? null : Arrays.stream(p.required("users").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return progress -> {
            ReentrantLock lock = tenantLocks.computeIfAbsent(tenant.tenantId(), t -> new ReentrantLock());
            if (!lock.tryLock()) {
                throw new IllegalStateException("a backup or prune of tenant " + tenant.tenantId() + " is running on this node already");
            }
            try {
                progress.report(0, "connecting to tenant " + tenant.tenantId());
                GraphConnection connection = GraphConnection.open(tenant);
                try (Repository repo = access.open(true)) {
                    TenantBackup.Options options = TenantBackup.Options.defaults().withParallelism(parallelism)
                            .withUsers(users).withProgress(throttled(progress));
                    BackupReport report = new TenantBackup(connection, repo, access.destination().resolve("m365"),
                            workDir.resolve(tenant.tenantId()), options).run();
                    if (!report.complete()) {
                        throw new IOException("backup of tenant " + tenant.tenantId() + " incomplete (what was stored stays;"
                                + " the next run resumes): " + String.join("; ", report.errors()));
                    }
                    progress.report(100, report.items() + " items stored, " + report.unchanged() + " unchanged, "
                            + report.deleted() + " deleted, " + report.bytes() + " bytes");
                    return Backed.of(report);
                }
            } finally {
                lock.unlock();
            }
        };
    }

    /** Backup progress as task progress events, at most one every {@link #PROGRESS_EVERY}; no total is known, so 50 %. */
    private static BackupProgress throttled(TaskHandler.Progress progress) {
        long[] last = {0};
        return (service, items, bytes) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (now - last[0] < PROGRESS_EVERY.toNanos()) {
                    return;
                }
                last[0] = now;
            }
            progress.report(50, service + ": " + items + " items, " + bytes + " bytes");
        };
    }

    private TaskHandler.Job restore(Map<String, String> parameters) {
        Parameters p = new Parameters("M365_RESTORE", parameters);
        M365Tenant tenant = tenant(p);
        RepositoryAccess access = RepositoryAccess.of(p);
        String service = p.required("service");
        if (!Set.of("mail", "files", "calendars", "contacts").contains(service)) {
            throw new IllegalArgumentException("M365_RESTORE parameter service must be mail, files, calendars or contacts, not '"
                    + service + "'");
        }
        String source = p.required("source");
        String target = p.optional("target", source);
        List<String> items = Arrays.stream(p.required("items").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Long point = restorePoint(p, "M365_RESTORE");
        return progress -> {
            progress.report(0, "connecting to tenant " + tenant.tenantId());
            GraphConnection connection = GraphConnection.open(tenant);
            return read(tenant.tenantId(), access, browser -> {
                long at = point != null ? point : browser.latest().id();
                progress.report(10, "restoring " + items.size() + " " + service + " items of restore point " + at + " to " + target);
                TenantRestore restore = new TenantRestore(connection, browser);
                TenantRestore.Result result = switch (service) {
                    case "mail" -> restore.restoreMessages(at, source, items, target);
                    case "calendars" -> restore.restoreEvents(at, source, items, target);
                    case "contacts" -> restore.restoreContacts(at, source, items, target);
                    default -> restore.restoreDriveItems(at, source, items, target);
                };
                progress.report(100, result.createdIds().size() + " items restored into " + result.folderName());
                return result;
            });
        };
    }

    private TaskHandler.Job browse(Map<String, String> parameters) {
        Parameters p = new Parameters("M365_BROWSE", parameters);
        String tenantId = p.required("tenantId");
        RepositoryAccess access = RepositoryAccess.of(p);
        BrowseQuery query = BrowseQuery.of(p, "M365_BROWSE");
        return progress -> read(tenantId, access, query::list);
    }

    private TaskHandler.Job prune(Map<String, String> parameters) {
        Parameters p = new Parameters("M365_PRUNE", parameters);
        String tenantId = p.required("tenantId");
        RepositoryAccess access = RepositoryAccess.of(p);
        Set<Long> points = new LinkedHashSet<>();
        for (String text : p.required("restorePoints").split(",")) {
            try {
                points.add(Long.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("M365_PRUNE parameter restorePoints must list run ids, not '" + text.strip() + "'", e);
            }
        }
        return progress -> {
            ReentrantLock lock = tenantLocks.computeIfAbsent(tenantId, t -> new ReentrantLock());
            if (!lock.tryLock()) {
                progress.report(0, "waiting for the running backup of tenant " + tenantId + " to end");
                lock.lockInterruptibly();
            }
            try (Repository repo = access.open(false)) {
                progress.report(0, "forgetting restore points " + points + " of tenant " + tenantId);
                List<ServiceStore.PruneResult> results = new TenantPrune(repo, access.destination().resolve("m365"),
                        workDir.resolve(tenantId), tenantId).forget(points);
                progress.report(100, results.stream().mapToLong(ServiceStore.PruneResult::versionsRemoved).sum()
                        + " item versions forgotten, " + results.stream().mapToLong(ServiceStore.PruneResult::bytesRecycled).sum()
                        + " bytes recycled");
                return results;
            } finally {
                lock.unlock();
            }
        };
    }

    /** What a browser does with a tenant's backup. */
    interface Reading<T> {
        T read(TenantBrowser browser) throws IOException;
    }

    /** Opens the repository and a browser of the tenant's backup in a private working folder, removed afterwards. */
    <T> T read(String tenantId, RepositoryAccess access, Reading<T> reading) throws IOException {
        Path browseDir = workDir.resolve(tenantId).resolve("browse-" + System.nanoTime());
        try (Repository repo = access.open(false);
             TenantBrowser browser = new TenantBrowser(repo, access.destination().resolve("m365"), browseDir, tenantId)) {
            return reading.read(browser);
        } finally {
            delete(browseDir);
        }
    }

    /**
     * A listing of a tenant's backup: {@code list} one of {@code restorePoints}, {@code mailboxes}, {@code drives},
     * {@code teams}, {@code mailFolders} ({@code owner}), {@code messages} ({@code owner}, {@code folder}),
     * {@code children} ({@code owner} = drive, {@code folder} default the root), {@code channels} ({@code owner} =
     * team), {@code search} ({@code text}); {@code point} {@code null} for the latest.
     */
    record BrowseQuery(String list, Long point, String owner, String folder, String text) {
        private static final Set<String> OWNED = Set.of("mailFolders", "messages", "children", "channels", "calendars", "events",
                "contactFolders", "contacts");
        /** Lists of the items in a folder: they need it. */
        private static final Set<String> IN_FOLDER = Set.of("messages", "events", "contacts");

        /** Reads and checks the query; {@link IllegalArgumentException} naming the parameter. */
        static BrowseQuery of(Parameters p, String what) {
            String list = p.required("list");
            String owner = p.optional("owner", null);
            String folder = p.optional("folder", "");
            String text = p.optional("text", null);
            boolean needsOwner = OWNED.contains(list);
            if (!Set.of("restorePoints", "mailboxes", "drives", "teams", "search").contains(list) && !needsOwner) {
                throw new IllegalArgumentException(what + " parameter list must be restorePoints, mailboxes, drives, teams,"
                        + " mailFolders, messages, children, channels, calendars, events, contactFolders, contacts or search, not '"
                        + list + "'");
            }
            if (needsOwner && owner == null || IN_FOLDER.contains(list) && folder.isEmpty() || list.equals("search") && text == null) {
                throw new IllegalArgumentException(what + " list=" + list + " needs "
                        + (list.equals("search") ? "text" : IN_FOLDER.contains(list) ? "owner and folder" : "owner"));
            }
            return new BrowseQuery(list, restorePoint(p, what), owner, folder, text);
        }

        Listing list(TenantBrowser browser) throws IOException {
            switch (list) {
                case "restorePoints" -> {
                    return new Listing(null, browser.restorePoints());
                }
                case "mailboxes" -> {
                    return new Listing(null, browser.mailboxes());
                }
                case "drives" -> {
                    return new Listing(null, browser.drives());
                }
                case "teams" -> {
                    return new Listing(null, browser.teams());
                }
                default -> {
                    long at = point != null ? point : browser.latest().id();
                    return new Listing(at, switch (list) {
                        case "mailFolders" -> browser.mailFolders(at, owner);
                        case "messages" -> browser.messages(at, owner, folder);
                        case "children" -> browser.children(at, owner, folder);
                        case "channels" -> browser.channels(at, owner);
                        case "calendars" -> browser.calendars(at, owner);
                        case "events" -> browser.events(at, owner, folder);
                        case "contactFolders" -> browser.contactFolders(at, owner);
                        case "contacts" -> browser.contacts(at, owner, folder);
                        default -> browser.search(at, text);
                    });
                }
            }
        }
    }

    static Long restorePoint(Parameters p, String task) {
        String text = p.optional("restorePoint", null);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(task + " parameter restorePoint must be a run id, not '" + text + "'", e);
        }
    }

    /** Removes a task's private working folder. */
    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
