package org.bulwark.api;

/** Request to create a user. */
public record NewUser(String username, String password, Role role) {
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + ", password=***]";
    }
}
