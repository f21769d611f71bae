package org.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Node;
import org.bulwark.api.Retention;
import org.bulwark.api.Schedule;
import org.bulwark.api.Task;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.cli.Output.Column;
import org.bulwark.client.Sizes;

/**
 * Microsoft 365: {@code tenants}, {@code tenant add}, {@code tenant discover}, {@code tenant users},
 * {@code tenant policies}, {@code tenant policy}, {@code tenant backup}, {@code tenant restore-points},
 * {@code tenant browse}, {@code tenant download} and {@code tenant restore}. A tenant is named by its
 * tenant id or its registration id; secrets come from environment variables, never arguments.
 */
final class M365Commands {
    /** Environment variable with the client secret of a tenant being added. */
    static final String CLIENT_SECRET = "BULWARK_CLIENT_SECRET";

    private M365Commands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("tenants", "", "Lists the registered Microsoft 365 tenants (never their secrets).",
                        Set.of(), Set.of(), M365Commands::tenants),
                new Command("tenant add", "TENANT-ID --client-id ID --node NODE [--graph-url URL] [--authority-url URL]", """
                        Registers a tenant: its directory id, the application (client) id and the node that reaches it.
                          --client-id ID          the app registration's application id
                          --node NODE             the node (name or id) that backs the tenant up
                          --graph-url URL         Graph endpoint (default Microsoft's public cloud)
                          --authority-url URL     token authority (default Microsoft's public cloud)
                        The client secret comes from the BULWARK_CLIENT_SECRET variable, never as an argument.""",
                        Set.of("client-id", "node", "graph-url", "authority-url"), Set.of(), M365Commands::add),
                new Command("tenant discover", "TENANT [--wait]", "Discovers a tenant's users, groups, sites and teams.",
                        Set.of(), Set.of("wait"), M365Commands::discover),
                new Command("tenant users", "TENANT", "Lists the users of a tenant's last discovery.",
                        Set.of(), Set.of(), M365Commands::users),
                new Command("tenant policies", "TENANT", "Lists a tenant's policies with the users they cover, schedules and retention.",
                        Set.of(), Set.of(), M365Commands::policies),
                new Command("tenant policy", "TENANT NAME --destination DIR --passphrase-file PATH [--users IDS] [--patterns GLOBS] "
                        + "[--schedules EXPRS] [--keep-last N] [--keep-days N] [--disabled]", """
                        Creates a tenant's policy, or replaces the one with that name.
                          --destination DIR       repository folder on the tenant's node
                          --passphrase-file PATH  file on the node holding the repository passphrase
                          --users IDS             users chosen by hand, comma-separated user ids
                          --patterns GLOBS        comma-separated globs (* and ?, any case) on user principal name, mail
                                                  or display name, e.g. *@sales.contoso.com
                          --schedules EXPRS       semicolon-separated schedules, e.g. "daily 02:00;weekly SUN 03:00"
                          --keep-last N           keep the newest N restore points
                          --keep-days N           keep restore points younger than N days
                          --disabled              schedules do not run it""",
                        Set.of("destination", "passphrase-file", "users", "patterns", "schedules", "keep-last", "keep-days"),
                        Set.of("disabled"), M365Commands::policy),
                new Command("tenant backup", "TENANT (--policy POLICY | --destination DIR [--passphrase-file PATH]) [--wait]", """
                        Backs a tenant up now.
                          --policy POLICY         the users, repository and passphrase file of a policy (name or id)
                          --destination DIR       repository folder on the node, for the whole tenant without a policy
                          --passphrase-file PATH  file on the node holding the repository passphrase
                          --wait                  follow the task until it ends
                        Without --passphrase-file the passphrase comes from the BULWARK_PASSPHRASE variable; restore
                        points made that way cannot be browsed or downloaded through the server.""",
                        Set.of("policy", "destination", "passphrase-file"), Set.of("wait"), M365Commands::backup),
                new Command("tenant restore-points", "TENANT", "Lists a tenant's restore points, newest first.",
                        Set.of(), Set.of(), M365Commands::restorePoints),
                new Command("tenant browse", "TENANT POINT [--mailbox USER [--folder ID]] [--calendars USER [--folder ID]] "
                        + "[--contacts USER [--folder ID]] [--drive DRIVE [--folder ID]] [--search TEXT]", """
                        Browses a restore point: without options its mailboxes and drives.
                          --mailbox USER          the mailbox's folders; with --folder, the folder's messages
                          --calendars USER        the user's calendars; with --folder, the calendar's events
                          --contacts USER         the user's contact folders; with --folder, the folder's contacts
                          --drive DRIVE           the drive's root; with --folder, that folder's files and folders
                          --search TEXT           messages, files, events and contacts whose subject, sender or name
                                                  contains TEXT""",
                        Set.of("mailbox", "calendars", "contacts", "drive", "folder", "search"), Set.of(), M365Commands::browse),
                new Command("tenant download", "TENANT POINT --out PATH [--overwrite] (--mailbox USER (--message ID | --event ID "
                        + "| --calendar ID | --contact ID | --contact-folder ID) | --drive DRIVE (--item ID | --zip [--folder ID]))", """
                        Downloads from a restore point into a local file, through a temporary file beside it.
                          --mailbox USER --message ID         a message as .eml
                          --mailbox USER --event ID           an event as .ics
                          --mailbox USER --calendar ID        a whole calendar as .ics
                          --mailbox USER --contact ID         a contact as .vcf
                          --mailbox USER --contact-folder ID  a whole contact folder as .vcf
                          --drive DRIVE --item ID             a file
                          --drive DRIVE --zip                 a folder (--folder ID, default the root) as a zip
                          --overwrite                         replace an existing file (refused otherwise)""",
                        Set.of("out", "mailbox", "message", "event", "calendar", "contact", "contact-folder", "drive", "item", "folder"),
                        Set.of("zip", "overwrite"), M365Commands::download),
                new Command("tenant restore", "TENANT POINT (--mailbox USER (--messages IDS | --events IDS | --contacts IDS) "
                        + "| --drive DRIVE --items IDS) [--target ID] [--wait]", """
                        Restores into a new "Restored <date>" folder or calendar; nothing is overwritten.
                          --mailbox USER --messages IDS  comma-separated message ids of a mailbox
                          --mailbox USER --events IDS    comma-separated event ids of the user's calendars
                          --mailbox USER --contacts IDS  comma-separated contact ids of the user's contact folders
                          --drive DRIVE --items IDS      comma-separated file or folder ids of a drive
                          --target ID                    another user or drive to restore into (default the source)
                          --wait                         follow the task until it ends""",
                        Set.of("mailbox", "messages", "events", "contacts", "drive", "items", "target"), Set.of("wait"),
                        M365Commands::restore));
    }

    private static ExitCode tenants(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        context.output().table(tenants(context).list(), new Column<M365Tenant>("TENANT", M365Tenant::tenantId),
                new Column<M365Tenant>("CLIENT", M365Tenant::clientId), new Column<M365Tenant>("SECRET",
                        tenant -> tenant.hasSecret() ? "set" : "missing"),
                new Column<M365Tenant>("NODE", M365Tenant::nodeId), new Column<M365Tenant>("ID", M365Tenant::id));
        return ExitCode.OK;
    }

    private static ExitCode add(Context context, Arguments arguments) {
        String tenantId = arguments.single("TENANT-ID");
        String secret = context.terminal().env(CLIENT_SECRET);
        if (secret == null || secret.isBlank()) {
            throw arguments.usage("set the client secret in the " + CLIENT_SECRET + " variable");
        }
        Node node = Lookup.find(context.resource(NodeResource.class).list(), arguments.required("node"), "node", Node::id,
                Node::name);
        M365Tenant tenant = tenants(context).register(new M365TenantRequest(tenantId, arguments.required("client-id"), secret,
                node.id(), arguments.value("graph-url"), arguments.value("authority-url")));
        context.output().print(tenant, "Registered tenant " + tenant.tenantId() + " (" + tenant.id() + ")");
        return ExitCode.OK;
    }

    private static ExitCode discover(Context context, Arguments arguments) {
        M365Tenant tenant = tenant(context, arguments.single("TENANT"));
        return TaskCommands.queued(context, tenants(context).discover(tenant.id()), arguments.flag("wait"));
    }

    private static ExitCode users(Context context, Arguments arguments) {
        M365Tenant tenant = tenant(context, arguments.single("TENANT"));
        context.output().table(tenants(context).users(tenant.id()), new Column<M365User>("PRINCIPAL", M365User::userPrincipalName),
                new Column<M365User>("NAME", M365User::displayName), new Column<M365User>("MAIL", M365User::mail),
                new Column<M365User>("ID", M365User::id));
        return ExitCode.OK;
    }

    private static ExitCode policies(Context context, Arguments arguments) {
        M365Tenant tenant = tenant(context, arguments.single("TENANT"));
        context.output().table(tenants(context).policies(tenant.id()), new Column<M365Policy>("NAME", M365Policy::name),
                new Column<M365Policy>("ENABLED", M365Policy::enabled),
                new Column<M365Policy>("USERS", policy -> policy.selectedUserIds().size()),
                new Column<M365Policy>("SCHEDULES", policy -> policy.schedules().stream().map(Schedule::expression)
                        .collect(Collectors.joining("; "))),
                new Column<M365Policy>("NEXT RUN", policy -> policy.schedules().stream().map(Schedule::nextRun)
                        .filter(time -> time != null).min(Instant::compareTo).orElse(null)),
                new Column<M365Policy>("KEEP", policy -> "last " + policy.retention().keepLast() + ", "
                        + policy.retention().keepDays() + " days"),
                new Column<M365Policy>("DESTINATION", M365Policy::destination), new Column<M365Policy>("ID", M365Policy::id));
        return ExitCode.OK;
    }

    private static ExitCode policy(Context context, Arguments arguments) {
        List<String> words = arguments.positional("TENANT and NAME", 2);
        M365Tenant tenant = tenant(context, words.get(0));
        M365PolicyRequest request = new M365PolicyRequest(words.get(1), arguments.list("users", ","),
                arguments.list("patterns", ","), arguments.required("destination"), arguments.required("passphrase-file"),
                arguments.list("schedules", ";"), new Retention(arguments.count("keep-last"),
                arguments.count("keep-days")), !arguments.flag("disabled"));
        TenantResource resource = tenants(context);
        M365Policy existing = resource.policies(tenant.id()).stream().filter(p -> p.name().equals(words.get(1))).findFirst()
                .orElse(null);
        M365Policy saved = existing == null ? resource.createPolicy(tenant.id(), request)
                : resource.updatePolicy(tenant.id(), existing.id(), request);
        context.output().print(saved, (existing == null ? "Created" : "Replaced") + " policy " + saved.name() + " ("
                + saved.id() + "), covering " + saved.selectedUserIds().size() + " users now");
        return ExitCode.OK;
    }

    private static ExitCode backup(Context context, Arguments arguments) {
        M365Tenant tenant = tenant(context, arguments.single("TENANT"));
        TenantResource resource = tenants(context);
        Task task;
        if (arguments.value("policy") != null) {
            if (arguments.value("destination") != null || arguments.value("passphrase-file") != null) {
                throw arguments.usage("--policy brings its destination and passphrase file");
            }
            M365Policy policy = Lookup.find(resource.policies(tenant.id()), arguments.value("policy"), "policy",
                    M365Policy::id, M365Policy::name);
            task = resource.runPolicy(tenant.id(), policy.id());
        } else if (arguments.value("destination") != null) {
            task = resource.backup(tenant.id(), new M365BackupRequest(arguments.value("destination"),
                    arguments.value("passphrase-file"), arguments.value("passphrase-file") == null
                            ? context.terminal().env(InventoryCommands.PASSPHRASE) : null));
        } else {
            throw arguments.usage("give --policy POLICY or --destination DIR");
        }
        return TaskCommands.queued(context, task, arguments.flag("wait"));
    }

    private static ExitCode restorePoints(Context context, Arguments arguments) {
        M365Tenant tenant = tenant(context, arguments.single("TENANT"));
        context.output().table(tenants(context).restorePoints(tenant.id()),
                new Column<M365RestorePoint>("ID", M365RestorePoint::id),
                new Column<M365RestorePoint>("CREATED", M365RestorePoint::createdAt),
                new Column<M365RestorePoint>("ITEMS", M365RestorePoint::items),
                new Column<M365RestorePoint>("STORED", point -> Sizes.bytes(point.bytes())),
                new Column<M365RestorePoint>("POLICY", M365RestorePoint::policyId),
                new Column<M365RestorePoint>("DESTINATION", M365RestorePoint::destination));
        return ExitCode.OK;
    }

    private static ExitCode browse(Context context, Arguments arguments) {
        List<String> words = arguments.positional("TENANT and POINT", 2);
        UUID tenant = tenant(context, words.get(0)).id();
        long point = point(arguments, words.get(1));
        TenantResource resource = tenants(context);
        String mailbox = arguments.value("mailbox");
        String calendars = arguments.value("calendars");
        String contacts = arguments.value("contacts");
        String drive = arguments.value("drive");
        String folder = arguments.value("folder");
        String search = arguments.value("search");
        long given = Stream.of(mailbox, calendars, contacts, drive, search).filter(Objects::nonNull).count();
        if (given > 1 || folder != null && (given == 0 || search != null)) {
            throw arguments.usage("give one of --mailbox, --calendars, --contacts, --drive or --search; --folder goes with one of"
                    + " the first four");
        }
        List<M365Item> items;
        if (mailbox != null) {
            items = folder == null ? resource.mailFolders(tenant, point, mailbox) : resource.messages(tenant, point, mailbox, folder);
        } else if (calendars != null) {
            items = folder == null ? resource.calendars(tenant, point, calendars) : resource.events(tenant, point, calendars, folder);
        } else if (contacts != null) {
            items = folder == null ? resource.contactFolders(tenant, point, contacts)
                    : resource.contacts(tenant, point, contacts, folder);
        } else if (drive != null) {
            items = resource.children(tenant, point, drive, folder);
        } else if (search != null) {
            items = resource.search(tenant, point, search);
        } else {
            items = new ArrayList<>(resource.mailboxes(tenant, point));
            items.addAll(resource.drives(tenant, point));
        }
        context.output().table(items, new Column<M365Item>("KIND", M365Item::kind), new Column<M365Item>("NAME", M365Item::name),
                new Column<M365Item>("SENDER", M365Item::sender),
                new Column<M365Item>("MODIFIED", item -> item.modified() == 0 ? null : Instant.ofEpochMilli(item.modified())),
                new Column<M365Item>("SIZE", item -> item.size() == 0 ? null : Sizes.bytes(item.size())),
                new Column<M365Item>("ID", M365Item::id));
        return ExitCode.OK;
    }

    private static ExitCode download(Context context, Arguments arguments) {
        List<String> words = arguments.positional("TENANT and POINT", 2);
        UUID tenant = tenant(context, words.get(0)).id();
        long point = point(arguments, words.get(1));
        Path out = Path.of(arguments.required("out")).toAbsolutePath().normalize();
        if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
            throw arguments.usage("--out " + out + ": its folder must exist");
        }
        TenantResource resource = tenants(context);
        String mailbox = arguments.value("mailbox");
        String drive = arguments.value("drive");
        List<String> what = Stream.of("message", "event", "calendar", "contact", "contact-folder", "item")
                .filter(option -> arguments.value(option) != null).toList();
        boolean zip = arguments.flag("zip");
        boolean ofMailbox = mailbox != null && drive == null && !zip && what.size() == 1 && !what.contains("item");
        boolean ofDrive = drive != null && mailbox == null && (zip ? what.isEmpty() : what.equals(List.of("item")));
        if (!ofMailbox && !ofDrive) {
            throw arguments.usage("give --mailbox USER with one of --message, --event, --calendar, --contact, --contact-folder;"
                    + " or --drive DRIVE with --item ID or --zip");
        }
        Downloads.Saved saved;
        try (InputStream in = zip ? resource.zip(tenant, point, drive, arguments.value("folder")) : switch (what.getFirst()) {
            case "message" -> resource.eml(tenant, point, mailbox, arguments.value("message"));
            case "event", "calendar" -> resource.ics(tenant, point, mailbox, arguments.value("calendar"), arguments.value("event"));
            case "contact", "contact-folder" -> resource.vcf(tenant, point, mailbox, arguments.value("contact-folder"),
                    arguments.value("contact"));
            default -> resource.file(tenant, point, drive, arguments.value("item"));
        }) {
            saved = new Downloads(context.terminal(), arguments.flag("overwrite")).file(in, -1, out.getParent(),
                    out.getFileName().toString());
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "bulwark tenant download: the download into " + out + " broke off: "
                    + e.getMessage());
        }
        context.output().print(saved, "Saved " + Sizes.bytes(saved.bytes()) + " to " + saved.path());
        return ExitCode.OK;
    }

    private static ExitCode restore(Context context, Arguments arguments) {
        List<String> words = arguments.positional("TENANT and POINT", 2);
        UUID tenant = tenant(context, words.get(0)).id();
        long point = point(arguments, words.get(1));
        String mailbox = arguments.value("mailbox");
        String drive = arguments.value("drive");
        List<String> what = Stream.of("messages", "events", "contacts", "items").filter(option -> arguments.value(option) != null)
                .toList();
        if ((mailbox == null) == (drive == null) || what.size() != 1 || (drive != null) != what.contains("items")) {
            throw arguments.usage("give --mailbox USER with --messages, --events or --contacts IDS, or --drive DRIVE --items IDS");
        }
        String option = what.getFirst();
        String service = switch (option) {
            case "messages" -> "mail";
            case "events" -> "calendars";
            case "contacts" -> "contacts";
            default -> "files";
        };
        M365RestoreRequest request = new M365RestoreRequest(null, null, null, point, service, mailbox != null ? mailbox : drive,
                arguments.list(option, ","), arguments.value("target"));
        return TaskCommands.queued(context, tenants(context).restore(tenant, request), arguments.flag("wait"));
    }

    private static TenantResource tenants(Context context) {
        return context.resource(TenantResource.class);
    }

    private static M365Tenant tenant(Context context, String reference) {
        return Lookup.find(tenants(context).list(), reference, "tenant", M365Tenant::id, M365Tenant::tenantId);
    }

    private static long point(Arguments arguments, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw arguments.usage("'" + text + "' is not a restore point id (a number, see bulwark tenant restore-points)");
        }
    }
}
