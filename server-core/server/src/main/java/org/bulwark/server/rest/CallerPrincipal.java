package org.bulwark.server.rest;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.bulwark.server.user.Caller;

/** The authenticated caller as the JAX-RS {@link SecurityContext} carries it. */
record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.username();
    }

    /** The caller of the current request; only called from methods that require a role. */
    static Caller of(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new IllegalStateException("No authenticated caller for a method that requires one");
    }

    /** A security context for the caller, {@code secure} when the request came over TLS. */
    static SecurityContext context(Caller caller, boolean secure) {
        CallerPrincipal principal = new CallerPrincipal(caller);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().name().equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
