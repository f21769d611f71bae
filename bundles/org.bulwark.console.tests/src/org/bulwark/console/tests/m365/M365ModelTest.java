package org.bulwark.console.tests.m365;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Retention;
import org.bulwark.console.m365.model.ItemDownloader;
import org.bulwark.console.m365.model.PolicyForm;
import org.bulwark.console.m365.model.RestoreTargets;
import org.bulwark.console.m365.model.RestoreTargets.Target;
import org.junit.jupiter.api.Test;

/** What the Microsoft 365 parts make of the operator's input before the server sees it. */
class M365ModelTest {
    private static final M365Item MESSAGE = item("u-alice", "message", "m1", "Board figures");
    private static final M365Item FILE = item("d-alice", "file", "f1", "notes.txt");
    private static final M365Item FOLDER = item("d-alice", "folder", "f2", "Reports");

    private static M365Item item(String owner, String kind, String id, String name) {
        return new M365Item(owner, kind, id, "p", name, "", 0, 10);
    }

    @Test
    void aPolicyFormBecomesARequestWithPatternsSchedulesAndRetentionSplitOut() {
        PolicyForm form = new PolicyForm(" mail ", false, List.of("u1"), "alice@*, BOB*\n ,carol?", "Sales, g-42", "",
                " /backups/m365 ", "", "daily 03:00\n\nweekly MON 01:00\n", "3", "");

        M365PolicyRequest request = form.toRequest();

        assertEquals("mail", request.name());
        assertEquals(List.of("alice@*", "BOB*", "carol?"), request.namePatterns());
        assertEquals(List.of("daily 03:00", "weekly MON 01:00"), request.schedules());
        assertEquals("/backups/m365", request.destination());
        assertNull(request.passphraseFile(), "an empty field is no value");
        assertEquals(new Retention(3, 0), request.retention(), "an empty count turns its rule off");
        assertEquals(List.of("u1"), request.userIds());
        assertEquals(List.of("Sales", "g-42"), request.groups());
        assertEquals(List.of(), request.licenses());
    }

    @Test
    void aRetentionThatIsNoWholeNumberIsRefusedWithTheField() {
        PolicyForm form = PolicyForm.empty();
        PolicyForm bad = new PolicyForm("p", true, List.of(), "", "", "", "/b", "", "", "three", "0");
        PolicyForm negative = new PolicyForm("p", true, List.of(), "", "", "", "/b", "", "", "1", "-2");

        assertEquals(new Retention(7, 0), form.toRequest().retention());
        assertEquals("Keep last must be a whole number of 0 or more, not 'three'",
                assertThrows(IllegalArgumentException.class, bad::toRequest).getMessage());
        assertEquals("Keep days must be a whole number of 0 or more, not '-2'",
                assertThrows(IllegalArgumentException.class, negative::toRequest).getMessage());
    }

    @Test
    void messagesGoToAMailboxAndFilesToADrive() {
        RestoreTargets targets = RestoreTargets.of(List.of(new M365User("u-bob", "Bob", "bob@contoso.test", "bob@contoso.test")),
                List.of(item(null, "drive", "d-bob", "OneDrive of bob")));
        Target original = targets.targets().get(0);
        Target bob = targets.targets().get(1);
        Target bobsDrive = targets.targets().get(2);
        assertEquals("Mailbox of bob@contoso.test", bob.label());
        assertEquals("Drive OneDrive of bob", bobsDrive.label());

        M365RestoreRequest mail = RestoreTargets.request(42, List.of(MESSAGE), bob);
        assertEquals("mail", mail.service());
        assertEquals("u-alice", mail.source());
        assertEquals("u-bob", mail.target());
        assertEquals(42L, mail.restorePoint());
        assertNull(mail.destination(), "the restore point's own repository");
        M365RestoreRequest files = RestoreTargets.request(42, List.of(FILE, FOLDER), original);
        assertEquals("files", files.service());
        assertEquals(List.of("f1", "f2"), files.items());
        assertNull(files.target(), "back where they came from");

        assertEquals("Messages are restored into a mailbox: choose a user.", assertThrows(IllegalArgumentException.class,
                () -> RestoreTargets.request(42, List.of(MESSAGE), bobsDrive)).getMessage());
        assertEquals("Files are restored into a drive: choose a drive.", assertThrows(IllegalArgumentException.class,
                () -> RestoreTargets.request(42, List.of(FILE), bob)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RestoreTargets.request(42, List.of(MESSAGE, FILE), original),
                "mail and files at once");
        assertThrows(IllegalArgumentException.class, () -> RestoreTargets.request(42,
                List.of(MESSAGE, item("u-carol", "message", "m2", "Lunch")), original), "two mailboxes at once");
        assertThrows(IllegalArgumentException.class, () -> RestoreTargets.request(42,
                List.of(item("u-alice", "mailbox", "u-alice", "alice")), original), "a whole mailbox is not restored here");
    }

    @Test
    void aMessageIsSavedUnderItsSubjectWithoutPathSeparators() {
        assertEquals("Board figures.eml", ItemDownloader.emlName(MESSAGE));
        assertEquals(".._.._etc_passwd.eml", ItemDownloader.emlName(item("u", "message", "m", "../../etc/passwd")));
        assertEquals("a_b_c.eml", ItemDownloader.emlName(item("u", "message", "m", "a\\b\nc")));
        assertEquals("m9.eml", ItemDownloader.emlName(item("u", "message", "m9", " ")), "no subject: the message id");
    }

    @Test
    void aRestoreTellsHowManyItemsWentIntoWhichFolder() {
        assertEquals("2 items restored into \"Restored 2026-11-28 07-45-00\"", RestoreTargets.outcome(
                "{\"folderId\":\"f9\",\"folderName\":\"Restored 2026-11-28 07-45-00\",\"createdIds\":[\"a\",\"b\"]}"));
        assertEquals("the node answered not json", RestoreTargets.outcome("not json"));
    }
}
