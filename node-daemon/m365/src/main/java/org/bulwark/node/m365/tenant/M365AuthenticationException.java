package org.bulwark.node.m365.tenant;

/** The tenant refused the app's credentials, or the token endpoint could not be reached. */
public class M365AuthenticationException extends RuntimeException {
    public M365AuthenticationException(String message) {
        super(message);
    }

    public M365AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
