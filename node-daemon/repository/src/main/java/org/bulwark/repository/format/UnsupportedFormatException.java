package org.bulwark.repository.format;

import java.io.IOException;

/** The destination holds no Bulwark repository, or one of a format version this code cannot read. */
public class UnsupportedFormatException extends IOException {
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
