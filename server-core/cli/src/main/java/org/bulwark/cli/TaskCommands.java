package org.bulwark.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.api.Node;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.cli.Output.Column;

/** {@code nodes}, {@code tasks}, {@code task show}, {@code task watch}, {@code ping} and {@code cancel}. */
final class TaskCommands {
    /** What {@code task show --json} prints. */
    record TaskDetails(Task task, List<TaskLogEntry> log) {
    }

    private TaskCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("nodes", "", "Lists the nodes with their state, version and running tasks.",
                        Set.of(), Set.of(), TaskCommands::nodes),
                new Command("tasks", "", "Lists the tasks, newest first.", Set.of(), Set.of(), TaskCommands::tasks),
                new Command("task show", "ID", "Shows a task with its log.", Set.of(), Set.of(), TaskCommands::show),
                new Command("task watch", "ID", """
                        Follows a task until it ends: a live progress line on stderr (percent, message, elapsed time).
                        Exits 0 when it SUCCEEDED, 1 when it FAILED or was CANCELLED.""", Set.of(), Set.of(), TaskCommands::watch),
                new Command("ping", "NODE [--wait]", """
                        Queues a PING task on a node (name or id): a round trip server - node - server.
                          --wait  follow the task until it ends, as task watch does""",
                        Set.of(), Set.of("wait"), TaskCommands::ping),
                new Command("cancel", "ID", "Asks the node to stop a task; a task that already ended exits 7 (CONFLICT).",
                        Set.of(), Set.of(), TaskCommands::cancel));
    }

    private static ExitCode nodes(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        context.output().table(context.resource(NodeResource.class).list(),
                new Column<Node>("NAME", Node::name), new Column<Node>("STATE", Node::state),
                new Column<Node>("HOST", node -> node.host() + ":" + node.sshPort()), new Column<Node>("VERSION", Node::version),
                new Column<Node>("TASKS", node -> node.runningTasks() + "/" + node.capacity()),
                new Column<Node>("LAST SEEN", Node::lastSeen), new Column<Node>("ID", Node::id),
                new Column<Node>("STATUS", Node::statusMessage));
        return ExitCode.OK;
    }

    private static ExitCode tasks(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        context.output().table(context.resource(TaskResource.class).list(),
                new Column<Task>("ID", Task::id), new Column<Task>("TYPE", Task::type), new Column<Task>("STATE", Task::state),
                new Column<Task>("%", Task::progress), new Column<Task>("NODE", Task::nodeName),
                new Column<Task>("OWNER", Task::owner), new Column<Task>("CREATED", Task::createdAt),
                new Column<Task>("MESSAGE", Task::message));
        return ExitCode.OK;
    }

    private static ExitCode show(Context context, Arguments arguments) {
        TaskResource tasks = context.resource(TaskResource.class);
        Task task = tasks.get(arguments.uuid(arguments.single("task ID"), "task"));
        List<TaskLogEntry> log = tasks.log(task.id());
        StringBuilder text = new StringBuilder();
        text.append("Task     ").append(task.id()).append('\n')
                .append("Type     ").append(task.type()).append('\n')
                .append("State    ").append(task.state()).append(' ').append(task.progress()).append("%\n")
                .append("Message  ").append(Output.text(task.message())).append('\n')
                .append("Node     ").append(Output.text(task.nodeName())).append('\n')
                .append("Owner    ").append(task.owner()).append('\n')
                .append("Created  ").append(Output.text(task.createdAt())).append('\n')
                .append("Started  ").append(Output.text(task.startedAt())).append('\n')
                .append("Finished ").append(Output.text(task.finishedAt())).append('\n');
        if (task.result() != null) {
            text.append("Result   ").append(task.result()).append('\n');
        }
        text.append("Log:");
        log.forEach(entry -> text.append('\n').append("  ").append(Output.text(entry.time())).append(' ')
                .append(String.format("%-5s", entry.level())).append(' ').append(entry.message()));
        context.output().print(new TaskDetails(task, log), text.toString());
        return ExitCode.OK;
    }

    private static ExitCode watch(Context context, Arguments arguments) {
        return TaskWatcher.watch(context, arguments.uuid(arguments.single("task ID"), "task"));
    }

    private static ExitCode ping(Context context, Arguments arguments) {
        String reference = arguments.single("NODE");
        Node node = Lookup.find(context.resource(NodeResource.class).list(), reference, "node", Node::id, Node::name);
        Task task = context.resource(TaskResource.class).submit(new TaskRequest(TaskType.PING, node.id(), Map.of()));
        return queued(context, task, arguments.flag("wait"));
    }

    /** Reports a queued task, or watches it with {@code --wait}. */
    static ExitCode queued(Context context, Task task, boolean wait) {
        if (wait) {
            return TaskWatcher.watch(context, task.id());
        }
        context.output().print(task, "Queued " + task.type() + " task " + task.id() + " (bulwark task watch " + task.id() + ")");
        return ExitCode.OK;
    }

    private static ExitCode cancel(Context context, Arguments arguments) {
        Task task = context.resource(TaskResource.class).cancel(arguments.uuid(arguments.single("task ID"), "task"));
        context.output().print(task, "Cancel requested: task " + task.id() + " is " + task.state());
        return ExitCode.OK;
    }
}
