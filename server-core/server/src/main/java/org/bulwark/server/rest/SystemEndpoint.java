package org.bulwark.server.rest;

import org.bulwark.api.Health;
import org.bulwark.api.ServerInfo;
import org.bulwark.api.rest.SystemResource;
import org.bulwark.server.system.SystemService;

/** {@link SystemResource} over {@link SystemService}. */
public final class SystemEndpoint implements SystemResource {
    private final SystemService system;

    SystemEndpoint(SystemService system) {
        this.system = system;
    }

    @Override
    public Health health() {
        return system.health();
    }

    @Override
    public ServerInfo info() {
        return system.info();
    }
}
