package org.bulwark.repository;

import java.io.IOException;

/** An operation refused or failed for a reason the operator must act on (message says what and why). */
public class RepositoryException extends IOException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
