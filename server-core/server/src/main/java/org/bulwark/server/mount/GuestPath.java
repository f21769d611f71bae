package org.bulwark.server.mount;

import org.bulwark.server.errors.Errors;

/** Checks guest paths from callers before they go to a node: absolute, no {@code .} or {@code ..} parts, no control characters. */
public final class GuestPath {
    /** The longest path accepted, in characters. */
    public static final int MAX_LENGTH = 4096;

    private GuestPath() {
    }

    /**
     * The path with repeated and trailing slashes removed, or {@code fallback} when it is missing;
     * 400 for a relative path, a {@code .} or {@code ..} part or a control character.
     *
     * @param fallback what a missing path means, {@code null} when a path is required
     */
    public static String of(String path, String fallback) {
        if (path == null || path.isEmpty()) {
            if (fallback == null) {
                throw Errors.badRequest("path is required");
            }
            return fallback;
        }
        if (path.length() > MAX_LENGTH) {
            throw Errors.badRequest("path is longer than " + MAX_LENGTH + " characters");
        }
        if (!path.startsWith("/")) {
            throw Errors.badRequest("path must be absolute (start with /): " + path);
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw Errors.badRequest("path contains control characters");
        }
        StringBuilder clean = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(".") || part.equals("..")) {
                throw Errors.badRequest("path must not contain . or .. parts: " + path);
            }
            clean.append('/').append(part);
        }
        return clean.isEmpty() ? "/" : clean.toString();
    }
}
