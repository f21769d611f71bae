package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.bulwark.api.Role;
import org.bulwark.server.user.UserAccount;

/** Row of {@code users}. */
@Entity
@Table(name = "users")
class UserEntity {
    @Id
    String username;
    String role;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "created_at")
    Instant createdAt;

    UserEntity() {
    }

    UserEntity(UserAccount account) {
        username = account.username();
        role = account.role().name();
        passwordHash = account.passwordHash();
        createdAt = account.createdAt();
    }

    UserAccount toAccount() {
        return new UserAccount(username, Role.valueOf(role), passwordHash, createdAt);
    }
}
