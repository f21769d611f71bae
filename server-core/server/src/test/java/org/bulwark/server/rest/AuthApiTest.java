package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.bulwark.api.ApiError;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.Role;
import org.bulwark.api.Session;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in and out over real HTTP, and the errors of the session gate. */
class AuthApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();

    private Http http() {
        return SERVER.server().http();
    }

    @Test
    void loginReturnsATokenThatOpensTheApi() {
        Session session = http().login("admin", TestServer.ADMIN_PASSWORD);
        assertEquals("admin", session.username());
        assertEquals(Role.ADMINISTRATOR, session.role());
        assertTrue(session.token().length() >= 40, "a long random token");
        assertTrue(session.expiresAt().isAfter(Instant.now().plusSeconds(7 * 3600)), "default ttl is 8 h");

        Http.Answer own = http().get("/auth/session", session.token());
        assertEquals(200, own.status(), own.body());
        Session described = own.as(Session.class);
        assertEquals("admin", described.username());
        assertNull(described.token(), "the token is never echoed");
        assertTrue(own.body().contains("\"expiresAt\":\"20"), "ISO-8601 instants: " + own.body());
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidCredentials() {
        Http.Answer answer = http().call("POST", "/auth/login", null, new LoginRequest("admin", "not-the-password"));
        assertEquals(401, answer.status());
        assertEquals(new ApiError(401, "INVALID_CREDENTIALS", "Wrong username or password"), answer.error());
        Http.Answer unknown = http().call("POST", "/auth/login", null, new LoginRequest("nobody", "whatever-password"));
        assertEquals("INVALID_CREDENTIALS", unknown.error().code(), "unknown users answer the same");
    }

    @Test
    void callsWithoutTokenOrWithAGarbageTokenAreUnauthenticated() {
        Http.Answer none = http().get("/nodes", null);
        assertEquals(401, none.status());
        assertEquals("UNAUTHENTICATED", none.error().code());
        Http.Answer garbage = http().get("/nodes", "not-a-token");
        assertEquals(401, garbage.status());
        assertEquals("UNAUTHENTICATED", garbage.error().code());
    }

    @Test
    void logoutEndsTheSession() {
        String token = http().login("admin", TestServer.ADMIN_PASSWORD).token();
        assertEquals(204, http().call("POST", "/auth/logout", token, null).status());
        Http.Answer after = http().get("/auth/session", token);
        assertEquals(401, after.status());
        assertEquals("UNAUTHENTICATED", after.error().code());
    }

    @Test
    void malformedJsonIsABadRequestAndLoginStillWorks() {
        Http.Answer answer = http().call("POST", "/auth/login", null, "{\"username\": \"admin\", ");
        assertEquals(400, answer.status(), answer.body());
        ApiError error = answer.error();
        assertEquals("BAD_REQUEST", error.code());
        assertTrue(error.message().startsWith("Malformed JSON"), error.message());
        Http.Answer empty = http().call("POST", "/auth/login", null, "{}");
        assertEquals(400, empty.status());
        assertEquals(new ApiError(400, "BAD_REQUEST", "username is required"), empty.error());
        assertFalse(http().login("admin", TestServer.ADMIN_PASSWORD).token().isEmpty());
    }

    @Test
    void repeatedFailuresLockTheUserNameForAWhile() {
        String admin = http().login("admin", TestServer.ADMIN_PASSWORD).token();
        assertEquals(200, http().call("POST", "/users", admin,
                new NewUser("brute", "brute-password-123", Role.VIEWER)).status());
        for (int i = 0; i < 5; i++) {
            assertEquals("Wrong username or password",
                    http().call("POST", "/auth/login", null, new LoginRequest("brute", "guess-" + i)).error().message());
        }
        ApiError locked = http().call("POST", "/auth/login", null, new LoginRequest("brute", "brute-password-123")).error();
        assertEquals("INVALID_CREDENTIALS", locked.code());
        assertTrue(locked.message().startsWith("Too many failed logins; try again in "), "even the right password waits: " + locked);
        assertEquals("admin", http().login("admin", TestServer.ADMIN_PASSWORD).username(), "other users are not affected");
    }

    @Test
    void wrongMethodAndMediaTypeAnswerJsonErrors() {
        Http.Answer get = http().get("/auth/login", null);
        assertEquals(405, get.status());
        assertEquals("METHOD_NOT_ALLOWED", get.error().code());
        Http.Answer text = http().post("/auth/login", "text/plain", "admin admin");
        assertEquals(415, text.status(), text.body());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", text.error().code());
    }

    @Test
    void unknownPathAnswersNotFoundAsJson() {
        Http.Answer answer = http().get("/no-such-thing", null);
        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.error().code());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    }
}
