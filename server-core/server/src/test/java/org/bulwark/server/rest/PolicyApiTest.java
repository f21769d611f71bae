package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.NewUser;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Role;
import org.bulwark.api.rest.Api;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.bulwark.server.soap.BulwarkFault;
import org.bulwark.server.soap.BulwarkSoap;
import org.bulwark.server.soap.SoapBackupCommands;
import org.bulwark.server.soap.SoapPolicy;
import org.bulwark.server.soap.SoapPolicyRequest;
import org.bulwark.server.soap.SoapRetention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Policies and schedules through the REST API (and SOAP for the newer fields) of a real server on
 * MariaDB: GFS retention, schedule windows and pre/post commands stored, shown and validated.
 */
class PolicyApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static String admin;

    @BeforeAll
    static void login() {
        admin = SERVER.server().adminToken();
    }

    private static Http http() {
        return SERVER.server().http();
    }

    private static PolicyRequest request(String name, List<String> schedules) {
        return new PolicyRequest(name, List.of(), List.of("web-*"), List.of("prod"), "/srv/backups", "/etc/bulwark/pass",
                schedules, new Retention(7, 30), 7, true);
    }

    private static Http.Answer preview(String expression) {
        return http().get("/policies/schedule-preview?count=3&expression="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8), admin);
    }

    @Test
    void previewShowsTheNextRuns() {
        Http.Answer answer = preview("*/20 * * * *");
        assertEquals(200, answer.status(), answer.body());
        List<Instant> runs = answer.list(Instant.class);
        assertEquals(3, runs.size());
        Instant now = Instant.now();
        assertTrue(runs.getFirst().isAfter(now.minusSeconds(1)) && runs.getFirst().isBefore(now.plusSeconds(20 * 60 + 1)),
                runs.toString());
        for (int i = 1; i < runs.size(); i++) {
            assertEquals(runs.get(i - 1).plusSeconds(20 * 60), runs.get(i));
        }
    }

    @Test
    void aWrongCronExpressionIsA400ThatSaysWhy() {
        Http.Answer answer = preview("61 * * * *");
        assertEquals(400, answer.status(), answer.body());
        assertEquals("BAD_REQUEST", answer.error().code());
        assertEquals("expression: The minute '61' is out of range: 61 is not within 0-59", answer.error().message());

        Http.Answer create = http().call("POST", "/policies", admin, request("nightly-bad",
                List.of("daily 01:00", "0 0 * * FUNDAY")));
        assertEquals(400, create.status(), create.body());
        assertEquals("schedules[1]: The day of week field has 'FUNDAY': 'FUNDAY' is not a number nor a name such as SUN",
                create.error().message());
        assertTrue(http().get("/policies", admin).list(Policy.class).stream().noneMatch(p -> p.name().equals("nightly-bad")),
                "nothing was stored");
    }

    @Test
    void policiesAreStoredWithTheirNextRunsAndOnlyAdministratorsChangeThem() {
        Http.Answer created = http().call("POST", "/policies", admin, request("nightly", List.of("daily 01:00", "weekly SUN 03:30")));
        assertEquals(200, created.status(), created.body());
        Policy policy = created.as(Policy.class);
        assertEquals(List.of("daily 01:00", "weekly SUN 03:30"), policy.schedules().stream().map(s -> s.expression()).toList());
        policy.schedules().forEach(s -> assertNotNull(s.nextRun(), s.toString()));
        assertEquals(List.of(), policy.selectedVmIds(), "no VM in the inventory yet");
        assertEquals(409, http().call("POST", "/policies", admin, request("nightly", List.of())).status());

        Http.Answer disabled = http().call("PUT", "/policies/" + policy.id(), admin,
                new PolicyRequest("nightly", List.of(), List.of(), List.of(), "/srv/backups", "/etc/bulwark/pass",
                        List.of("0 4 * * *"), null, 0, false));
        assertEquals(200, disabled.status(), disabled.body());
        assertNull(disabled.as(Policy.class).schedules().getFirst().nextRun(), "a disabled policy shows no next run");
        assertEquals(409, http().call("POST", "/policies/" + policy.id() + "/run", admin, null).status());

        assertEquals(400, http().call("POST", "/policies", admin, new PolicyRequest("rel", List.of(), List.of(), List.of(),
                "relative/path", "/p", List.of(), null, 0, true)).status());

        assertEquals(200, http().call("POST", "/users", admin, new NewUser("viewer1", "viewer-password-1", Role.VIEWER)).status());
        String viewer = http().login("viewer1", "viewer-password-1").token();
        assertEquals(200, http().get("/policies/" + policy.id(), viewer).status());
        assertEquals(403, http().call("DELETE", "/policies/" + policy.id(), viewer, null).status());
        assertEquals(204, http().call("DELETE", "/policies/" + policy.id(), admin, null).status());
        assertEquals(404, http().get("/policies/" + policy.id(), admin).status());
    }

    @Test
    void gfsRetentionWindowsAndCommandsAreStoredAndShownAndOldRequestsStillWork() throws BulwarkFault {
        Http.Answer old = http().call("POST", "/policies", admin, """
                {"name":"old-client","vmIds":[],"namePatterns":[],"tags":[],"destination":"/srv/b","passphraseFile":"/etc/p",
                 "schedules":["daily 01:00"],"retention":{"keepLast":4,"keepDays":10},"fullEvery":0,"enabled":true}""");
        assertEquals(200, old.status(), old.body());
        assertEquals(new Retention(4, 10), old.as(Policy.class).retention(), "GFS rules off");
        assertEquals(BackupCommands.none(), old.as(Policy.class).commands());

        BackupCommands commands = new BackupCommands(List.of("/usr/local/bin/quiesce", "--db", "sales; drop"),
                List.of("/usr/local/bin/thaw"), 120);
        Http.Answer created = http().call("POST", "/policies", admin, new PolicyRequest("gfs-window", List.of(), List.of(),
                List.of(), "/srv/b", "/etc/p", List.of("daily 20:00 window 22:00-06:00"), new Retention(0, 0, 7, 4, 12, 2), 0,
                true, commands));
        assertEquals(200, created.status(), created.body());
        Policy policy = http().get("/policies/" + created.as(Policy.class).id(), admin).as(Policy.class);
        assertEquals(new Retention(0, 0, 7, 4, 12, 2), policy.retention());
        assertEquals(commands, policy.commands());
        Instant next = policy.schedules().getFirst().nextRun();
        assertEquals(22, LocalDateTime.ofInstant(next, ZoneOffset.UTC).getHour(), "the 20:00 run waits for the window: " + next);

        List<Instant> runs = preview("daily 20:00 window 22:00-06:00").list(Instant.class);
        assertTrue(runs.stream().allMatch(r -> LocalDateTime.ofInstant(r, ZoneOffset.UTC).getHour() == 22), runs.toString());

        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BulwarkSoap.class);
        factory.setAddress(SERVER.server().url() + Api.SOAP);
        BulwarkSoap soap = factory.create(BulwarkSoap.class);
        String soapAdmin = soap.login("admin", TestServer.ADMIN_PASSWORD).token;
        SoapPolicyRequest request = new SoapPolicyRequest();
        request.name = "soap-gfs";
        request.destination = "/srv/b";
        request.passphraseFile = "/etc/p";
        request.schedules = List.of("0 * * * * window 23:00-01:00");
        request.retention = new SoapRetention();
        request.retention.keepWeekly = 5;
        request.commands = new SoapBackupCommands();
        request.commands.pre = List.of("/usr/local/bin/quiesce", "a b");
        request.enabled = true;
        SoapPolicy bySoap = soap.createPolicy(soapAdmin, request);
        assertEquals(5, bySoap.retention.keepWeekly);
        assertEquals(List.of("/usr/local/bin/quiesce", "a b"), bySoap.commands.pre);
        Policy same = http().get("/policies/" + bySoap.id, admin).as(Policy.class);
        assertEquals(new Retention(0, 0, 0, 5, 0, 0), same.retention(), "SOAP and REST share the service");
        assertEquals(new BackupCommands(List.of("/usr/local/bin/quiesce", "a b"), List.of(), 0), same.commands());
        assertEquals(List.of("0 * * * * window 23:00-01:00"), same.schedules().stream().map(s -> s.expression()).toList());
    }

    @Test
    void malformedWindowsRetentionsAndCommandsAreRefusedWithA400AndOnlyAdministratorsSetCommands() {
        Http.Answer window = http().call("POST", "/policies", admin, request("bad-window", List.of("daily 20:00 window 22-06")));
        assertEquals(400, window.status(), window.body());
        assertEquals("schedules[0]: '22-06' is not a window HH:MM-HH:MM (such as 22:00-06:00)", window.error().message());
        Http.Answer previewed = preview("daily 20:00 window 06:00-06:00");
        assertEquals(400, previewed.status(), previewed.body());
        assertEquals("expression: The window 06:00-06:00 opens and closes at the same time", previewed.error().message());

        Http.Answer negative = http().call("POST", "/policies", admin, new PolicyRequest("bad-gfs", List.of(), List.of(), List.of(),
                "/srv/b", "/etc/p", List.of(), new Retention(0, 0, 0, -1, 0, 0), 0, true));
        assertEquals(400, negative.status(), negative.body());
        assertEquals("retention keepLast, keepDays, keepDaily, keepWeekly, keepMonthly and keepYearly must not be negative",
                negative.error().message());

        Http.Answer relative = http().call("POST", "/policies", admin, withCommands("bad-command",
                new BackupCommands(List.of("fsfreeze -f /srv"), List.of(), 0)));
        assertEquals(400, relative.status(), relative.body());
        assertEquals("commands.pre[0] must be the program's absolute path on the node, not 'fsfreeze -f /srv' (each list item"
                + " is one argument; no shell runs them)", relative.error().message());
        Http.Answer empty = http().call("POST", "/policies", admin, withCommands("bad-argument",
                new BackupCommands(List.of(), List.of("/bin/true", ""), 0)));
        assertEquals(400, empty.status(), empty.body());
        assertEquals("commands.post[1] must be a non-empty argument without NUL characters", empty.error().message());
        Http.Answer timeout = http().call("POST", "/policies", admin, withCommands("bad-timeout",
                new BackupCommands(List.of("/bin/true"), List.of(), 86_401)));
        assertEquals(400, timeout.status(), timeout.body());
        assertTrue(http().get("/policies", admin).list(Policy.class).stream().noneMatch(p -> p.name().startsWith("bad-")),
                "nothing was stored");

        assertEquals(200, http().call("POST", "/users", admin, new NewUser("operator1", "operator-password-1", Role.OPERATOR))
                .status());
        String operator = http().login("operator1", "operator-password-1").token();
        Http.Answer byOperator = http().call("POST", "/policies", operator, withCommands("by-operator",
                new BackupCommands(List.of("/bin/true"), List.of(), 0)));
        assertEquals(403, byOperator.status(), "commands run as the node's user: administrators only");
    }

    private static PolicyRequest withCommands(String name, BackupCommands commands) {
        return new PolicyRequest(name, List.of(), List.of(), List.of(), "/srv/b", "/etc/p", List.of(), null, 0, true, commands);
    }
}
