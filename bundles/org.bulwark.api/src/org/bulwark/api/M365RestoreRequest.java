package org.bulwark.api;

import java.util.List;

/**
 * Restores messages, drive items, events or contacts of a tenant's restore point into a new
 * "Restored &lt;date&gt;" folder (or calendar) of the original or another mailbox or drive; nothing is overwritten.
 * {@link #toString()} masks the passphrase.
 *
 * @param restorePoint the run id of the restore point ({@code null}: the latest)
 * @param service      {@code mail}, {@code files}, {@code calendars} or {@code contacts}
 * @param source       the user id (mail, calendars, contacts) or drive id (files) the items were backed up from
 * @param items        message, drive item, event or contact ids
 * @param target       the user or drive to restore into ({@code null}: the source)
 */
public record M365RestoreRequest(String destination, String passphraseFile, String passphrase, Long restorePoint,
                                 String service, String source, List<String> items, String target) {
    @Override
    public String toString() {
        return "M365RestoreRequest[destination=" + destination + ", passphraseFile=" + passphraseFile + ", passphrase="
                + (passphrase == null ? "none" : "***") + ", restorePoint=" + restorePoint + ", service=" + service
                + ", source=" + source + ", items=" + items + ", target=" + target + "]";
    }
}
