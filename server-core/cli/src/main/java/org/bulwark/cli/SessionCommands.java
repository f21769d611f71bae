package org.bulwark.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bulwark.api.ApiException;
import org.bulwark.api.Role;
import org.bulwark.api.Session;
import org.bulwark.api.rest.AuthResource;
import org.bulwark.client.BulwarkClient;

/** {@code login}, {@code logout} and {@code whoami}. */
final class SessionCommands {
    /** Environment variable with the password of {@code login}. */
    static final String PASSWORD = "BULWARK_PASSWORD";

    /** Who is logged in where, as {@code whoami --json} prints it (never the token). */
    record Identity(URI server, String username, Role role, Instant expiresAt) {
        static Identity of(URI server, Session session) {
            return new Identity(server, session.username(), session.role(), session.expiresAt());
        }
    }

    private SessionCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("login", "--server URL --user NAME [--password-file FILE]", """
                        Logs in and saves the session for the next commands.
                          --server URL          the server, e.g. http://127.0.0.1:8080
                          --user NAME           the user name
                          --password-file FILE  read the password from the first line of FILE
                        Without --password-file the password comes from the BULWARK_PASSWORD variable, or is asked
                        for without echo. It is never given as an argument. The session is saved in
                        ~/.config/bulwark/session (BULWARK_CONFIG_DIR overrides the folder), readable by you only.""",
                        Set.of("server", "user", "password-file"), Set.of(), SessionCommands::login),
                new Command("logout", "", "Ends the session on the server and forgets it here.",
                        Set.of(), Set.of(), SessionCommands::logout),
                new Command("whoami", "", "Shows the user, role, server and expiry of the saved session (checked with the server).",
                        Set.of(), Set.of(), SessionCommands::whoami));
    }

    private static ExitCode login(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        String server = arguments.required("server");
        String user = arguments.required("user");
        String password = password(context.terminal(), arguments.value("password-file"));
        BulwarkClient client = BulwarkClient.login(server, user, password);
        context.store().save(client.server(), client.session());
        Identity identity = Identity.of(client.server(), client.session());
        context.output().print(identity, "Logged in to " + identity.server() + " as " + identity.username() + " ("
                + identity.role() + ") until " + Output.text(identity.expiresAt()));
        return ExitCode.OK;
    }

    private static String password(Terminal terminal, String file) {
        if (file != null) {
            try {
                String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new CliException(ExitCode.USAGE, "The password file " + file + " is empty");
                }
                return first;
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "Cannot read the password file " + file + ": " + e.getMessage());
            }
        }
        if (terminal.env(PASSWORD) != null) {
            return terminal.env(PASSWORD);
        }
        if (terminal.console() == null) {
            throw new CliException(ExitCode.USAGE, "No terminal to ask for the password: use --password-file FILE or set "
                    + PASSWORD);
        }
        char[] typed = terminal.console().readPassword("Password: ");
        if (typed == null || typed.length == 0) {
            throw new CliException(ExitCode.USAGE, "No password given");
        }
        return new String(typed);
    }

    private static ExitCode logout(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        if (context.store().load().isEmpty()) {
            context.output().print(new Result(false), "Not logged in");
            return ExitCode.OK;
        }
        try {
            context.resource(AuthResource.class).logout();
        } catch (ApiException e) {
            if (!BulwarkClient.isSessionExpired(e) && ExitCode.of(e) != ExitCode.UNREACHABLE) {
                throw e;
            }
            // the session is over on the server already, or the server is gone: forget it here all the same
        }
        context.store().delete();
        context.output().print(new Result(true), "Logged out");
        return ExitCode.OK;
    }

    /** What {@code logout --json} prints. */
    record Result(boolean loggedOut) {
    }

    private static ExitCode whoami(Context context, Arguments arguments) {
        arguments.positional("nothing", 0);
        Session session = context.resource(AuthResource.class).session();
        Identity identity = Identity.of(context.connection().server(), session);
        context.output().print(identity, identity.username() + " (" + identity.role() + ") on " + identity.server()
                + ", session until " + Output.text(identity.expiresAt()));
        return ExitCode.OK;
    }
}
