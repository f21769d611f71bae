package org.bulwark.api;

/**
 * Lists part of a tenant's backup in the repository at {@code destination} (no Graph call, no
 * client secret). {@link #toString()} masks the passphrase.
 *
 * @param list         {@code restorePoints}, {@code mailboxes}, {@code drives}, {@code teams},
 *                     {@code mailFolders} (owner), {@code messages} (owner, folder), {@code children}
 *                     (owner = drive id, folder: {@code null} for the root), {@code channels}
 *                     (owner = team id) or {@code search} (text: subject, sender or name)
 * @param restorePoint the run id ({@code null}: the latest)
 */
public record M365BrowseRequest(String destination, String passphraseFile, String passphrase, String list, Long restorePoint,
                                String owner, String folder, String text) {
    @Override
    public String toString() {
        return "M365BrowseRequest[destination=" + destination + ", passphraseFile=" + passphraseFile + ", passphrase="
                + (passphrase == null ? "none" : "***") + ", list=" + list + ", restorePoint=" + restorePoint + ", owner=" + owner
                + ", folder=" + folder + ", text=" + text + "]";
    }
}
