package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.ApiError;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.PasswordChange;
import org.bulwark.api.Role;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskType;
import org.bulwark.api.User;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.MariaDb;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.user.PasswordHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users and roles over real HTTP: CRUD, the role gate, passwords. */
class UserApiTest {
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

    private static String createAndLogin(String name, Role role) {
        String password = name + "-password-123";
        Http.Answer created = http().call("POST", "/users", admin, new NewUser(name, password, role));
        assertEquals(200, created.status(), created.body());
        return http().login(name, password).token();
    }

    @Test
    void createListAndDeleteUsers() {
        Http.Answer created = http().call("POST", "/users", admin, new NewUser("olivia", "olivia-password-1", Role.OPERATOR));
        assertEquals(200, created.status(), created.body());
        assertEquals("olivia", created.as(User.class).username());
        assertEquals(Role.OPERATOR, created.as(User.class).role());
        assertFalse(created.body().contains("password"), "no password or hash in the answer: " + created.body());

        assertTrue(http().get("/users", admin).list(User.class).stream().anyMatch(u -> u.username().equals("olivia")));

        Http.Answer again = http().call("POST", "/users", admin, new NewUser("olivia", "other-password-1", Role.VIEWER));
        assertEquals(409, again.status());
        assertEquals("CONFLICT", again.error().code());
        assertEquals(Role.OPERATOR, http().get("/users", admin).list(User.class).stream()
                .filter(u -> u.username().equals("olivia")).findFirst().orElseThrow().role(), "the existing user is untouched");

        assertEquals(204, http().call("DELETE", "/users/olivia", admin, null).status());
        assertFalse(http().get("/users", admin).list(User.class).stream().anyMatch(u -> u.username().equals("olivia")));
        Http.Answer gone = http().call("DELETE", "/users/olivia", admin, null);
        assertEquals(404, gone.status());
        assertEquals("NOT_FOUND", gone.error().code());
    }

    @Test
    void invalidUsersAreRefusedWithBadRequest() {
        Http.Answer weak = http().call("POST", "/users", admin, new NewUser("wendy", "short", Role.VIEWER));
        assertEquals(new ApiError(400, "BAD_REQUEST", "A password needs at least 12 characters"), weak.error());
        Http.Answer badName = http().call("POST", "/users", admin, new NewUser("../etc", "long-enough-password", Role.VIEWER));
        assertEquals(400, badName.status());
        Http.Answer noRole = http().call("POST", "/users", admin, Map.of("username", "nora", "password", "long-enough-password"));
        assertEquals(new ApiError(400, "BAD_REQUEST", "role is required"), noRole.error());
        Http.Answer badRole = http().call("POST", "/users", admin, "{\"username\":\"rob\",\"password\":\"long-enough-password\",\"role\":\"ROOT\"}");
        assertEquals(400, badRole.status());
        assertEquals("BAD_REQUEST", badRole.error().code());
        assertTrue(http().get("/users", admin).list(User.class).stream()
                .noneMatch(u -> Map.of("wendy", 1, "nora", 1, "rob", 1).containsKey(u.username())), "none was created");
    }

    @Test
    void viewerIsForbiddenToSubmitEnrollAndManageUsers() {
        String viewer = createAndLogin("victor", Role.VIEWER);
        Http.Answer submit = http().call("POST", "/tasks", viewer, new TaskRequest(TaskType.PING, null, Map.of()));
        assertEquals(403, submit.status());
        assertEquals("FORBIDDEN", submit.error().code());
        Http.Answer enroll = http().call("POST", "/nodes", viewer, new NodeEnrollment("n1", "127.0.0.1", 2222, "token"));
        assertEquals(403, enroll.status());
        assertEquals("FORBIDDEN", enroll.error().code());
        assertEquals(403, http().get("/users", viewer).status());
        Http.Answer create = http().call("POST", "/users", viewer, new NewUser("mallory", "mallory-password", Role.ADMINISTRATOR));
        assertEquals(403, create.status());

        assertEquals(200, http().get("/tasks", viewer).status(), "viewers may look");
        assertEquals(200, http().get("/nodes", viewer).status());
        assertTrue(http().get("/tasks", admin).list(Object.class).isEmpty(), "the refused submit queued nothing");
        assertTrue(http().get("/users", admin).list(User.class).stream().noneMatch(u -> u.username().equals("mallory")));
    }

    @Test
    void operatorMaySubmitButNotManageUsers() {
        String operator = createAndLogin("oscar", Role.OPERATOR);
        assertEquals(403, http().get("/users", operator).status());
        Http.Answer remove = http().call("DELETE", "/nodes/" + UUID.randomUUID(), operator, null);
        assertEquals(403, remove.status());
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsSessions() {
        String token = createAndLogin("paula", Role.VIEWER);
        Http.Answer wrong = http().call("PUT", "/users/paula/password", token,
                new PasswordChange("not-my-password", "paula-new-password"));
        assertEquals(401, wrong.status());
        assertEquals("INVALID_CREDENTIALS", wrong.error().code());

        String other = createAndLogin("quentin", Role.VIEWER);
        Http.Answer foreign = http().call("PUT", "/users/paula/password", other,
                new PasswordChange("quentin-password-123", "paula-new-password"));
        assertEquals(403, foreign.status());

        assertEquals(204, http().call("PUT", "/users/paula/password", token,
                new PasswordChange("paula-password-123", "paula-new-password")).status());
        assertEquals(401, http().get("/auth/session", token).status(), "the old session ended");
        assertEquals(401, http().call("POST", "/auth/login", null, new LoginRequest("paula", "paula-password-123")).status());
        String fresh = http().login("paula", "paula-new-password").token();

        assertEquals(204, http().call("PUT", "/users/paula/password", admin, new PasswordChange(null, "reset-by-admin-1")).status(),
                "administrators reset without the current password");
        assertEquals(401, http().get("/auth/session", fresh).status());
        http().login("paula", "reset-by-admin-1");
    }

    @Test
    void theLastAdministratorCannotBeDeleted() {
        Http.Answer answer = http().call("DELETE", "/users/admin", admin, null);
        assertEquals(409, answer.status());
        assertEquals("CONFLICT", answer.error().code());
        assertEquals(200, http().get("/users", admin).status());
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() throws Exception {
        createAndLogin("hannah", Role.VIEWER);
        String hash;
        try (Connection db = MariaDb.connect(SERVER.server().database());
             PreparedStatement query = db.prepareStatement("select password_hash from users where username = ?")) {
            query.setString(1, "hannah");
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                hash = row.getString(1);
            }
        }
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains("hannah-password-123"));
        assertTrue(new PasswordHasher().verify("hannah-password-123", hash));
        assertFalse(new PasswordHasher().verify("hannah-password-124", hash));
    }

    @Test
    void unknownIdsAnswerNotFound() {
        UUID id = UUID.randomUUID();
        assertEquals(new ApiError(404, "NOT_FOUND", "No node " + id), http().get("/nodes/" + id, admin).error());
        assertEquals(new ApiError(404, "NOT_FOUND", "No task " + id), http().get("/tasks/" + id, admin).error());
        assertEquals(404, http().get("/tasks/" + id + "/log", admin).status());
        Http.Answer notAnId = http().get("/tasks/not-a-uuid", admin);
        assertEquals(404, notAnId.status(), notAnId.body());
        assertEquals("NOT_FOUND", notAnId.error().code());
    }
}
