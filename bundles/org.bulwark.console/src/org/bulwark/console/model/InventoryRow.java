package org.bulwark.console.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.Policy;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Vm;

/**
 * One VM of the inventory as the console shows it: with its hypervisor's name, the policy
 * that covers it and its newest restore point.
 *
 * @param policy the first enabled policy covering the VM, {@code null} when unprotected
 * @param lastBackup when its newest restore point was made, {@code null} when there is none
 */
public record InventoryRow(Vm vm, String hypervisor, Policy policy, Instant lastBackup) {

    /** Joins what the server lists into rows, one per VM, in the server's order. */
    public static List<InventoryRow> join(List<Hypervisor> hypervisors, List<Vm> vms, List<Policy> policies,
            List<RestorePoint> restorePoints) {
        Map<UUID, String> names = hypervisors.stream().collect(Collectors.toMap(Hypervisor::id, Hypervisor::name));
        Map<UUID, Policy> covering = new HashMap<>();
        policies.stream().filter(Policy::enabled)
                .forEach(policy -> policy.selectedVmIds().forEach(vm -> covering.putIfAbsent(vm, policy)));
        Map<UUID, Instant> newest = restorePoints.stream().filter(point -> point.vmId() != null)
                .collect(Collectors.toMap(RestorePoint::vmId, RestorePoint::createdAt,
                        (a, b) -> a.isAfter(b) ? a : b));
        return vms.stream().map(vm -> new InventoryRow(vm, names.getOrDefault(vm.hypervisorId(), ""),
                covering.get(vm.id()), newest.get(vm.id()))).toList();
    }

    /** Whether the operator's filter text occurs (ignoring case) in the VM, hypervisor, state or policy name. */
    public boolean matches(String filter) {
        if (filter.isBlank()) {
            return true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return List.of(vm.name(), hypervisor, String.valueOf(vm.state()), policy == null ? "" : policy.name()).stream()
                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
