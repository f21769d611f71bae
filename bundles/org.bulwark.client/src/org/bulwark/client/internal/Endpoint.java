package org.bulwark.client.internal;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.api.rest.Api;

/**
 * One REST operation as its JAX-RS annotations declare it: HTTP method, path template
 * (under {@link Api#BASE}) and what each Java parameter becomes (path segment, query
 * parameter or JSON body). Built once per interface method, so no path is written twice.
 *
 * @param httpMethod {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param pathTemplate e.g. {@code /api/v1/nodes/{id}}
 * @param parameters one binding per Java parameter, in order
 * @param returnType the generic return type, {@code void.class} when the call returns nothing
 */
public record Endpoint(String httpMethod, String pathTemplate, List<Binding> parameters, Type returnType) {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");

    /** Where one Java argument goes in the request. */
    public record Binding(Kind kind, String name) {
    }

    /** The kinds of {@link Binding}. */
    public enum Kind {
        PATH, QUERY, BODY
    }

    /** Reads the annotations of a resource interface method. */
    public static Endpoint of(Method method) {
        String httpMethod = httpMethod(method);
        String path = Api.BASE + path(method.getDeclaringClass().getAnnotation(Path.class))
                + path(method.getAnnotation(Path.class));
        List<Binding> bindings = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        int bodies = 0;
        for (Annotation[] parameter : annotations) {
            Binding binding = binding(parameter);
            bodies += binding.kind() == Kind.BODY ? 1 : 0;
            bindings.add(binding);
        }
        if (bodies > 1) {
            throw new IllegalArgumentException(method + " has more than one body parameter");
        }
        return new Endpoint(httpMethod, path, List.copyOf(bindings), method.getGenericReturnType());
    }

    /** The path and query of this call for the given arguments, each value URL-encoded. */
    public String pathAndQuery(Object[] args) {
        Matcher matcher = TEMPLATE_VARIABLE.matcher(pathTemplate);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            Object value = argument(Kind.PATH, matcher.group(1), args);
            if (value == null) {
                throw new IllegalArgumentException("Path parameter " + matcher.group(1) + " of " + pathTemplate + " is null");
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(encode(value).replace("+", "%20")));
        }
        matcher.appendTail(path);
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < parameters.size(); i++) {
            Binding binding = parameters.get(i);
            if (binding.kind() == Kind.QUERY && args[i] != null) {
                query.add(encode(binding.name()) + "=" + encode(args[i]));
            }
        }
        return path + query.toString();
    }

    /** The argument sent as JSON body, or {@code null} when the operation has none. */
    public Object body(Object[] args) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).kind() == Kind.BODY) {
                return args[i];
            }
        }
        return null;
    }

    /** Whether the operation sends a JSON body. */
    public boolean hasBody() {
        return parameters.stream().anyMatch(binding -> binding.kind() == Kind.BODY);
    }

    private Object argument(Kind kind, String name, Object[] args) {
        for (int i = 0; i < parameters.size(); i++) {
            Binding binding = parameters.get(i);
            if (binding.kind() == kind && binding.name().equals(name)) {
                return args[i];
            }
        }
        throw new IllegalArgumentException("No @PathParam(\"" + name + "\") for " + pathTemplate);
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        throw new IllegalArgumentException(method + " has no HTTP method annotation");
    }

    private static String path(Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        String value = path.value().endsWith("/") ? path.value().substring(0, path.value().length() - 1) : path.value();
        return value.startsWith("/") ? value : "/" + value;
    }

    private static Binding binding(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam pathParam) {
                return new Binding(Kind.PATH, pathParam.value());
            }
            if (annotation instanceof QueryParam queryParam) {
                return new Binding(Kind.QUERY, queryParam.value());
            }
        }
        return new Binding(Kind.BODY, "");
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
