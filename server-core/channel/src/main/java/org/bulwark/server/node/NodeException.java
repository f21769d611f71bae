package org.bulwark.server.node;

/** A node could not be reached or refused a request. */
public class NodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Why the call to the node failed ({@code NOT_FOUND}: the node has no such mount, file or path;
     * {@code UNCONFIRMED}: a task submission broke off, so the node may or may not run the task).
     */
    public enum Reason { UNREACHABLE, REJECTED, HOST_KEY_MISMATCH, NOT_CONNECTED, FAILED, NOT_FOUND, UNCONFIRMED }

    private final Reason reason;

    public NodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public NodeException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
