package org.bulwark.node.vm;

import java.nio.file.Path;
import java.util.Map;
import org.bulwark.node.Numbers;

/** The parameters of one task submission, read with errors that name the task type and parameter. */
public final class Parameters {
    private final String task;
    private final Map<String, String> values;

    public Parameters(String task, Map<String, String> values) {
        this.task = task;
        this.values = values;
    }

    /** The value, or {@code fallback} when it is missing or blank. */
    public String optional(String name, String fallback) {
        String value = values.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public String required(String name) {
        String value = optional(name, null);
        if (value == null) {
            throw new IllegalArgumentException(task + " parameter " + name + " is required");
        }
        return value;
    }

    /** An absolute path on the node. */
    public Path path(String name) {
        Path path = Path.of(required(name));
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(task + " parameter " + name + " must be an absolute path, not '" + path + "'");
        }
        return path.normalize();
    }

    boolean flag(String name) {
        String value = optional(name, "false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(task + " parameter " + name + " must be true or false, not '" + value + "'");
        };
    }

    public int number(String name, int fallback, int min, int max) {
        return Numbers.parse(task + " parameter " + name, values.get(name), fallback, min, max);
    }

    /** One of {@code allowed}, or {@code fallback} when missing. */
    String choice(String name, String fallback, String... allowed) {
        String value = optional(name, fallback);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(task + " parameter " + name + " must be one of " + String.join(", ", allowed)
                + ", not '" + value + "'");
    }
}
