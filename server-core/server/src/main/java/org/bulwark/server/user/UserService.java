package org.bulwark.server.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bulwark.api.NewUser;
import org.bulwark.api.PasswordChange;
import org.bulwark.api.Role;
import org.bulwark.api.User;
import org.bulwark.server.errors.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users, their roles and passwords. */
public final class UserService {
    /** The administrator created at first start. */
    public static final String INITIAL_ADMIN = "admin";
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final InitialAdminPassword initialPassword;
    private final Clock clock;

    public UserService(UserStore users, SessionStore sessions, PasswordHasher hasher,
                       InitialAdminPassword initialPassword, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.initialPassword = initialPassword;
        this.clock = clock;
    }

    /**
     * Creates {@value #INITIAL_ADMIN} when no user exists yet: with {@code configured} as its
     * password, or with a random one-time password that {@link InitialAdminPassword} hands out.
     */
    public void ensureInitialAdmin(Optional<String> configured) {
        if (!users.list().isEmpty()) {
            return;
        }
        String password = configured.orElseGet(UserService::randomPassword);
        checkPassword(password);
        users.insert(new UserAccount(INITIAL_ADMIN, Role.ADMINISTRATOR, hasher.hash(password), clock.instant()));
        LOG.info("user created user={} role={} initial=true", INITIAL_ADMIN, Role.ADMINISTRATOR);
        if (configured.isEmpty()) {
            initialPassword.publish(INITIAL_ADMIN, password);
        }
    }

    public List<User> list() {
        return users.list().stream().map(UserAccount::toUser).toList();
    }

    /** Creates a user: 400 for a bad name or weak password, 409 when the name is taken. */
    public User create(Caller caller, NewUser request) {
        Errors.required(request, "user");
        String username = Errors.required(request.username(), "username");
        if (!USERNAME.matcher(username).matches()) {
            throw Errors.badRequest("username must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Role role = Errors.required(request.role(), "role");
        checkPassword(Errors.required(request.password(), "password"));
        UserAccount account = new UserAccount(username, role, hasher.hash(request.password()), clock.instant());
        if (!users.insert(account)) {
            throw Errors.conflict("User " + username + " already exists");
        }
        LOG.info("user created user={} role={} by={}", username, role, caller.username());
        return account.toUser();
    }

    /** Deletes a user and ends its sessions; the last administrator cannot be deleted (409). */
    public void delete(Caller caller, String username) {
        UserAccount account = find(username);
        if (account.role() == Role.ADMINISTRATOR && users.countByRole(Role.ADMINISTRATOR) <= 1) {
            throw Errors.conflict("Cannot delete the last administrator");
        }
        if (!users.delete(username)) {
            throw Errors.notFound("No user " + username);
        }
        LOG.info("user deleted user={} by={}", username, caller.username());
    }

    /**
     * Changes a password: one's own with the current password, anyone's as administrator.
     * Every session of that user ends.
     */
    public void changePassword(Caller caller, String username, PasswordChange change) {
        Errors.required(change, "password change");
        boolean own = caller.username().equals(username);
        if (!own && caller.role() != Role.ADMINISTRATOR) {
            throw Errors.forbidden("Only administrators change other users' passwords");
        }
        UserAccount account = find(username);
        checkPassword(Errors.required(change.newPassword(), "newPassword"));
        if (own && (change.currentPassword() == null || !hasher.verify(change.currentPassword(), account.passwordHash()))) {
            LOG.warn("password change refused user={} reason=wrong-current-password", username);
            throw Errors.invalidCredentials("The current password is wrong");
        }
        users.updatePasswordHash(username, hasher.hash(change.newPassword()));
        sessions.deleteForUser(username);
        if (username.equals(INITIAL_ADMIN)) {
            initialPassword.withdraw();
        }
        LOG.info("password changed user={} by={}", username, caller.username());
    }

    private UserAccount find(String username) {
        return users.find(username).orElseThrow(() -> Errors.notFound("No user " + username));
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw Errors.badRequest("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
