package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.bulwark.api.NewUser;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Role;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Policies and schedules through the REST API of a real server on MariaDB. */
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
}
