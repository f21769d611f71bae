package org.bulwark.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.Policy;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Schedule;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.cli.Output.Column;
import org.bulwark.client.Sizes;

/** {@code vms}, {@code policies}, {@code restore-points}, {@code backup} and {@code restore}. */
final class InventoryCommands {
    /** Environment variable with the passphrase of a backup on demand (never an argument). */
    static final String PASSPHRASE = "BULWARK_PASSPHRASE";
    /** How long {@code restore --to-hypervisor --wait} looks for the IMPORT the server queues after the RESTORE. */
    private static final Duration IMPORT_APPEARS = Duration.ofSeconds(10);

    private InventoryCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("vms", "", "Lists the virtual machines of the inventory (vanished ones too, marked).",
                        Set.of(), Set.of(), InventoryCommands::vms),
                new Command("policies", "", "Lists the backup policies with their schedules and retention.",
                        Set.of(), Set.of(), InventoryCommands::policies),
                new Command("restore-points", "VM", "Lists a VM's restore points (VM by name or id), newest first.",
                        Set.of(), Set.of(), InventoryCommands::restorePoints),
                new Command("backup", "VM [--policy POLICY] [--destination DIR] [--passphrase-file PATH] [--full] [--wait]", """
                        Backs up a VM (name or id) now.
                          --policy POLICY         use a policy's destination and passphrase file (name or id)
                          --destination DIR       repository folder on the node, for a backup without a policy
                          --passphrase-file PATH  file on the node holding the repository passphrase
                          --full                  a full backup even when an incremental one is possible
                          --wait                  follow the task until it ends, as task watch does
                        The passphrase may also come from the BULWARK_PASSPHRASE variable, never as an argument.""",
                        Set.of("policy", "destination", "passphrase-file"), Set.of("full", "wait"), InventoryCommands::backup),
                new Command("restore", "POINT --folder DIR [--format raw|qcow2] [--to-hypervisor [--name NEW] [--start] "
                        + "[--overwrite]] [--passphrase-file PATH] [--wait]", """
                        Restores a restore point's disks into a folder on the node as raw or qcow2 image files.
                          --folder DIR            absolute folder on the node for the disk images
                          --format raw|qcow2      image format (raw by default)
                          --to-hypervisor         define the VM again from the restored disks afterwards
                          --name NEW              name of the restored VM (required with --to-hypervisor unless --overwrite)
                          --start                 start the restored VM
                          --overwrite             replace the original VM
                          --passphrase-file PATH  file on the node holding the passphrase (a policy's is used by default)
                          --wait                  follow the restore (and the import) until it ends
                        The passphrase may also come from the BULWARK_PASSPHRASE variable, never as an argument.""",
                        Set.of("folder", "format", "name", "passphrase-file"), Set.of("to-hypervisor", "start", "overwrite", "wait"),
                        InventoryCommands::restore));
    }

    private static ExitCode vms(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        context.output().table(context.resource(VmResource.class).list(),
                new Column<Vm>("NAME", vm -> vm.present() ? vm.name() : vm.name() + " (gone)"), new Column<Vm>("STATE", Vm::state),
                new Column<Vm>("CPUS", Vm::vcpus), new Column<Vm>("MEMORY", vm -> Sizes.bytes(vm.memoryBytes())),
                new Column<Vm>("DISKS", vm -> vm.disks().size()), new Column<Vm>("TAGS", vm -> String.join(",", vm.tags())),
                new Column<Vm>("ID", Vm::id));
        return ExitCode.OK;
    }

    private static ExitCode policies(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        context.output().table(context.resource(PolicyResource.class).list(),
                new Column<Policy>("NAME", Policy::name), new Column<Policy>("ENABLED", Policy::enabled),
                new Column<Policy>("VMS", policy -> policy.selectedVmIds().size()),
                new Column<Policy>("SCHEDULES", policy -> policy.schedules().stream().map(Schedule::expression)
                        .collect(Collectors.joining("; "))),
                new Column<Policy>("NEXT RUN", policy -> policy.schedules().stream().map(Schedule::nextRun)
                        .filter(time -> time != null).min(Instant::compareTo).orElse(null)),
                new Column<Policy>("KEEP", policy -> PolicyCommands.keeps(policy.retention())),
                new Column<Policy>("DESTINATION", Policy::destination), new Column<Policy>("ID", Policy::id));
        return ExitCode.OK;
    }

    private static ExitCode restorePoints(Context context, Arguments arguments) {
        Vm vm = vm(context, arguments.single("VM"));
        context.output().table(context.resource(VmResource.class).restorePoints(vm.id()),
                new Column<RestorePoint>("ID", RestorePoint::id), new Column<RestorePoint>("CREATED", RestorePoint::createdAt),
                new Column<RestorePoint>("KIND", RestorePoint::kind),
                new Column<RestorePoint>("SIZE", point -> Sizes.bytes(point.logicalBytes())),
                new Column<RestorePoint>("STORED", point -> Sizes.bytes(point.bytesWritten())),
                new Column<RestorePoint>("NODE", RestorePoint::nodeName),
                new Column<RestorePoint>("DESTINATION", RestorePoint::destination));
        return ExitCode.OK;
    }

    private static ExitCode backup(Context context, Arguments arguments) {
        Vm vm = vm(context, arguments.single("VM"));
        UUID policy = Optional.ofNullable(arguments.value("policy")).map(reference -> Lookup.find(
                context.resource(PolicyResource.class).list(), reference, "policy", Policy::id, Policy::name).id()).orElse(null);
        if (policy == null && arguments.value("destination") == null) {
            throw arguments.usage("give --policy POLICY or --destination DIR");
        }
        Task task = context.resource(VmResource.class).backup(vm.id(), new BackupRequest(policy, arguments.value("destination"),
                context.terminal().env(PASSPHRASE), arguments.value("passphrase-file"), arguments.flag("full")));
        return TaskCommands.queued(context, task, arguments.flag("wait"));
    }

    private static ExitCode restore(Context context, Arguments arguments) {
        String point = arguments.single("restore POINT");
        boolean toHypervisor = arguments.flag("to-hypervisor");
        if (!toHypervisor && (arguments.value("name") != null || arguments.flag("start") || arguments.flag("overwrite"))) {
            throw arguments.usage("--name, --start and --overwrite go with --to-hypervisor");
        }
        if (toHypervisor && arguments.value("name") == null && !arguments.flag("overwrite")) {
            throw arguments.usage("--to-hypervisor needs --name NEW, or --overwrite to replace the original VM");
        }
        String format = arguments.value("format");
        if (format != null && !Set.of("raw", "qcow2").contains(format)) {
            throw arguments.usage("--format is raw or qcow2, not " + format);
        }
        Task task = context.resource(RestorePointResource.class).restore(point, new RestoreRequest(arguments.required("folder"),
                format, arguments.value("name"), toHypervisor, arguments.flag("start"), arguments.flag("overwrite"),
                context.terminal().env(PASSPHRASE), arguments.value("passphrase-file")));
        if (!toHypervisor || !arguments.flag("wait")) {
            return TaskCommands.queued(context, task, arguments.flag("wait"));
        }
        Task restored = TaskWatcher.await(context, task.id());
        if (restored.state() != TaskState.SUCCEEDED) {
            context.output().print(restored, "RESTORE " + restored.state() + ": " + Output.text(restored.message()));
            return TaskWatcher.outcome(restored);
        }
        return TaskWatcher.watch(context, importAfter(context, restored).id());
    }

    /** The IMPORT the server queues on the same node once a RESTORE with import succeeded. */
    private static Task importAfter(Context context, Task restored) {
        TaskResource tasks = context.resource(TaskResource.class);
        Instant deadline = Instant.now().plus(IMPORT_APPEARS);
        while (Instant.now().isBefore(deadline)) {
            Optional<Task> next = tasks.list().stream().filter(task -> task.type() == TaskType.IMPORT
                    && restored.nodeId().equals(task.nodeId()) && restored.owner().equals(task.owner())
                    && !task.createdAt().isBefore(restored.finishedAt().minusSeconds(1))).reduce((newer, older) -> older);
            if (next.isPresent()) {
                return next.get();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new CliException(ExitCode.ERROR, "The restore succeeded but its IMPORT task did not appear; see bulwark tasks");
    }

    private static Vm vm(Context context, String reference) {
        return Lookup.find(context.resource(VmResource.class).list(), reference, "VM", Vm::id, Vm::name);
    }
}
