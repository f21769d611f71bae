package org.bulwark.cli;

import org.bulwark.api.ApiException;
import org.bulwark.client.BulwarkClient;

/** The exit status of {@code bulwark}: one distinct code per kind of failure, for scripts. */
public enum ExitCode {
    /** Done; a watched task SUCCEEDED. */
    OK(0),
    /** A watched task ended FAILED or CANCELLED. */
    TASK_NOT_SUCCEEDED(1),
    /** Wrong command line or input the server refused as invalid (400). */
    USAGE(2),
    /** The server could not be reached or did not answer in time. */
    UNREACHABLE(3),
    /** Not logged in, wrong credentials, or the session expired or was ended: run {@code bulwark login}. */
    NOT_AUTHENTICATED(4),
    /** The user's role may not do this (403). */
    FORBIDDEN(5),
    /** No such task, node, VM, policy or restore point (404). */
    NOT_FOUND(6),
    /** The request conflicts with the current state (409), e.g. cancelling a task that ended. */
    CONFLICT(7),
    /** Any other failure of the server or of this program. */
    ERROR(8);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** The exit code of an API failure. */
    public static ExitCode of(ApiException failure) {
        return switch (failure.code()) {
            case BulwarkClient.SERVER_UNREACHABLE, BulwarkClient.SERVER_TIMEOUT -> UNREACHABLE;
            case BulwarkClient.SESSION_EXPIRED, "INVALID_CREDENTIALS" -> NOT_AUTHENTICATED;
            case BulwarkClient.INVALID_SERVER_URL -> USAGE;
            default -> switch (failure.status()) {
                case 400 -> USAGE;
                case 401 -> NOT_AUTHENTICATED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 409 -> CONFLICT;
                default -> ERROR;
            };
        };
    }
}
