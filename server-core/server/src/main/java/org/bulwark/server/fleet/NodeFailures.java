package org.bulwark.server.fleet;

import org.bulwark.api.ApiException;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.node.NodeException;

/** Turns failures of the node channel into API errors. */
public final class NodeFailures {
    private NodeFailures() {
    }

    /** A refusal by the node answers 403; everything else 502 {@code NODE_UNREACHABLE}. */
    public static ApiException toApi(String node, NodeException e) {
        return switch (e.reason()) {
            case REJECTED -> Errors.forbidden("Node " + node + " refused: " + e.getMessage());
            case HOST_KEY_MISMATCH -> Errors.nodeUnreachable("Node " + node + " presented a different host key: " + e.getMessage());
            case UNREACHABLE, NOT_CONNECTED, FAILED, NOT_FOUND, UNCONFIRMED -> Errors.nodeUnreachable("Node " + node + ": " + e.getMessage());
        };
    }
}
