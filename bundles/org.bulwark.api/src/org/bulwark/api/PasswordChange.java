package org.bulwark.api;

/** Request to change a password; the current one is required unless an administrator resets it. */
public record PasswordChange(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
