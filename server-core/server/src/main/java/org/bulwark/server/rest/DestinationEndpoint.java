package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Destination;
import org.bulwark.api.DestinationRequest;
import org.bulwark.api.rest.DestinationResource;
import org.bulwark.server.destination.DestinationService;

/** {@link DestinationResource} over {@link DestinationService}. */
public final class DestinationEndpoint implements DestinationResource {
    private final DestinationService destinations;
    @Context
    private SecurityContext security;

    DestinationEndpoint(DestinationService destinations) {
        this.destinations = destinations;
    }

    @Override
    public List<Destination> list() {
        return destinations.list();
    }

    @Override
    public Destination add(DestinationRequest request) {
        return destinations.add(CallerPrincipal.of(security), request);
    }

    @Override
    public void remove(UUID id) {
        destinations.remove(CallerPrincipal.of(security), id);
    }
}
