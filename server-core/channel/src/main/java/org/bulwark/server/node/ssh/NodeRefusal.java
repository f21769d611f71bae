package org.bulwark.server.node.ssh;

import org.bulwark.api.node.NodeError;

/** The node's task API answered with a refusal. */
final class NodeRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient NodeError error;
    private final int status;

    NodeRefusal(NodeError error, int status) {
        super(error.message());
        this.error = error;
        this.status = status;
    }

    /** The HTTP status of the refusal. */
    int status() {
        return status;
    }

    NodeError error() {
        return error;
    }
}
