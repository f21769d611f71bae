package org.bulwark.console.restore.model;

import java.io.IOException;

/** A name from a backup that would leave the target folder (or is no usable name at all); nothing was written for it. */
public final class RefusedNameException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedNameException(String name, String why) {
        super("Refused '" + name + "': " + why);
    }
}
