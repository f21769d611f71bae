package org.bulwark.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bulwark.api.ApiError;
import org.bulwark.api.ApiException;
import org.bulwark.client.BulwarkClient;

/**
 * {@code bulwark}: the command-line client of a Bulwark server over REST. Log in once
 * ({@code bulwark login}), then list nodes, tasks, VMs, policies and restore points, back up,
 * restore and watch tasks. {@code --json} prints results as JSON; each kind of failure has
 * its own {@link ExitCode}.
 */
public final class BulwarkCli {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        Stream.of(SessionCommands.all(), TaskCommands.all(), InventoryCommands.all(), PolicyCommands.all(), M365Commands.all(),
                        MountCommands.all())
                .flatMap(List::stream).forEach(command -> COMMANDS.put(command.name(), command));
    }

    private BulwarkCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Terminal.system()));
    }

    /** Runs one command line; answers the exit status. Never calls {@link System#exit}. */
    public static int run(List<String> args, Terminal terminal) {
        List<String> words = new ArrayList<>();
        boolean json = false;
        boolean help = false;
        boolean optionsEnd = false;
        for (String word : args) {
            optionsEnd |= word.equals("--");
            if (!optionsEnd && word.equals("--json")) {
                json = true;
            } else if (!optionsEnd && (word.equals("--help") || word.equals("-h"))) {
                help = true;
            } else {
                words.add(word);
            }
        }
        Context context = new Context(terminal, json);
        try {
            Command command = command(words);
            if (command == null) {
                if (words.isEmpty() || words.getFirst().equals("help")) {
                    terminal.out().print(overview());
                    return (help || !words.isEmpty() ? ExitCode.OK : ExitCode.USAGE).code();
                }
                throw new CliException(ExitCode.USAGE, "Unknown command '" + String.join(" ", words) + "'; bulwark --help lists them");
            }
            if (help) {
                terminal.out().print(help(command));
                return ExitCode.OK.code();
            }
            List<String> rest = words.subList(command.name().split(" ").length, words.size());
            return command.action().run(context, Arguments.parse(command.name(), rest, command.options(), command.flags())).code();
        } catch (CliException e) {
            return fail(context, new ApiError(0, e.exitCode().name(), e.getMessage()), e.exitCode());
        } catch (ApiException e) {
            return fail(context, e.error(), ExitCode.of(e));
        }
    }

    private static Command command(List<String> words) {
        if (words.size() >= 2 && COMMANDS.containsKey(words.get(0) + " " + words.get(1))) {
            return COMMANDS.get(words.get(0) + " " + words.get(1));
        }
        return words.isEmpty() ? null : COMMANDS.get(words.getFirst());
    }

    private static int fail(Context context, ApiError error, ExitCode exit) {
        String message = switch (error.code()) {
            case BulwarkClient.SESSION_EXPIRED -> "The session has expired or was ended (" + error.message() + "): run bulwark login";
            case "INVALID_CREDENTIALS" -> "Login refused: " + error.message();
            default -> switch (exit) {
                case FORBIDDEN -> "Forbidden: " + error.message();
                case NOT_FOUND -> "Not found: " + error.message();
                default -> error.message();
            };
        };
        if (context.output().json()) {
            context.terminal().err().println(Output.toJson(new ApiError(error.status(), error.code(), message)));
        } else {
            context.terminal().err().println("bulwark: " + message);
        }
        return exit.code();
    }

    private static String help(Command command) {
        return "Usage: bulwark " + command.name() + (command.usage().isEmpty() ? "" : " " + command.usage())
                + " [--json]\n\n" + command.help() + "\n";
    }

    private static String overview() {
        StringBuilder text = new StringBuilder("Usage: bulwark COMMAND [ARGS] [--json] [--help]\n\nCommands:\n");
        int width = COMMANDS.keySet().stream().mapToInt(String::length).max().orElse(0);
        COMMANDS.values().forEach(command -> text.append(String.format("  %-" + width + "s  %s%n", command.name(), command.summary())));
        text.append("\n--json prints results as JSON. Exit codes: ");
        for (ExitCode code : ExitCode.values()) {
            text.append(code.code()).append(' ').append(code.name()).append(code.ordinal() < ExitCode.values().length - 1 ? ", " : ".\n");
        }
        return text.toString();
    }
}
