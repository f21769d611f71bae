package org.bulwark.server.user;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.bulwark.api.rest.Api;
import org.bulwark.server.errors.Errors;

/**
 * The one gate of every API call, REST and SOAP alike: a call is allowed exactly as the
 * {@code @RolesAllowed}/{@code @PermitAll} annotation of the API interface method
 * ({@link Api#RESOURCES}) says. Methods without either annotation are refused.
 */
public final class Authorizer {
    private final SessionService sessions;

    public Authorizer(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * Checks a call of {@code apiMethod} (an interface method or its implementation) with the
     * given bearer token.
     *
     * @return the caller, or empty for a {@code @PermitAll} method
     */
    public Optional<Caller> authorize(Method apiMethod, String token) {
        Method declared = apiMethod(apiMethod);
        if (declared.isAnnotationPresent(PermitAll.class)) {
            return Optional.empty();
        }
        RolesAllowed allowed = declared.getAnnotation(RolesAllowed.class);
        Caller caller = sessions.authenticate(token);
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(caller.role().name()::equals)) {
            throw Errors.forbidden("Role " + caller.role() + " may not call "
                    + declared.getDeclaringClass().getSimpleName() + "." + declared.getName());
        }
        return Optional.of(caller);
    }

    /** The method of an API interface in {@link Api#RESOURCES} that {@code method} is or implements. */
    public static Method apiMethod(Method method) {
        if (Api.RESOURCES.contains(method.getDeclaringClass())) {
            return method;
        }
        for (Class<?> api : Api.RESOURCES) {
            if (api.isAssignableFrom(method.getDeclaringClass())) {
                try {
                    return api.getMethod(method.getName(), method.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    // not declared by this interface; try the next one
                }
            }
        }
        throw new IllegalArgumentException(method + " is not a method of the Bulwark API");
    }

    /** Looks up an API interface method by name and parameter types (for adapters other than REST). */
    public static Method apiMethod(Class<?> api, String name, Class<?>... parameterTypes) {
        try {
            return apiMethod(api.getMethod(name, parameterTypes));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(api.getSimpleName() + " has no method " + name, e);
        }
    }
}
