package org.bulwark.server.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.List;
import org.bulwark.api.rest.Api;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.user.Authorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizes every matched REST call through the one {@link Authorizer}, from the bearer
 * token in {@code Authorization}; the caller then travels in the request's security context.
 * The OpenAPI description is public; any other resource is refused.
 */
@Priority(Priorities.AUTHORIZATION)
final class AuthorizationFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFilter.class);
    private static final String BEARER = "Bearer ";
    /** Packages of the resources that serve the OpenAPI description (CXF's and Swagger's). */
    private static final List<String> OPENAPI_PACKAGES = List.of("org.apache.cxf.jaxrs.openapi",
            "io.swagger.v3.jaxrs2.integration.resources");

    private final Authorizer authorizer;
    @Context
    private ResourceInfo resource;

    AuthorizationFilter(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (Api.RESOURCES.stream().noneMatch(api -> api.isAssignableFrom(type))) {
            if (OPENAPI_PACKAGES.contains(type.getPackageName())) {
                return;
            }
            LOG.warn("refused call of a resource outside the API resource={}", type.getName());
            throw Errors.forbidden("Not part of the Bulwark API");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        authorizer.authorize(method, token).ifPresent(caller -> request.setSecurityContext(
                CallerPrincipal.context(caller, request.getSecurityContext().isSecure())));
    }
}
