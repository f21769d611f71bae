package org.bulwark.server.rest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.MountRequest;
import org.bulwark.api.Task;
import org.bulwark.api.rest.MountResource;
import org.bulwark.server.mount.MountService;
import org.bulwark.server.workflow.Workflows;

/**
 * {@link MountResource} over {@link Workflows} (MOUNT, UNMOUNT) and {@link MountService} (records,
 * browsing, downloads). Downloads stream from the node as they arrive; a file download carries its
 * length, so a cut-off transfer shows.
 */
public final class MountEndpoint implements MountResource {
    private final MountService mounts;
    private final Workflows workflows;
    @Context
    private SecurityContext security;
    @Context
    private HttpServletResponse response;

    MountEndpoint(MountService mounts, Workflows workflows) {
        this.mounts = mounts;
        this.workflows = workflows;
    }

    @Override
    public Task mount(MountRequest request) {
        return workflows.mount(CallerPrincipal.of(security), request);
    }

    @Override
    public List<Mount> list() {
        return mounts.list();
    }

    @Override
    public Mount get(UUID id) {
        return mounts.get(id);
    }

    @Override
    public Task unmount(UUID id) {
        return workflows.unmount(CallerPrincipal.of(security), mounts.get(id));
    }

    @Override
    public List<MountEntry> list(UUID id, int partition, String path) {
        return mounts.list(id, partition, path);
    }

    @Override
    public List<MountEntry> search(UUID id, int partition, String under, String namePart, int limit) {
        return mounts.search(id, partition, under, namePart, limit);
    }

    @Override
    public InputStream file(UUID id, int partition, String path) {
        MountEntry file = mounts.stat(id, partition, path);
        InputStream in = mounts.file(id, partition, path);
        response.setContentLengthLong(file.size());
        return in;
    }

    @Override
    public InputStream zip(UUID id, int partition, String path) {
        return mounts.zip(id, partition, path);
    }
}
