package org.bulwark.api.node;

/** Why the node's task API refused a request. */
public record NodeError(Code code, String message) {

    /** The kinds of refusal. */
    public enum Code {
        /** All task slots are taken (HTTP 503). */
        BUSY,
        /** The task type is not carried out by this node (HTTP 422). */
        UNSUPPORTED,
        /** No task with that id (HTTP 404): never submitted, or the node restarted since. */
        UNKNOWN_TASK,
        /** A task with that id exists already, or it has ended (HTTP 409). */
        CONFLICT,
        /** Malformed request (HTTP 400). */
        BAD_REQUEST,
        /** Missing or wrong bearer token (HTTP 401). */
        UNAUTHORIZED
    }
}
