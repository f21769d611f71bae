package org.bulwark.server.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bulwark.api.Session;
import org.bulwark.server.errors.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in and out. A login returns a random bearer token; only its SHA-256 is stored,
 * so a copy of the database opens no session. Sessions expire after the configured time.
 */
public final class SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Duration ttl;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public SessionService(UserStore users, SessionStore sessions, PasswordHasher hasher, Duration ttl, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ttl = ttl;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
        this.dummyHash = hasher.hash("no such user");
    }

    /** Opens a session; a wrong name or password answers 401 {@code INVALID_CREDENTIALS}. */
    public Session login(String username, String password) {
        Errors.required(username, "username");
        Errors.required(password, "password");
        Duration wait = throttle.waitFor(username);
        if (!wait.isZero()) {
            LOG.warn("login refused user={} reason=throttled waitSeconds={}", username, wait.toSeconds() + 1);
            throw Errors.invalidCredentials("Too many failed logins; try again in " + (wait.toSeconds() + 1) + " s");
        }
        Optional<UserAccount> account = users.find(username);
        // verify against a dummy hash for unknown users, so timing does not tell which names exist
        boolean matches = hasher.verify(password, account.map(UserAccount::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            int failures = throttle.failed(username);
            LOG.warn("login failed user={} reason={} consecutiveFailures={}", username,
                    account.isEmpty() ? "unknown-user" : "wrong-password", failures);
            throw Errors.invalidCredentials("Wrong username or password");
        }
        throttle.succeeded(username);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        sessions.insert(new StoredSession(tokenHash(token), username, now, expiresAt));
        LOG.info("login user={} role={} expiresAt={}", username, account.get().role(), expiresAt);
        return new Session(token, username, account.get().role(), expiresAt);
    }

    /**
     * The caller behind a bearer token: 401 {@code UNAUTHENTICATED} without a token or with an
     * unknown one, 401 {@code SESSION_EXPIRED} when its time is up.
     */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw Errors.unauthenticated("Log in first and send the token as 'Authorization: Bearer <token>'");
        }
        String hash = tokenHash(token);
        StoredSession session = sessions.find(hash)
                .orElseThrow(() -> Errors.unauthenticated("Unknown or closed session; log in again"));
        if (!clock.instant().isBefore(session.expiresAt())) {
            throw Errors.sessionExpired();
        }
        UserAccount account = users.find(session.username())
                .orElseThrow(() -> Errors.unauthenticated("The session's user no longer exists"));
        return new Caller(account.username(), account.role(), hash, session.expiresAt());
    }

    /** The caller's session as the API shows it; the token is not repeated. */
    public Session describe(Caller caller) {
        return new Session(null, caller.username(), caller.role(), caller.expiresAt());
    }

    public void logout(Caller caller) {
        sessions.delete(caller.sessionId());
        LOG.info("logout user={}", caller.username());
    }

    /** Forgets sessions that expired more than a day ago (expired ones answer SESSION_EXPIRED until then). */
    public void purgeExpired() {
        int removed = sessions.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
        if (removed > 0) {
            LOG.info("sessions purged count={}", removed);
        }
    }

    static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
