package org.bulwark.client.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Implements a JAX-RS resource interface of {@code org.bulwark.api.rest} with a dynamic
 * {@link Proxy}: each call becomes one HTTP request described by the method's annotations.
 */
public final class ResourceProxy implements InvocationHandler {
    private final Class<?> resource;
    private final RestTransport transport;
    private final Supplier<String> token;
    private final Map<Method, Endpoint> endpoints = new ConcurrentHashMap<>();

    private ResourceProxy(Class<?> resource, RestTransport transport, Supplier<String> token) {
        this.resource = resource;
        this.transport = transport;
        this.token = token;
    }

    /**
     * A client-side implementation of {@code resource}.
     *
     * @param token supplies the bearer token of each call ({@code null} values send none)
     */
    public static <T> T create(Class<T> resource, RestTransport transport, Supplier<String> token) {
        if (!resource.isInterface()) {
            throw new IllegalArgumentException(resource + " is not a resource interface");
        }
        return resource.cast(Proxy.newProxyInstance(resource.getClassLoader(), new Class<?>[] {resource},
                new ResourceProxy(resource, transport, token)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> resource.getSimpleName() + " at " + transport.server();
            };
        }
        return transport.call(endpoints.computeIfAbsent(method, Endpoint::of), args, token);
    }
}
