package org.bulwark.server.node.ssh;

import org.bulwark.api.node.NodeError;

/** The node's task API answered with a refusal. */
final class NodeRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient NodeError error;

    NodeRefusal(NodeError error) {
        super(error.message());
        this.error = error;
    }

    NodeError error() {
        return error;
    }
}
