package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Task;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.server.restorepoint.RestorePointService;
import org.bulwark.server.workflow.Workflows;

/** {@link RestorePointResource} over {@link RestorePointService} and {@link Workflows}. */
public final class RestorePointEndpoint implements RestorePointResource {
    private final RestorePointService restorePoints;
    private final Workflows workflows;
    @Context
    private SecurityContext security;

    RestorePointEndpoint(RestorePointService restorePoints, Workflows workflows) {
        this.restorePoints = restorePoints;
        this.workflows = workflows;
    }

    @Override
    public List<RestorePoint> list() {
        return restorePoints.list();
    }

    @Override
    public RestorePoint get(String id) {
        return restorePoints.get(id);
    }

    @Override
    public Task restore(String id, RestoreRequest request) {
        return workflows.restore(CallerPrincipal.of(security), id, request);
    }
}
