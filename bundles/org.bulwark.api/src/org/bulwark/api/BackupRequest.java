package org.bulwark.api;

import java.util.UUID;

/**
 * Backs up one VM now: with a policy's destination and passphrase file, or with a destination and
 * passphrase (or passphrase file) given here; {@code full} forces a full backup.
 */
public record BackupRequest(UUID policyId, String destination, String passphrase, String passphraseFile, boolean full) {
    @Override
    public String toString() {
        return "BackupRequest[policyId=" + policyId + ", destination=" + destination + ", passphrase="
                + (passphrase == null ? null : "***") + ", passphraseFile=" + passphraseFile + ", full=" + full + "]";
    }
}
