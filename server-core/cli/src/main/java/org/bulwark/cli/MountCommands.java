package org.bulwark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.MountPartition;
import org.bulwark.api.MountRequest;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.rest.MountResource;
import org.bulwark.cli.Output.Column;
import org.bulwark.client.Sizes;

/** File-level restore: {@code mount}, {@code mounts}, {@code ls}, {@code find}, {@code get} and {@code unmount}. */
final class MountCommands {
    /** How long {@code mount} waits for the server to record the mount once its task succeeded. */
    private static final Duration RECORDED = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private MountCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("mount", "POINT [--disk vda]", """
                        Mounts a restore point's disk on its node for browsing and downloads; waits for it.
                          --disk vda   which disk of the restore point (the first one by default)
                        Prints the mount's id and the partitions found; the disk is also served read-only over NBD on the node.
                        A restore point backed up on demand with a typed passphrase opens with the passphrase in the
                        BULWARK_PASSPHRASE variable (never an argument); a policy's opens with its passphrase file.""",
                        Set.of("disk"), Set.of(), MountCommands::mount),
                new Command("mounts", "", "Lists the open mounts.", Set.of(), Set.of(), MountCommands::mounts),
                new Command("ls", "MOUNT PARTITION PATH", """
                        Lists a folder of a mounted partition (PATH absolute, such as /etc).
                        MOUNT is a mount id or a unique start of one; PARTITION its number as bulwark mounts shows.""",
                        Set.of(), Set.of(), MountCommands::ls),
                new Command("find", "MOUNT PARTITION NAME [--under PATH] [--limit N]", """
                        Finds files and folders of a mounted partition whose name contains NAME, ignoring case.
                          --under PATH  search below this folder only (/ by default)
                          --limit N     at most N results (1000 by default and at most)""",
                        Set.of("under", "limit"), Set.of(), MountCommands::find),
                new Command("get", "MOUNT PARTITION PATH --to FOLDER [--zip] [--overwrite]", """
                        Downloads a file or a folder of a mounted partition into a local folder.
                          --to FOLDER   existing local folder; the file or folder keeps its name in it
                          --zip         save a folder as NAME.zip instead of unpacking it
                          --overwrite   replace what is already there (refused otherwise)
                        Names that would land outside FOLDER are refused; a broken download leaves nothing behind.""",
                        Set.of("to"), Set.of("zip", "overwrite"), MountCommands::get),
                new Command("unmount", "MOUNT", "Ends a mount: its node stops the NBD export and frees its caches; waits for it.",
                        Set.of(), Set.of(), MountCommands::unmount));
    }

    private static ExitCode mount(Context context, Arguments arguments) {
        String point = arguments.single("restore POINT");
        MountResource mounts = context.resource(MountResource.class);
        Task task = TaskWatcher.await(context, mounts.mount(new MountRequest(point, arguments.value("disk"),
                context.terminal().env(InventoryCommands.PASSPHRASE))).id());
        if (TaskWatcher.outcome(task) != ExitCode.OK) {
            context.output().print(task, "MOUNT " + task.state() + ": " + Output.text(task.message()));
            return TaskWatcher.outcome(task);
        }
        Mount mount = recorded(mounts, mountId(task));
        context.output().print(mount, "Mounted " + mount.id() + ": " + mount.vmName() + " " + mount.disk() + " ("
                + Sizes.bytes(mount.size()) + ") of restore point " + mount.restorePointId() + " on node " + mount.nodeName()
                + "\nNBD export on the node: " + mount.nbdUri() + "\n\n" + partitions(mount));
        return ExitCode.OK;
    }

    private static ExitCode mounts(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        context.output().table(context.resource(MountResource.class).list(),
                new Column<Mount>("ID", Mount::id), new Column<Mount>("VM", Mount::vmName), new Column<Mount>("DISK", Mount::disk),
                new Column<Mount>("SIZE", mount -> Sizes.bytes(mount.size())),
                new Column<Mount>("PARTITIONS", mount -> mount.partitions().stream()
                        .map(p -> p.number() + ":" + p.fileSystem()).collect(Collectors.joining(" "))),
                new Column<Mount>("NODE", Mount::nodeName), new Column<Mount>("OPENED", Mount::opened),
                new Column<Mount>("RESTORE POINT", Mount::restorePointId));
        return ExitCode.OK;
    }

    private static ExitCode ls(Context context, Arguments arguments) {
        List<String> words = arguments.positional("MOUNT PARTITION PATH", 3);
        Mount mount = find(context, words.get(0));
        entries(context, context.resource(MountResource.class).list(mount.id(), partition(arguments, words.get(1)), words.get(2)),
                false);
        return ExitCode.OK;
    }

    private static ExitCode find(Context context, Arguments arguments) {
        List<String> words = arguments.positional("MOUNT PARTITION NAME", 3);
        Mount mount = find(context, words.get(0));
        int partition = partition(arguments, words.get(1));
        int limit = arguments.value("limit") == null ? 0 : number(arguments, "limit", arguments.value("limit"));
        entries(context, context.resource(MountResource.class).search(mount.id(), partition, arguments.value("under"),
                words.get(2), limit), true);
        return ExitCode.OK;
    }

    private static ExitCode get(Context context, Arguments arguments) {
        List<String> words = arguments.positional("MOUNT PARTITION PATH", 3);
        Mount mount = find(context, words.get(0));
        int partition = partition(arguments, words.get(1));
        Path folder = Path.of(arguments.required("to"));
        MountResource mounts = context.resource(MountResource.class);
        MountEntry entry = entry(mounts, mount, partition, words.get(2));
        boolean zip = arguments.flag("zip");
        Downloads downloads = new Downloads(context.terminal(), arguments.flag("overwrite"));
        Downloads.Saved saved;
        try {
            switch (entry.type()) {
                case "FILE" -> {
                    try (InputStream in = mounts.file(mount.id(), partition, entry.path())) {
                        saved = downloads.file(in, entry.size(), folder, entry.name());
                    }
                }
                case "DIRECTORY" -> {
                    try (InputStream in = mounts.zip(mount.id(), partition, entry.path())) {
                        saved = zip ? downloads.file(in, -1, folder, entry.name() + ".zip") : downloads.unzip(in, folder, entry.name());
                    }
                }
                default -> throw new CliException(ExitCode.USAGE, entry.path() + " is a " + entry.type().toLowerCase(Locale.ROOT)
                        + ", not a file or folder; only files and folders are downloaded");
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Downloading " + entry.path() + " failed: " + e.getMessage());
        }
        context.output().print(saved, "Saved " + saved.path() + " (" + (saved.files() == 1 ? "" : saved.files() + " files, ")
                + Sizes.bytes(saved.bytes()) + ")");
        return ExitCode.OK;
    }

    private static ExitCode unmount(Context context, Arguments arguments) {
        Mount mount = find(context, arguments.single("MOUNT"));
        Task task = TaskWatcher.await(context, context.resource(MountResource.class).unmount(mount.id()).id());
        context.output().print(task, task.state() == TaskState.SUCCEEDED ? "Unmounted " + mount.id()
                : "UNMOUNT " + task.state() + ": " + Output.text(task.message()));
        return TaskWatcher.outcome(task);
    }

    /** The entry at {@code path}, from a listing of its folder (the root is a folder of its own). */
    private static MountEntry entry(MountResource mounts, Mount mount, int partition, String path) {
        String clean = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (clean.equals("/")) {
            return new MountEntry("partition-" + partition, "/", "DIRECTORY", 0, null, 0, "");
        }
        int slash = clean.lastIndexOf('/');
        if (slash < 0) {
            throw new CliException(ExitCode.USAGE, "PATH must be absolute (start with /): " + path);
        }
        String name = clean.substring(slash + 1);
        return mounts.list(mount.id(), partition, slash == 0 ? "/" : clean.substring(0, slash)).stream()
                .filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "Not found: no " + clean + " on partition " + partition
                        + " of mount " + mount.id()));
    }

    private static void entries(Context context, List<MountEntry> entries, boolean paths) {
        context.output().table(entries, new Column<MountEntry>("TYPE", e -> e.type().substring(0, 1)),
                new Column<MountEntry>("MODE", e -> String.format("%04o", e.mode())),
                new Column<MountEntry>("SIZE", e -> e.type().equals("FILE") ? Sizes.bytes(e.size()) : ""),
                new Column<MountEntry>("MODIFIED", MountEntry::modified),
                new Column<MountEntry>(paths ? "PATH" : "NAME", e -> (paths ? e.path() : e.name())
                        + (e.linkTarget() == null || e.linkTarget().isEmpty() ? "" : " -> " + e.linkTarget())));
    }

    private static String partitions(Mount mount) {
        StringBuilder text = new StringBuilder("PARTITION  SCHEME  FILE SYSTEM  SIZE      NAME\n");
        for (MountPartition p : mount.partitions()) {
            text.append(String.format("%-9d  %-6s  %-11s  %-8s  %s%n", p.number(), p.scheme(), p.fileSystem(), Sizes.bytes(p.length()),
                    p.name() == null || p.name().isEmpty() ? "-" : p.name()));
        }
        return text.toString().stripTrailing();
    }

    /** The mount whose id is or starts with {@code reference}. */
    private static Mount find(Context context, String reference) {
        String prefix = reference.toLowerCase(Locale.ROOT);
        List<Mount> matches = context.resource(MountResource.class).list().stream()
                .filter(m -> m.id().toString().startsWith(prefix)).toList();
        if (matches.size() > 1) {
            throw new CliException(ExitCode.USAGE, "Several mounts start with " + reference + "; give more of the id");
        }
        if (matches.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "Not found: no open mount with the id " + reference + " (see bulwark mounts)");
        }
        return matches.getFirst();
    }

    /** The mount the MOUNT task opened, once the server has recorded it. */
    private static Mount recorded(MountResource mounts, UUID id) {
        Instant deadline = Instant.now().plus(RECORDED);
        while (true) {
            try {
                return mounts.get(id);
            } catch (ApiException e) {
                if (e.status() != 404 || Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.ERROR, "Interrupted; mount " + id + " is open (bulwark mounts)");
            }
        }
    }

    private static UUID mountId(Task task) {
        try {
            JsonNode id = JSON.readTree(task.result()).path("mount").path("id");
            return UUID.fromString(id.asText());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CliException(ExitCode.ERROR, "The MOUNT task " + task.id() + " succeeded without naming its mount: "
                    + task.result());
        }
    }

    private static int partition(Arguments arguments, String text) {
        return number(arguments, "PARTITION", text);
    }

    private static int number(Arguments arguments, String what, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw arguments.usage(what + " must be a whole number, not '" + text + "'");
    }
}
