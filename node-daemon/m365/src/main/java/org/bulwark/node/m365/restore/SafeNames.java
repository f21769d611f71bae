package org.bulwark.node.m365.restore;

import java.nio.file.Path;

/**
 * Names from a backup made safe for file systems and archives: no separators, no control
 * characters, no "." or "..", and paths resolved under a target folder that never escape it.
 */
public final class SafeNames {

    private SafeNames() {
    }

    /** One path component: separators, reserved and control characters become '_'. */
    public static String component(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = sb.toString().strip();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            return "_";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /**
     * Resolves a relative path of sanitized components under a folder.
     *
     * @throws SecurityException when the result would lie outside the folder
     */
    public static Path under(Path folder, String relative) {
        Path root = folder.toAbsolutePath().normalize();
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new SecurityException("refusing to write outside " + root + ": " + relative);
        }
        return p;
    }
}
