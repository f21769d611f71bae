package org.bulwark.server.errors;

import org.bulwark.api.ApiException;

/** Factories for the {@link ApiException}s the services raise, one per error code of the API. */
public final class Errors {
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String CONFLICT = "CONFLICT";
    public static final String NODE_UNREACHABLE = "NODE_UNREACHABLE";
    public static final String INTERNAL = "INTERNAL";

    private Errors() {
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, BAD_REQUEST, message);
    }

    public static ApiException invalidCredentials(String message) {
        return new ApiException(401, INVALID_CREDENTIALS, message);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, UNAUTHENTICATED, message);
    }

    public static ApiException sessionExpired() {
        return new ApiException(401, SESSION_EXPIRED, "The session has expired; log in again");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, FORBIDDEN, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, CONFLICT, message);
    }

    public static ApiException nodeUnreachable(String message) {
        return new ApiException(502, NODE_UNREACHABLE, message);
    }

    /** Rejects a missing request body or field with 400. */
    public static <T> T required(T value, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw badRequest(what + " is required");
        }
        return value;
    }
}
