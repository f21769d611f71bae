package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Task;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.server.policy.PolicyService;
import org.bulwark.server.workflow.Workflows;

/** {@link PolicyResource} over {@link PolicyService} and {@link Workflows}. */
public final class PolicyEndpoint implements PolicyResource {
    private final PolicyService policies;
    private final Workflows workflows;
    @Context
    private SecurityContext security;

    PolicyEndpoint(PolicyService policies, Workflows workflows) {
        this.policies = policies;
        this.workflows = workflows;
    }

    @Override
    public List<Policy> list() {
        return policies.list();
    }

    @Override
    public Policy get(UUID id) {
        return policies.get(id);
    }

    @Override
    public Policy create(PolicyRequest request) {
        return policies.create(CallerPrincipal.of(security), request);
    }

    @Override
    public Policy update(UUID id, PolicyRequest request) {
        return policies.update(CallerPrincipal.of(security), id, request);
    }

    @Override
    public void delete(UUID id) {
        policies.delete(CallerPrincipal.of(security), id);
    }

    @Override
    public List<Task> run(UUID id) {
        return workflows.runPolicy(CallerPrincipal.of(security), id);
    }

    @Override
    public List<RestorePoint> applyRetention(UUID id) {
        return workflows.applyRetention(CallerPrincipal.of(security), id);
    }

    @Override
    public List<Instant> schedulePreview(String expression, int count) {
        return policies.preview(expression, count);
    }
}
