package org.bulwark.server.m365;

import java.util.List;
import java.util.regex.Pattern;
import org.bulwark.api.M365User;
import org.bulwark.server.policy.VmSelection;

/**
 * Which users a tenant policy covers: those chosen by hand (by Graph user id) and those whose
 * principal name, mail or display name matches one of its glob patterns ({@code *}, {@code ?}; case
 * does not matter, as in mail addresses). Evaluated against the tenant's last discovery.
 */
public final class UserSelection {
    private UserSelection() {
    }

    public static List<M365User> select(StoredM365Policy policy, List<M365User> users) {
        List<Pattern> patterns = policy.namePatterns().stream()
                .map(glob -> Pattern.compile(VmSelection.glob(glob).pattern(), Pattern.CASE_INSENSITIVE)).toList();
        return users.stream().filter(user -> policy.userIds().contains(user.id())
                || patterns.stream().anyMatch(p -> matches(p, user.userPrincipalName()) || matches(p, user.mail())
                        || matches(p, user.displayName()))).toList();
    }

    private static boolean matches(Pattern pattern, String name) {
        return name != null && pattern.matcher(name).matches();
    }
}
