package org.bulwark.console.m365.model;

import java.util.Arrays;
import java.util.List;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Schedule;

/**
 * What the operator typed into the tenant policy form, as text, and its conversion into a
 * request. Only what the console must parse itself is checked here (whole numbers); schedules,
 * patterns, paths and names are checked by the server, whose messages the form shows.
 *
 * @param userIds    users chosen by hand (Graph user ids)
 * @param patterns   name patterns, separated by commas or line breaks
 * @param groups     groups (id or name) whose members are covered, separated by commas or line breaks
 * @param licenses   licenses (SKU id or part number) whose holders are covered, separated by commas or line breaks
 * @param schedules  schedule expressions, one per line
 * @param keepLast   restore points kept by count ("" or 0: no count rule)
 * @param keepDays   restore points kept by age in days ("" or 0: no age rule)
 */
public record PolicyForm(String name, boolean enabled, List<String> userIds, String patterns, String groups,
                         String licenses, String destination, String passphraseFile, String schedules, String keepLast,
                         String keepDays) {
    /** What separates the entries of a list field. */
    private static final String LIST = "[,\\n]";

    public PolicyForm {
        userIds = List.copyOf(userIds);
    }

    /** An empty form: enabled, keep the last 7. */
    public static PolicyForm empty() {
        return new PolicyForm("", true, List.of(), "", "", "", "", "", "", "7", "0");
    }

    /** The form showing {@code policy}. */
    public static PolicyForm of(M365Policy policy) {
        Retention retention = policy.retention() == null ? new Retention(0, 0) : policy.retention();
        return new PolicyForm(policy.name(), policy.enabled(), policy.userIds(), String.join(", ", policy.namePatterns()),
                String.join(", ", policy.groups()), String.join(", ", policy.licenses()), text(policy.destination()),
                text(policy.passphraseFile()),
                String.join("\n", policy.schedules().stream().map(Schedule::expression).toList()),
                Integer.toString(retention.keepLast()), Integer.toString(retention.keepDays()));
    }

    /**
     * The request for the server.
     *
     * @throws IllegalArgumentException when a retention field is not a whole number of 0 or more (the message says which)
     */
    public M365PolicyRequest toRequest() {
        return new M365PolicyRequest(name.strip(), userIds, split(patterns, LIST), blankToNull(destination),
                blankToNull(passphraseFile), split(schedules, "\\n"),
                new Retention(count("Keep last", keepLast), count("Keep days", keepDays)), enabled, split(groups, LIST),
                split(licenses, LIST));
    }

    private static List<String> split(String text, String separators) {
        return Arrays.stream(text.split(separators)).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private static int count(String field, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(field + " must be a whole number of 0 or more, not '" + value + "'");
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
