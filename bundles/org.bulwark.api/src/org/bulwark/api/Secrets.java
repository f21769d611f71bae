package org.bulwark.api;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Keeps secrets out of logs: task parameters whose names say they are secret are masked. */
public final class Secrets {
    private static final String[] SECRET_WORDS = {"passphrase", "password", "secret", "token", "key"};

    private Secrets() {
    }

    /** Whether a parameter of this name carries a secret (a file reference such as {@code passphraseFile} does not). */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("file")) {
            return false;
        }
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The parameters with every secret value replaced by {@code ***}, sorted by name, for logs and toString. */
    public static Map<String, String> masked(Map<String, String> parameters) {
        Map<String, String> copy = new TreeMap<>();
        parameters.forEach((name, value) -> copy.put(name, isSecret(name) ? "***" : value));
        return copy;
    }
}
