package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.bulwark.api.ApiError;
import org.bulwark.api.Session;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions end after {@code session.ttl}. */
class SessionExpiryTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external().with("session.ttl", "PT1S");

    @Test
    void expiredSessionAnswersSessionExpired() throws InterruptedException {
        Http http = SERVER.server().http();
        Session session = http.login("admin", "admin-password-for-tests");
        assertTrue(session.expiresAt().isBefore(Instant.now().plusSeconds(2)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Http.Answer answer = http.get("/auth/session", session.token());
        while (answer.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            answer = http.get("/auth/session", session.token());
        }
        assertEquals(new ApiError(401, "SESSION_EXPIRED", "The session has expired; log in again"), answer.error());
        assertEquals("SESSION_EXPIRED", http.get("/nodes", session.token()).error().code());
    }
}
