package org.bulwark.server.restorepoint;

import java.util.List;
import java.util.UUID;
import org.bulwark.api.RestorePoint;
import org.bulwark.server.errors.Errors;

/** Restore points as callers see them: those not expired by retention, newest first. */
public final class RestorePointService {
    private final RestorePointStore store;

    public RestorePointService(RestorePointStore store) {
        this.store = store;
    }

    public List<RestorePoint> list() {
        return store.list();
    }

    public List<RestorePoint> ofVm(UUID vmId) {
        return store.ofVm(vmId);
    }

    public RestorePoint get(String id) {
        return store.find(id).orElseThrow(() -> Errors.notFound("No restore point " + id));
    }
}
