package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.Session;
import org.bulwark.api.rest.AuthResource;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.user.SessionService;

/** {@link AuthResource} over {@link SessionService}. */
public final class AuthEndpoint implements AuthResource {
    private final SessionService sessions;
    @Context
    private SecurityContext security;

    AuthEndpoint(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Session login(LoginRequest request) {
        Errors.required(request, "login request");
        return sessions.login(request.username(), request.password());
    }

    @Override
    public void logout() {
        sessions.logout(CallerPrincipal.of(security));
    }

    @Override
    public Session session() {
        return sessions.describe(CallerPrincipal.of(security));
    }
}
