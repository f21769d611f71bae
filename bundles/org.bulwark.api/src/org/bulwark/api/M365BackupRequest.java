package org.bulwark.api;

/**
 * Backs up a tenant now into the repository at {@code destination} (a folder on the tenant's
 * node), opened with {@code passphraseFile} (a file on the node) or {@code passphrase}.
 * {@link #toString()} masks the passphrase.
 */
public record M365BackupRequest(String destination, String passphraseFile, String passphrase) {
    @Override
    public String toString() {
        return "M365BackupRequest[destination=" + destination + ", passphraseFile=" + passphraseFile + ", passphrase="
                + (passphrase == null ? "none" : "***") + "]";
    }
}
