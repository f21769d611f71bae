package org.bulwark.server.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Role;
import org.bulwark.api.Schedule;
import org.bulwark.api.Vm;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.restorepoint.RetentionRule;
import org.bulwark.server.schedule.ScheduleException;
import org.bulwark.server.schedule.ScheduleExpression;
import org.bulwark.server.schedule.ScheduleStore;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Policies: validated on the way in (a wrong schedule is a 400 naming what is wrong), shown with
 * the VMs they cover now and the next run of each schedule (time windows applied). The passphrase is
 * only ever a file reference on the node, so no secret is stored or returned. Pre/post commands are
 * argument lists run on the node without a shell, as its user: only administrators set them.
 */
public final class PolicyService {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyService.class);
    private static final int MAX_PREVIEW = 100;

    private final PolicyStore store;
    private final ScheduleStore schedules;
    private final InventoryService inventory;
    private final Clock clock;

    public PolicyService(PolicyStore store, ScheduleStore schedules, InventoryService inventory, Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.inventory = inventory;
        this.clock = clock;
    }

    public List<Policy> list() {
        List<Vm> vms = inventory.vms();
        return store.list().stream().map(p -> toApi(p, vms)).toList();
    }

    public Policy get(UUID id) {
        return toApi(find(id), inventory.vms());
    }

    public StoredPolicy find(UUID id) {
        return store.find(id).orElseThrow(() -> Errors.notFound("No policy " + id));
    }

    /** The present VMs the policy covers now. */
    public List<Vm> selection(StoredPolicy policy) {
        return VmSelection.select(policy, inventory.vms());
    }

    public Policy create(Caller caller, PolicyRequest request) {
        return save(caller, UUID.randomUUID(), request);
    }

    public Policy update(Caller caller, UUID id, PolicyRequest request) {
        find(id);
        return save(caller, id, request);
    }

    public void delete(Caller caller, UUID id) {
        if (!store.delete(id)) {
            throw Errors.notFound("No policy " + id);
        }
        LOG.info("policy deleted id={} by={}", id, caller.username());
    }

    /** The next runs of an expression: 400 with the reason for a wrong one. */
    public List<Instant> preview(String expression, int count) {
        if (count < 1 || count > MAX_PREVIEW) {
            throw Errors.badRequest("count must be between 1 and " + MAX_PREVIEW);
        }
        return parse(expression, "expression").next(clock.instant(), count);
    }

    private Policy save(Caller caller, UUID id, PolicyRequest request) {
        Errors.required(request, "policy");
        String name = Errors.required(request.name(), "name").trim();
        String destination = Errors.required(request.destination(), "destination").trim();
        String passphraseFile = Errors.required(request.passphraseFile(), "passphraseFile").trim();
        if (!destination.startsWith("/") || !passphraseFile.startsWith("/")) {
            throw Errors.badRequest("destination and passphraseFile must be absolute paths on the node");
        }
        Retention retention = RetentionRule.validated(request.retention());
        BackupCommands commands = commands(caller, id, request.commands());
        if (request.fullEvery() < 0) {
            throw Errors.badRequest("fullEvery must not be negative");
        }
        for (String pattern : request.namePatterns()) {
            Errors.required(pattern, "namePatterns entry");
        }
        Instant now = clock.instant();
        List<ScheduleStore.StoredSchedule> stored = new ArrayList<>();
        for (int i = 0; i < request.schedules().size(); i++) {
            ScheduleExpression expression = parse(request.schedules().get(i), "schedules[" + i + "]");
            stored.add(new ScheduleStore.StoredSchedule(id, i, expression.text(), expression.next(now)));
        }
        StoredPolicy policy = new StoredPolicy(id, name, request.vmIds(), request.namePatterns(), request.tags(),
                destination, passphraseFile, retention, request.fullEvery(), request.enabled(), commands);
        if (!store.save(policy)) {
            throw Errors.conflict("A policy named " + name + " exists already");
        }
        schedules.replace(id, stored);
        LOG.info("policy saved name={} id={} schedules={} by={}", name, id, stored.size(), caller.username());
        return get(id);
    }

    /**
     * Checks pre/post commands: argument lists whose program is an absolute path on the node, no
     * empty or NUL-bearing argument, a timeout within 0-{@value BackupCommands#MAX_TIMEOUT_SECONDS} s.
     * They run as the node's user, so only an administrator may set or change them (403 otherwise;
     * resending a policy's commands unchanged is allowed).
     */
    private BackupCommands commands(Caller caller, UUID id, BackupCommands requested) {
        BackupCommands commands = requested == null ? BackupCommands.none() : requested;
        check(commands.pre(), "commands.pre");
        check(commands.post(), "commands.post");
        if (commands.timeoutSeconds() < 0 || commands.timeoutSeconds() > BackupCommands.MAX_TIMEOUT_SECONDS) {
            throw Errors.badRequest("commands.timeoutSeconds must be between 0 (the default, "
                    + BackupCommands.DEFAULT_TIMEOUT_SECONDS + " s) and " + BackupCommands.MAX_TIMEOUT_SECONDS);
        }
        BackupCommands stored = store.find(id).map(StoredPolicy::commands).orElse(BackupCommands.none());
        if (!commands.equals(stored) && caller.role() != Role.ADMINISTRATOR) {
            throw Errors.forbidden("Only an administrator may set pre/post commands: they run as the node's user");
        }
        return commands;
    }

    private static void check(List<String> command, String field) {
        for (int i = 0; i < command.size(); i++) {
            String argument = command.get(i);
            if (argument == null || argument.isEmpty() || argument.indexOf('\0') >= 0) {
                throw Errors.badRequest(field + "[" + i + "] must be a non-empty argument without NUL characters");
            }
        }
        if (!command.isEmpty() && !command.getFirst().startsWith("/")) {
            throw Errors.badRequest(field + "[0] must be the program's absolute path on the node, not '"
                    + command.getFirst() + "' (each list item is one argument; no shell runs them)");
        }
    }

    private static ScheduleExpression parse(String expression, String field) {
        try {
            return ScheduleExpression.parse(expression);
        } catch (ScheduleException e) {
            throw Errors.badRequest(field + ": " + e.getMessage());
        }
    }

    private Policy toApi(StoredPolicy p, List<Vm> vms) {
        List<Schedule> planned = schedules.of(p.id()).stream()
                .map(s -> new Schedule(s.expression(), p.enabled() ? s.nextRun() : null)).toList();
        return new Policy(p.id(), p.name(), p.vmIds(), p.namePatterns(), p.tags(),
                VmSelection.select(p, vms).stream().map(Vm::id).toList(), p.destination(), p.passphraseFile(), planned,
                p.retention(), p.fullEvery(), p.enabled(), p.commands());
    }
}
