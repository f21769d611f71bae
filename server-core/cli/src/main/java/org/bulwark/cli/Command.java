package org.bulwark.cli;

import java.util.Set;

/**
 * One command of {@code bulwark}.
 *
 * @param name e.g. {@code nodes} or {@code task watch}
 * @param usage the synopsis after the name, e.g. {@code ID [--wait]}
 * @param help what it does and what each option means, shown by {@code --help}
 * @param options names of options that take a value
 * @param flags names of options that take none
 */
public record Command(String name, String usage, String help, Set<String> options, Set<String> flags, Action action) {

    /** What a command does; answers the exit code. */
    @FunctionalInterface
    public interface Action {
        ExitCode run(Context context, Arguments arguments);
    }

    /** The first line of its help. */
    public String summary() {
        int end = help.indexOf('\n');
        return end < 0 ? help : help.substring(0, end);
    }
}
