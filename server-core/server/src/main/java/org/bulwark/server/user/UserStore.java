package org.bulwark.server.user;

import java.util.List;
import java.util.Optional;
import org.bulwark.api.Role;

/** Where users are kept (a port; the JPA adapter implements it). */
public interface UserStore {

    Optional<UserAccount> find(String username);

    /** Users ordered by name. */
    List<UserAccount> list();

    /** Adds a user; returns {@code false} when the name is taken. */
    boolean insert(UserAccount account);

    /** Removes a user and, with it, its sessions; returns {@code false} when there was none. */
    boolean delete(String username);

    void updatePasswordHash(String username, String passwordHash);

    long countByRole(Role role);
}
