package org.bulwark.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The parsed words of one command: positional arguments, options with a value
 * ({@code --name VALUE} or {@code --name=VALUE}) and flags ({@code --name}). Only the options
 * a command declares are accepted; anything else is a usage error naming the command.
 */
public final class Arguments {
    private final String command;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Arguments(String command) {
        this.command = command;
    }

    /**
     * Parses {@code words} for {@code command}.
     *
     * @param valueOptions option names (without {@code --}) that take a value
     * @param flagOptions option names that take none
     */
    public static Arguments parse(String command, List<String> words, Set<String> valueOptions, Set<String> flagOptions) {
        Arguments arguments = new Arguments(command);
        boolean optionsEnd = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnd || !word.startsWith("--") || word.equals("-")) {
                arguments.positionals.add(word);
                continue;
            }
            if (word.equals("--")) {
                optionsEnd = true;
                continue;
            }
            int equals = word.indexOf('=');
            String name = word.substring(2, equals < 0 ? word.length() : equals);
            if (name.equals("password")) {
                throw new CliException(ExitCode.USAGE, "A password is never given on the command line: use --password-file FILE, "
                        + "the BULWARK_PASSWORD variable, or type it when asked");
            }
            if (valueOptions.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = word.substring(equals + 1);
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw arguments.usage("--" + name + " needs a value");
                }
                arguments.values.put(name, value);
            } else if (flagOptions.contains(name) && equals < 0) {
                arguments.flags.add(name);
            } else {
                throw arguments.usage("unknown option " + word);
            }
        }
        return arguments;
    }

    /** A usage error of this command. */
    public CliException usage(String problem) {
        return new CliException(ExitCode.USAGE, "bulwark " + command + ": " + problem + " (see bulwark " + command + " --help)");
    }

    /** The only positional argument, named {@code what} in the error when it is missing or not alone. */
    public String single(String what) {
        return positional(what, 1).getFirst();
    }

    /** Exactly {@code count} positional arguments. */
    public List<String> positional(String what, int count) {
        if (positionals.size() != count) {
            throw usage(positionals.size() < count ? "missing " + what : "unexpected argument " + positionals.get(count));
        }
        return List.copyOf(positionals);
    }

    /** The value of an option, {@code null} when absent. */
    public String value(String name) {
        return values.get(name);
    }

    /** The value of an option that must be given. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw usage("--" + name + " is required");
        }
        return value;
    }

    /** The whole number an option gives, 0 when absent; a usage error when negative or not a number. */
    public int count(String name) {
        String text = values.get(name);
        try {
            int value = text == null ? 0 : Integer.parseInt(text.strip());
            if (value < 0) {
                throw usage("--" + name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw usage("--" + name + " must be a number, not " + text);
        }
    }

    /** The non-blank items of an option's value split at {@code separator} (a regular expression); empty when absent. */
    public List<String> list(String name, String separator) {
        String text = values.get(name);
        return text == null ? List.of()
                : Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** Parses a task id (a UUID). */
    public UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw usage("'" + text + "' is not a " + what + " id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)");
        }
    }
}
