package org.bulwark.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of {@code bulwark} talks to: its output streams, environment and (when there is one)
 * the interactive console used to ask for a password without echo. Tests pass their own.
 *
 * @param console {@code null} when no terminal is attached
 * @param home the user's home folder, for {@code ~/.config/bulwark}
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> env, Console console, Path home) {
    public Terminal {
        env = Map.copyOf(env);
    }

    /** The process's own streams, environment and console. */
    public static Terminal system() {
        return new Terminal(System.out, System.err, System.getenv(), System.console(), Path.of(System.getProperty("user.home")));
    }

    /** An environment variable, {@code null} when unset or empty. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
