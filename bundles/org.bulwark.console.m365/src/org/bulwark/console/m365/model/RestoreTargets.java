package org.bulwark.console.m365.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365User;

/**
 * Where items of a restore point can be restored: back where they came from, into another
 * user's mailbox (mail) or into another drive (files); always into a new "Restored &lt;date&gt;"
 * folder there.
 *
 * @param targets the original location first, then the tenant's users, then the drives
 */
public record RestoreTargets(List<Target> targets) {
    /** A place to restore to; {@code id} is {@code null} for the original location. */
    public record Target(String label, String service, String id) {
    }

    public static final String MAIL = "mail";
    public static final String FILES = "files";
    static final Target ORIGINAL = new Target("The original mailbox or drive", null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    public RestoreTargets {
        targets = List.copyOf(targets);
    }

    /** The original location, the mailboxes of {@code users}, and {@code drives} (drive items of a restore point). */
    public static RestoreTargets of(List<M365User> users, List<M365Item> drives) {
        List<Target> targets = new ArrayList<>();
        targets.add(ORIGINAL);
        users.forEach(user -> targets.add(new Target("Mailbox of " + user.userPrincipalName(), MAIL, user.id())));
        drives.forEach(drive -> targets.add(new Target("Drive " + drive.name(), FILES, drive.id())));
        return new RestoreTargets(targets);
    }

    /**
     * The request that restores {@code items} of restore point {@code point} to {@code target}
     * (repository and passphrase file are the restore point's own).
     *
     * @throws IllegalArgumentException when the items mix mail with files, come from more than one mailbox or
     *         drive, hold something that is not restored (a mailbox, drive or mail folder), or the target
     *         does not take them (mail goes to a mailbox, files to a drive); the message says which
     */
    public static M365RestoreRequest request(long point, List<M365Item> items, Target target) {
        Set<String> kinds = items.stream().map(M365Item::kind).collect(Collectors.toSet());
        String service;
        if (kinds.equals(Set.of(RestorePointContent.MESSAGE))) {
            service = MAIL;
        } else if (Set.of(RestorePointContent.FILE, RestorePointContent.FOLDER).containsAll(kinds)) {
            service = FILES;
        } else {
            throw new IllegalArgumentException("Select messages, or files and folders, to restore (not both, and no mailboxes,"
                    + " drives or mail folders).");
        }
        Set<String> owners = items.stream().map(M365Item::owner).collect(Collectors.toSet());
        if (owners.size() != 1) {
            throw new IllegalArgumentException("Select items of one " + (service.equals(MAIL) ? "mailbox" : "drive")
                    + " at a time.");
        }
        if (target.service() != null && !target.service().equals(service)) {
            throw new IllegalArgumentException(service.equals(MAIL) ? "Messages are restored into a mailbox: choose a user."
                    : "Files are restored into a drive: choose a drive.");
        }
        return new M365RestoreRequest(null, null, null, point, service, owners.iterator().next(),
                items.stream().map(M365Item::id).toList(), target.id());
    }

    /**
     * What a restore task's result says for the operator, e.g. {@code 1 item restored into "Restored 2026-11-28 07-45-00"}.
     *
     * @param result the task's result: {@code {"createdIds": [...], "folderName": ..., ...}}
     */
    public static String outcome(String result) {
        try {
            JsonNode node = JSON.readTree(result == null ? "{}" : result);
            int items = node.path("createdIds").size();
            return items + (items == 1 ? " item" : " items") + " restored into \"" + node.path("folderName").asText("?") + "\"";
        } catch (JsonProcessingException e) {
            return "the node answered " + result;
        }
    }
}
