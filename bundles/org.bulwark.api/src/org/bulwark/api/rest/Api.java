package org.bulwark.api.rest;

import java.util.List;

/** Constants shared by the REST server and its clients. */
public final class Api {
    /** Path under which every REST resource lives. */
    public static final String BASE = "/api/v1";
    /** Path of the SOAP service; its WSDL is served at this path with {@code ?wsdl}. */
    public static final String SOAP = "/soap/bulwark";
    /** Every REST resource interface, for servers and clients that wire them all. */
    public static final List<Class<?>> RESOURCES = List.of(
            AuthResource.class, SystemResource.class, UserResource.class, NodeResource.class, TaskResource.class,
            HypervisorResource.class, VmResource.class, PolicyResource.class, RestorePointResource.class,
            TenantResource.class, MountResource.class, DestinationResource.class);

    private Api() {
    }
}
