package org.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Policy;
import org.bulwark.api.Retention;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark policy}, {@code policies} and {@code schedule-preview} in-process against a real
 * server on MariaDB: GFS retention, a schedule window and pre/post commands given on the command
 * line arrive as given; wrong ones are refused with the server's reason.
 */
class PolicyCommandsTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();

    @TempDir
    Path config;

    record Run(int exit, String out, String err) {
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BulwarkCli.run(List.of(args), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(SessionStore.CONFIG_DIR, config.toString()), null, config));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void login() throws IOException {
        Path password = Files.writeString(config.resolve("password"), TestServer.ADMIN_PASSWORD + "\n");
        Run login = cli("login", "--server", SERVER.server().url().toString(), "--user", "admin", "--password-file",
                password.toString());
        assertEquals(0, login.exit(), login.err());
    }

    @Test
    void aPolicyWithGfsRetentionAWindowAndCommandsIsCreatedThenReplaced() throws IOException {
        login();
        Run created = cli("policy", "cli-gfs", "--destination", "/srv/backups", "--passphrase-file", "/etc/bulwark/pass",
                "--patterns", "web-*", "--schedules", "daily 20:00 window 22:00-06:00; 0 * * * *", "--keep-last", "3",
                "--keep-daily", "7", "--keep-weekly", "4", "--keep-monthly", "12", "--keep-yearly", "2",
                "--pre-command", "[\"/usr/local/bin/quiesce\", \"--db\", \"sales; rm -rf /\"]",
                "--post-command", "[\"/usr/local/bin/thaw\"]", "--command-timeout", "90");
        assertEquals(0, created.exit(), created.out() + created.err());
        assertTrue(created.out().startsWith("Created policy cli-gfs ("), created.out());
        assertTrue(created.out().contains("keeps last 3, daily 7, weekly 4, monthly 12, yearly 2"), created.out());
        assertTrue(created.out().contains("daily 20:00 window 22:00-06:00  next run ") && created.out().contains("T22:00:00Z"),
                "the next run waits for the window: " + created.out());

        String admin = SERVER.server().adminToken();
        Http http = SERVER.server().http();
        Policy policy = http.get("/policies", admin).list(Policy.class).stream().filter(p -> p.name().equals("cli-gfs"))
                .findFirst().orElseThrow();
        assertEquals(new Retention(3, 0, 7, 4, 12, 2), policy.retention());
        assertEquals(new BackupCommands(List.of("/usr/local/bin/quiesce", "--db", "sales; rm -rf /"),
                List.of("/usr/local/bin/thaw"), 90), policy.commands(), "each JSON item is one argument");
        assertEquals(List.of("daily 20:00 window 22:00-06:00", "0 * * * *"),
                policy.schedules().stream().map(s -> s.expression()).toList());

        Run replaced = cli("policy", "cli-gfs", "--destination", "/srv/backups", "--passphrase-file", "/etc/bulwark/pass",
                "--keep-days", "30");
        assertEquals(0, replaced.exit(), replaced.err());
        assertTrue(replaced.out().startsWith("Replaced policy cli-gfs (" + policy.id() + ")"), replaced.out());
        Policy now = http.get("/policies/" + policy.id(), admin).as(Policy.class);
        assertEquals(new Retention(0, 30), now.retention());
        assertEquals(BackupCommands.none(), now.commands(), "the commands were left out, so they are gone");
        Run list = cli("policies");
        assertTrue(list.out().contains("days 30"), list.out());

        Run preview = cli("schedule-preview", "daily 20:00 window 22:00-06:00", "--count", "3", "--json");
        assertEquals(0, preview.exit(), preview.err());
        List<String> runs = Http.JSON.readValue(preview.out(), new TypeReference<List<String>>() { });
        assertEquals(3, runs.size(), preview.out());
        assertTrue(runs.stream().allMatch(r -> r.endsWith("T22:00:00Z")), "each 20:00 run waits for 22:00: " + runs);
        Run table = cli("schedule-preview", "daily 20:00 window 22:00-06:00", "--count", "3");
        assertEquals(4, table.out().lines().count(), "a heading and three runs: " + table.out());
    }

    @Test
    void wrongWindowsCommandsAndCountsAreRefusedWithTheReason() throws IOException {
        login();
        Run window = cli("policy", "cli-bad", "--destination", "/srv/b", "--passphrase-file", "/etc/p",
                "--schedules", "daily 20:00 window 22:00-30:00");
        assertEquals(ExitCode.USAGE.code(), window.exit(), window.err());
        assertTrue(window.err().contains("schedules[0]: '22:00-30:00' is not a window HH:MM-HH:MM (such as 22:00-06:00)"),
                window.err());
        Run shell = cli("policy", "cli-bad", "--destination", "/srv/b", "--passphrase-file", "/etc/p",
                "--pre-command", "fsfreeze -f /srv");
        assertEquals(ExitCode.USAGE.code(), shell.exit());
        assertTrue(shell.err().contains("--pre-command must be a JSON list of arguments"), shell.err());
        Run relative = cli("policy", "cli-bad", "--destination", "/srv/b", "--passphrase-file", "/etc/p",
                "--pre-command", "[\"fsfreeze\", \"-f\"]");
        assertEquals(ExitCode.USAGE.code(), relative.exit());
        assertTrue(relative.err().contains("commands.pre[0] must be the program's absolute path on the node"), relative.err());
        Run negative = cli("policy", "cli-bad", "--destination", "/srv/b", "--passphrase-file", "/etc/p", "--keep-weekly", "-2");
        assertEquals(ExitCode.USAGE.code(), negative.exit());
        assertTrue(negative.err().contains("--keep-weekly must not be negative"), negative.err());
        assertTrue(SERVER.server().http().get("/policies", SERVER.server().adminToken()).list(Policy.class).stream()
                .noneMatch(p -> p.name().equals("cli-bad")), "nothing was stored");
    }
}
