package org.bulwark.api;

/** A user of a Microsoft 365 tenant (mailbox and OneDrive owner), as discovered. */
public record M365User(String id, String displayName, String userPrincipalName, String mail) {
}
