package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Task;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.m365.TenantContent;
import org.bulwark.server.m365.TenantProtection;
import org.bulwark.server.m365.TenantService;

/** {@link TenantResource} over {@link TenantService}, {@link TenantProtection} and {@link TenantContent}. */
public final class TenantEndpoint implements TenantResource {
    private final TenantService tenants;
    private final TenantProtection protection;
    private final TenantContent content;
    @Context
    private SecurityContext security;

    public TenantEndpoint(TenantService tenants, TenantProtection protection, TenantContent content) {
        this.tenants = tenants;
        this.protection = protection;
        this.content = content;
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
        protection.removeTenant(CallerPrincipal.of(security), id);
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
        return protection.backupNow(CallerPrincipal.of(security), id, request);
    }

    @Override
    public Task browse(UUID id, M365BrowseRequest request) {
        return tenants.browse(CallerPrincipal.of(security), id, request);
    }

    @Override
    public Task restore(UUID id, M365RestoreRequest request) {
        return protection.restore(CallerPrincipal.of(security), id, request);
    }

    @Override
    public List<M365Policy> policies(UUID id) {
        return protection.policies(id);
    }

    @Override
    public M365Policy createPolicy(UUID id, M365PolicyRequest request) {
        return protection.create(CallerPrincipal.of(security), id, request);
    }

    @Override
    public M365Policy updatePolicy(UUID id, UUID policy, M365PolicyRequest request) {
        return protection.update(CallerPrincipal.of(security), id, policy, request);
    }

    @Override
    public void deletePolicy(UUID id, UUID policy) {
        protection.delete(CallerPrincipal.of(security), id, policy);
    }

    @Override
    public Task runPolicy(UUID id, UUID policy) {
        return protection.run(CallerPrincipal.of(security), id, policy);
    }

    @Override
    public List<M365RestorePoint> restorePoints(UUID id) {
        return protection.restorePoints(id);
    }

    @Override
    public List<M365Item> mailboxes(UUID id, long point) {
        return content.list(id, point, "mailboxes", Map.of());
    }

    @Override
    public List<M365Item> mailFolders(UUID id, long point, String user) {
        return content.list(id, point, "mailFolders", Map.of("owner", user));
    }

    @Override
    public List<M365Item> messages(UUID id, long point, String user, String folder) {
        return content.list(id, point, "messages", Map.of("owner", user, "folder", folder));
    }

    @Override
    public InputStream eml(UUID id, long point, String user, String message) {
        return content.eml(id, point, user, message);
    }

    @Override
    public List<M365Item> calendars(UUID id, long point, String user) {
        return content.list(id, point, "calendars", Map.of("owner", user));
    }

    @Override
    public List<M365Item> events(UUID id, long point, String user, String calendar) {
        return content.list(id, point, "events", Map.of("owner", user, "folder", calendar));
    }

    @Override
    public InputStream ics(UUID id, long point, String user, String calendar, String event) {
        return content.ics(id, point, user, calendar, event);
    }

    @Override
    public List<M365Item> contactFolders(UUID id, long point, String user) {
        return content.list(id, point, "contactFolders", Map.of("owner", user));
    }

    @Override
    public List<M365Item> contacts(UUID id, long point, String user, String folder) {
        return content.list(id, point, "contacts", Map.of("owner", user, "folder", folder));
    }

    @Override
    public InputStream vcf(UUID id, long point, String user, String folder, String contact) {
        return content.vcf(id, point, user, folder, contact);
    }

    @Override
    public List<M365Item> drives(UUID id, long point) {
        return content.list(id, point, "drives", Map.of());
    }

    @Override
    public List<M365Item> children(UUID id, long point, String drive, String folder) {
        return content.list(id, point, "children", folder == null ? Map.of("owner", drive) : Map.of("owner", drive, "folder", folder));
    }

    @Override
    public InputStream file(UUID id, long point, String drive, String item) {
        return content.file(id, point, drive, item);
    }

    @Override
    public InputStream zip(UUID id, long point, String drive, String folder) {
        return content.zip(id, point, drive, folder);
    }

    @Override
    public List<M365Item> search(UUID id, long point, String text) {
        if (text == null || text.isBlank()) {
            throw Errors.badRequest("text is required");
        }
        return content.list(id, point, "search", Map.of("text", text));
    }
}
