package org.bulwark.api.node;

/**
 * Where a node's task API listens on the node's loopback interface and the bearer token every
 * request must carry. Both change with each start of the node.
 */
public record TaskApiEndpoint(int port, String token) {
    @Override
    public String toString() {
        return "TaskApiEndpoint[port=" + port + ", token=***]";
    }
}
