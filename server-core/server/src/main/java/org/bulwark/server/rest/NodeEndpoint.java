package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.server.fleet.NodeRegistry;

/** {@link NodeResource} over {@link NodeRegistry}. */
public final class NodeEndpoint implements NodeResource {
    private final NodeRegistry nodes;
    @Context
    private SecurityContext security;

    NodeEndpoint(NodeRegistry nodes) {
        this.nodes = nodes;
    }

    @Override
    public List<Node> list() {
        return nodes.list();
    }

    @Override
    public Node get(UUID id) {
        return nodes.get(id);
    }

    @Override
    public Node enroll(NodeEnrollment enrollment) {
        return nodes.enroll(CallerPrincipal.of(security), enrollment);
    }

    @Override
    public void remove(UUID id) {
        nodes.remove(CallerPrincipal.of(security), id);
    }
}
