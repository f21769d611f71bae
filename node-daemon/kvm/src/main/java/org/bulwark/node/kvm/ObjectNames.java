package org.bulwark.node.kvm;

import java.util.regex.Pattern;

/**
 * The names Bulwark gives libvirt objects (machines it imports, snapshots, checkpoints): they end up
 * in XML, in file names and on tool command lines, so only a safe alphabet is accepted.
 */
public final class ObjectNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ObjectNames() {
    }

    /** Returns {@code name} if it is acceptable; otherwise throws naming the {@code kind} of object. */
    public static String require(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad " + kind + " name '" + name
                    + "': 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
