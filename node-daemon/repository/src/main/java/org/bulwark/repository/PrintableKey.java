package org.bulwark.repository;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.bulwark.repository.crypto.KeyMaterial;
import org.bulwark.repository.format.RepositoryConfig;

/**
 * The printable export of a repository key: the repository id, the key in groups of four hex
 * digits and a check value, so a typo is caught on import.
 */
final class PrintableKey {
    private static final String TITLE = "BULWARK REPOSITORY KEY v1";

    private PrintableKey() {
    }

    static String format(RepositoryConfig config, KeyMaterial key) {
        String hex = HexFormat.of().formatHex(key.exportBytes());
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            groups.append(i == 0 ? "" : i % 32 == 0 ? "\n     " : "-").append(hex, i, i + 4);
        }
        return TITLE + "\nrepository: " + config.idHex() + "\nkey: " + groups + "\ncheck: " + check(hex) + "\n";
    }

    static KeyMaterial parse(String text, RepositoryConfig config) throws RepositoryException {
        if (!text.contains(TITLE)) {
            throw new RepositoryException("not an exported Bulwark key (no \"" + TITLE + "\" line)");
        }
        String repo = field(text, "repository:");
        if (!repo.equalsIgnoreCase(config.idHex())) {
            throw new RepositoryException("the key belongs to repository " + repo + ", not to " + config.idHex());
        }
        int k = text.indexOf("key:");
        int c = text.indexOf("check:");
        if (k < 0 || c < k) {
            throw new RepositoryException("exported key has no key or check line");
        }
        String hex = text.substring(k + 4, c).replaceAll("[^0-9a-fA-F]", "").toLowerCase();
        if (hex.length() != 64 || !check(hex).equalsIgnoreCase(field(text, "check:"))) {
            throw new RepositoryException("exported key is mistyped (check value does not match)");
        }
        KeyMaterial key = new KeyMaterial(HexFormat.of().parseHex(hex));
        if (!key.matches(config.keyCheck())) {
            throw new RepositoryException("the exported key does not open this repository");
        }
        return key;
    }

    private static String field(String text, String name) throws RepositoryException {
        for (String line : text.split("\\R")) {
            if (line.trim().startsWith(name)) {
                return line.trim().substring(name.length()).trim();
            }
        }
        throw new RepositoryException("exported key has no \"" + name + "\" line");
    }

    private static String check(String hex) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
