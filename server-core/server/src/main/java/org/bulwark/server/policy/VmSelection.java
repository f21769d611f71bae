package org.bulwark.server.policy;

import java.util.List;
import java.util.regex.Pattern;
import org.bulwark.api.Vm;

/**
 * Which VMs a policy covers: the present VMs chosen by hand, those whose name matches one of its
 * glob patterns ({@code *} any run of characters, {@code ?} one character, case-sensitive) and
 * those carrying one of its tags. Evaluated against the current inventory, so a sync that adds,
 * renames or re-tags VMs changes the selection at once.
 */
public final class VmSelection {
    private VmSelection() {
    }

    public static List<Vm> select(StoredPolicy policy, List<Vm> inventory) {
        List<Pattern> patterns = policy.namePatterns().stream().map(VmSelection::glob).toList();
        return inventory.stream().filter(Vm::present)
                .filter(vm -> policy.vmIds().contains(vm.id())
                        || patterns.stream().anyMatch(p -> p.matcher(vm.name()).matches())
                        || vm.tags().stream().anyMatch(policy.tags()::contains))
                .toList();
    }

    /** A glob ({@code *} any run of characters, {@code ?} one character) as a regular expression. */
    public static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
