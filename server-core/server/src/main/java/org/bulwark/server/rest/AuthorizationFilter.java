package org.bulwark.server.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import org.bulwark.api.rest.Api;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.user.Authorizer;

/**
 * Authorizes every matched REST call through the one {@link Authorizer}, from the bearer
 * token in {@code Authorization}; the caller then travels in the request's security context.
 * The OpenAPI description is public; any other resource is refused.
 */
@Priority(Priorities.AUTHORIZATION)
final class AuthorizationFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";
    private static final String OPENAPI_PACKAGE = "org.apache.cxf.jaxrs.openapi";

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
            if (type.getPackageName().equals(OPENAPI_PACKAGE)) {
                return;
            }
            throw Errors.forbidden("Not part of the Bulwark API");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        authorizer.authorize(method, token).ifPresent(caller -> request.setSecurityContext(
                CallerPrincipal.context(caller, request.getSecurityContext().isSecure())));
    }
}
