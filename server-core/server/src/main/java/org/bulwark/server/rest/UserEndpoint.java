package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.bulwark.api.NewUser;
import org.bulwark.api.PasswordChange;
import org.bulwark.api.User;
import org.bulwark.api.rest.UserResource;
import org.bulwark.server.user.UserService;

/** {@link UserResource} over {@link UserService}. */
public final class UserEndpoint implements UserResource {
    private final UserService users;
    @Context
    private SecurityContext security;

    UserEndpoint(UserService users) {
        this.users = users;
    }

    @Override
    public List<User> list() {
        return users.list();
    }

    @Override
    public User create(NewUser user) {
        return users.create(CallerPrincipal.of(security), user);
    }

    @Override
    public void delete(String username) {
        users.delete(CallerPrincipal.of(security), username);
    }

    @Override
    public void changePassword(String username, PasswordChange change) {
        users.changePassword(CallerPrincipal.of(security), username, change);
    }
}
