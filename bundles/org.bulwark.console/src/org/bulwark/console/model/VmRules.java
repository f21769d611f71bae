package org.bulwark.console.model;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bulwark.api.Vm;

/**
 * The VMs a policy's form covers, previewed while the operator types: present VMs chosen by
 * hand, or whose name matches a glob pattern ({@code *} any run, {@code ?} one character,
 * case-sensitive, as the server reads them), or that carry one of the tags.
 */
public record VmRules(Set<UUID> vmIds, List<String> namePatterns, List<String> tags) {

    public VmRules {
        vmIds = Set.copyOf(vmIds);
        namePatterns = List.copyOf(namePatterns);
        tags = List.copyOf(tags);
    }

    /** The present VMs of {@code inventory} the rules cover, in its order. */
    public List<Vm> select(List<Vm> inventory) {
        List<Predicate<String>> names = namePatterns.stream().map(VmRules::glob).toList();
        return inventory.stream().filter(Vm::present)
                .filter(vm -> vmIds.contains(vm.id()) || names.stream().anyMatch(name -> name.test(vm.name()))
                        || vm.tags().stream().anyMatch(tags::contains))
                .toList();
    }

    /** Splits what the operator typed in a list field (commas or blanks) into entries. */
    public static List<String> entries(String typed) {
        return Pattern.compile("[,\\s]+").splitAsStream(typed.strip()).filter(entry -> !entry.isEmpty()).toList();
    }

    private static Predicate<String> glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        pattern.chars().forEach(c -> regex.append(switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(Character.toString(c));
        }));
        return Pattern.compile(regex.toString()).asMatchPredicate();
    }
}
