package org.bulwark.server.m365;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bulwark.api.M365User;
import org.bulwark.server.policy.VmSelection;

/**
 * Which users a tenant policy covers: those chosen by hand (by Graph user id); those whose
 * principal name, mail or display name matches one of its glob patterns ({@code *}, {@code ?}; case
 * does not matter, as in mail addresses); the members (direct or through nested groups) of its
 * groups, named by id or display name; and the holders of its licenses, named by SKU id or part
 * number. Evaluated against the tenant's last discovery, so a user who joins a group or gets a
 * license is covered from the next discovery on.
 */
public final class UserSelection {
    private UserSelection() {
    }

    public static List<M365User> select(StoredM365Policy policy, TenantDirectory directory) {
        List<Pattern> patterns = policy.namePatterns().stream()
                .map(glob -> Pattern.compile(VmSelection.glob(glob).pattern(), Pattern.CASE_INSENSITIVE)).toList();
        Set<String> groups = resolve(policy.groups(), directory.groupNames().entrySet());
        Set<String> licenses = resolve(policy.licenses(), directory.licenseNames().entrySet());
        return directory.users().stream().filter(user -> policy.userIds().contains(user.id())
                || patterns.stream().anyMatch(p -> matches(p, user.userPrincipalName()) || matches(p, user.mail())
                        || matches(p, user.displayName()))
                || user.groupIds().stream().map(g -> g.toLowerCase(Locale.ROOT)).anyMatch(groups::contains)
                || user.skuIds().stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(licenses::contains)).toList();
    }

    /** The ids (lower case) that the rules name, by id or by name; an id not discovered (yet) still counts. */
    private static Set<String> resolve(List<String> rules, Set<Map.Entry<String, String>> named) {
        Set<String> wanted = rules.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> ids = named.stream().filter(e -> e.getValue() != null && wanted.contains(e.getValue().toLowerCase(Locale.ROOT)))
                .map(e -> e.getKey().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        ids.addAll(wanted);
        return ids;
    }

    private static boolean matches(Pattern pattern, String name) {
        return name != null && pattern.matcher(name).matches();
    }
}
