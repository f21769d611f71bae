package org.bulwark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.cli.Output.Column;

/** {@code policy} (create or replace a VM policy) and {@code schedule-preview}. */
final class PolicyCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> ARGUMENTS = new TypeReference<>() { };

    private PolicyCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("policy", "NAME --destination DIR --passphrase-file PATH [--vms A,B] [--patterns web-*,db-?] "
                        + "[--tags T,U] [--schedules S;S] [--keep-last N] [--keep-days N] [--keep-daily N] [--keep-weekly N] "
                        + "[--keep-monthly N] [--keep-yearly N] [--full-every N] [--pre-command JSON] [--post-command JSON] "
                        + "[--command-timeout S] [--disabled]", """
                        Creates the VM policy NAME, or replaces the one of that name (administrators only).
                          --destination DIR       repository folder on the node
                          --passphrase-file PATH  file on the node holding the repository passphrase
                          --vms A,B               VMs chosen by hand (names or ids)
                          --patterns P,Q          VMs whose name matches a glob (* and ?)
                          --tags T,U              VMs carrying one of these tags
                          --schedules S;S         schedules separated by ';': daily HH:MM, weekly MON,THU HH:MM, monthly D HH:MM
                                                  or cron, each optionally ending in 'window HH:MM-HH:MM' (UTC, may cross midnight:
                                                  runs outside it wait for it; backups still queued when it closes are not started)
                          --keep-last N           keep the newest N restore points of each VM
                          --keep-days N           keep restore points younger than N days
                          --keep-daily N          keep the newest point of each of the newest N days with points
                          --keep-weekly N         ... of each of the newest N ISO weeks; --keep-monthly, --keep-yearly likewise
                          --full-every N          every N-th backup of a VM is a full one
                          --pre-command JSON      a JSON list of arguments run on the node before each VM's export, such as
                                                  '["/usr/local/bin/quiesce","--db","sales"]' (no shell; the program by absolute
                                                  path); its failure fails the backup
                          --post-command JSON     likewise, run after each VM's backup whatever its outcome; a failure is a warning
                          --command-timeout S     seconds each command may run (600 by default)
                          --disabled              store the policy without running its schedules
                        Commands run as the node daemon's user and see BULWARK_VM_NAME, BULWARK_VM_UUID, BULWARK_PHASE,
                        BULWARK_OUTCOME and BULWARK_RESTORE_POINT or BULWARK_ERROR in their environment.""",
                        Set.of("destination", "passphrase-file", "vms", "patterns", "tags", "schedules", "keep-last", "keep-days",
                                "keep-daily", "keep-weekly", "keep-monthly", "keep-yearly", "full-every", "pre-command",
                                "post-command", "command-timeout"),
                        Set.of("disabled"), PolicyCommands::policy),
                new Command("schedule-preview", "EXPRESSION [--count N]", """
                        Shows the next run times of a schedule expression (local time; --json gives UTC), its window applied, such as
                        bulwark schedule-preview 'daily 20:00 window 22:00-06:00'.
                          --count N   how many (1-100, 5 by default)""",
                        Set.of("count"), Set.of(), PolicyCommands::preview));
    }

    private static ExitCode policy(Context context, Arguments arguments) {
        String name = arguments.single("policy NAME");
        PolicyResource policies = context.resource(PolicyResource.class);
        List<Vm> inventory = arguments.value("vms") == null ? List.of() : context.resource(VmResource.class).list();
        List<UUID> vms = arguments.list("vms", ",").stream()
                .map(reference -> Lookup.find(inventory, reference, "VM", Vm::id, Vm::name).id()).toList();
        List<String> pre = command(arguments, "pre-command");
        List<String> post = command(arguments, "post-command");
        int timeout = arguments.count("command-timeout");
        BackupCommands commands = pre.isEmpty() && post.isEmpty() && timeout == 0 ? null
                : new BackupCommands(pre, post, timeout);
        PolicyRequest request = new PolicyRequest(name, vms, arguments.list("patterns", ","), arguments.list("tags", ","),
                arguments.required("destination"), arguments.required("passphrase-file"), arguments.list("schedules", ";"),
                new Retention(arguments.count("keep-last"), arguments.count("keep-days"), arguments.count("keep-daily"),
                        arguments.count("keep-weekly"), arguments.count("keep-monthly"), arguments.count("keep-yearly")),
                arguments.count("full-every"), !arguments.flag("disabled"), commands);
        Policy existing = policies.list().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        Policy saved = existing == null ? policies.create(request) : policies.update(existing.id(), request);
        context.output().print(saved, (existing == null ? "Created" : "Replaced") + " policy " + saved.name() + " ("
                + saved.id() + "), covering " + saved.selectedVmIds().size() + " VMs now; keeps " + keeps(saved.retention())
                + saved.schedules().stream().map(s -> "\n  " + s.expression() + "  next run " + s.nextRun()).reduce("", String::concat));
        return ExitCode.OK;
    }

    private static ExitCode preview(Context context, Arguments arguments) {
        String expression = arguments.single("EXPRESSION");
        int count = arguments.value("count") == null ? 5 : arguments.count("count");
        List<Instant> runs = context.resource(PolicyResource.class).schedulePreview(expression, count);
        context.output().table(runs, new Column<Instant>("NEXT RUN", run -> run));
        return ExitCode.OK;
    }

    /** What a retention keeps, in words, for the policy listings. */
    static String keeps(Retention retention) {
        if (retention == null || retention.keepsAll()) {
            return "everything";
        }
        StringBuilder text = new StringBuilder();
        rule(text, retention.keepLast(), "last ");
        rule(text, retention.keepDays(), "days ");
        rule(text, retention.keepDaily(), "daily ");
        rule(text, retention.keepWeekly(), "weekly ");
        rule(text, retention.keepMonthly(), "monthly ");
        rule(text, retention.keepYearly(), "yearly ");
        return text.toString();
    }

    private static void rule(StringBuilder text, int count, String name) {
        if (count > 0) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(count);
        }
    }

    /** A command given as a JSON list of arguments; a usage error for anything else. */
    private static List<String> command(Arguments arguments, String option) {
        String json = arguments.value(option);
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<String> command = JSON.readValue(json, ARGUMENTS);
            if (command == null || command.contains(null)) {
                throw arguments.usage("--" + option + " must be a JSON list of strings");
            }
            return command;
        } catch (JsonProcessingException e) {
            throw arguments.usage("--" + option + " must be a JSON list of arguments such as '[\"/usr/bin/sync\"]', not " + json);
        }
    }
}
