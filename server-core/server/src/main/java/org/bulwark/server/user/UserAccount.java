package org.bulwark.server.user;

import java.time.Instant;
import org.bulwark.api.Role;
import org.bulwark.api.User;

/** A stored user with its password hash (PHC string, see {@link PasswordHasher}). */
public record UserAccount(String username, Role role, String passwordHash, Instant createdAt) {

    /** The user as the API shows it, without the hash. */
    public User toUser() {
        return new User(username, role, createdAt);
    }

    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", role=" + role + ", passwordHash=***]";
    }
}
