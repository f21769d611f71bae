package org.bulwark.node.mount;

import java.util.List;

/** Entry names for folder downloads: each path component sanitized, so that no entry escapes the folder it unpacks into. */
final class ZipNames {
    private ZipNames() {
    }

    /**
     * One component: {@code /}, {@code \}, {@code :} and control characters become {@code _}; {@code .}, {@code ..} and
     * empty names become {@code _}, {@code __} and {@code _}.
     */
    static String component(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(c == '/' || c == '\\' || c == ':' || Character.isISOControl(c) ? '_' : c));
        String s = out.toString();
        return switch (s) {
            case "", "." -> "_";
            case ".." -> "__";
            default -> s;
        };
    }

    /** A relative entry name from path components. */
    static String of(List<String> components) {
        return String.join("/", components.stream().map(ZipNames::component).toList());
    }
}
