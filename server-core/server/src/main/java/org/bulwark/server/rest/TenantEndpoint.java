package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Task;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.server.m365.TenantService;

/** {@link TenantResource} over {@link TenantService}. */
public final class TenantEndpoint implements TenantResource {
    private final TenantService tenants;
    @Context
    private SecurityContext security;

    public TenantEndpoint(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public List<M365Tenant> list() {
        return tenants.list();
    }

    @Override
    public M365Tenant register(M365TenantRequest request) {
        return tenants.register(CallerPrincipal.of(security), request);
    }

    @Override
    public void remove(UUID id) {
        tenants.remove(CallerPrincipal.of(security), id);
    }

    @Override
    public Task discover(UUID id) {
        return tenants.discover(CallerPrincipal.of(security), id);
    }

    @Override
    public List<M365User> users(UUID id) {
        return tenants.users(id);
    }

    @Override
    public Task backup(UUID id, M365BackupRequest request) {
        return tenants.backup(CallerPrincipal.of(security), id, request);
    }

    @Override
    public Task browse(UUID id, M365BrowseRequest request) {
        return tenants.browse(CallerPrincipal.of(security), id, request);
    }

    @Override
    public Task restore(UUID id, M365RestoreRequest request) {
        return tenants.restore(CallerPrincipal.of(security), id, request);
    }
}
