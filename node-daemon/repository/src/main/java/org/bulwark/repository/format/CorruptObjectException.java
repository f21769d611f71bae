package org.bulwark.repository.format;

import java.io.IOException;

/** An object on the destination fails its integrity check (hash, tag, checksum or structure). */
public class CorruptObjectException extends IOException {
    private final String objectName;

    public CorruptObjectException(String objectName, String problem) {
        super(objectName + ": " + problem);
        this.objectName = objectName;
    }

    public String objectName() {
        return objectName;
    }
}
