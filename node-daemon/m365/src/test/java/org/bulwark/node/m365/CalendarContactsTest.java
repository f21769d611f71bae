package org.bulwark.node.m365;

import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.restore.RestorePoint;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.restore.TenantRestore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.bulwark.node.m365.BackupRestoreTest.bytes;
import static org.bulwark.node.m365.BackupRestoreTest.ids;
import static org.bulwark.node.m365.BackupRestoreTest.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calendars and contacts of a local tenant through the real Graph SDK: full then incremental backup
 * with adds, changes and deletes; {@code .ics} and {@code .vcf} exports carry what the service served;
 * restore into another user's new "Restored &lt;date&gt;" calendar and contact folder.
 */
class CalendarContactsTest {

    @TempDir
    Path dir;
    TenantFixture f;
    String alice;
    String bob;

    @BeforeEach
    void tenant() throws IOException {
        f = new TenantFixture(dir);
        alice = f.graph.addUser("alice@contoso.test");
        bob = f.graph.addUser("bob@contoso.test");
    }

    @AfterEach
    void close() throws IOException {
        f.close();
    }

    static Map<String, Object> time(String dateTime) {
        return Map.of("dateTime", dateTime, "timeZone", "UTC");
    }

    static Map<String, Object> address(String name, String address) {
        return Map.of("name", name, "address", address);
    }

    @Test
    void fullThenIncrementalExportsAndRestoreIntoAnotherUser() throws Exception {
        String calendar = f.graph.calendar(alice);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("subject", "Design review, part 1; the long one with a subject that certainly needs folding at seventy-five octets");
        review.put("body", Map.of("contentType", "text", "content", "Agenda:\n1. storage\n2. restore"));
        review.put("start", time("2026-12-01T09:00:00.0000000"));
        review.put("end", time("2026-12-01T10:30:00.0000000"));
        review.put("location", Map.of("displayName", "Room Zürich"));
        review.put("organizer", Map.of("emailAddress", address("Alice", "alice@contoso.test")));
        review.put("attendees", List.of(
                Map.of("type", "required", "status", Map.of("response", "accepted"), "emailAddress", address("Carol", "carol@partner.test")),
                Map.of("type", "optional", "status", Map.of("response", "none"), "emailAddress", address("Dave", "dave@contoso.test"))));
        review.put("categories", List.of("Blue category"));
        String e1 = f.graph.addEvent(alice, calendar, review);
        String e2 = f.graph.addEvent(alice, calendar, Map.of("subject", "Offsite", "isAllDay", true,
                "start", time("2026-12-24T00:00:00.0000000"), "end", time("2026-12-25T00:00:00.0000000")));
        String e3 = f.graph.addEvent(alice, calendar, Map.of("subject", "Standup",
                "start", time("2026-12-02T08:00:00.0000000"), "end", time("2026-12-02T08:15:00.0000000"),
                "recurrence", Map.of("pattern", Map.of("type", "weekly", "interval", 1, "daysOfWeek", List.of("monday", "wednesday"),
                        "firstDayOfWeek", "sunday"), "range", Map.of("type", "endDate", "startDate", "2026-12-02", "endDate", "2027-03-31"))));
        byte[] agenda = BackupRestoreTest.random(60_000, 3);
        f.graph.addEventAttachment(alice, e1, "agenda.bin", agenda);
        f.graph.addEventAttachment(alice, e3, "agenda.bin", agenda);
        String holidays = f.graph.addCalendar(alice, "Holidays");
        String e4 = f.graph.addEvent(alice, holidays, Map.of("subject", "New Year", "isAllDay", true,
                "start", time("2027-01-01T00:00:00.0000000"), "end", time("2027-01-02T00:00:00.0000000")));
        String root = f.graph.contactsRoot(alice);
        Map<String, Object> carolCard = new LinkedHashMap<>();
        carolCard.put("displayName", "Carol Jones");
        carolCard.put("givenName", "Carol");
        carolCard.put("surname", "Jones");
        carolCard.put("emailAddresses", List.of(address("Carol Jones", "carol@partner.test"), address("Carol", "cj@home.test")));
        carolCard.put("businessPhones", List.of("+41 44 555 01 01"));
        carolCard.put("mobilePhone", "+41 79 555 02 02");
        carolCard.put("companyName", "Partner, Inc.");
        carolCard.put("jobTitle", "CTO");
        carolCard.put("businessAddress", Map.of("street", "Bahnhofstrasse 1", "city", "Zürich", "postalCode", "8001",
                "countryOrRegion", "Switzerland"));
        carolCard.put("birthday", "1985-04-01T00:00:00Z");
        carolCard.put("personalNotes", "Met at the fair; likes tea,\nnot coffee");
        String c1 = f.graph.addContact(alice, root, carolCard);
        String c2 = f.graph.addContact(alice, root, Map.of("displayName", "Dave Miller",
                "emailAddresses", List.of(address("Dave", "dave@contoso.test"))));
        String partners = f.graph.addContactFolder(alice, "Partners");
        String c3 = f.graph.addContact(alice, partners, Map.of("displayName", "Erin Stone"));
        Map<String, Object> servedReview = f.graph.served(alice, e1);
        Map<String, Object> servedCarol = f.graph.served(alice, c1);

        BackupReport full = f.backup();

        assertTrue(full.complete(), () -> "errors: " + full.errors());
        assertEquals(4 + 3, full.items(), "4 events and 3 contacts stored");

        f.graph.changeDoc(alice, e1, Map.of("subject", "Design review (moved)", "start", time("2026-12-01T13:00:00.0000000"),
                "end", time("2026-12-01T14:00:00.0000000")));
        f.graph.deleteDoc(alice, e2);
        String e5 = f.graph.addEvent(alice, calendar, Map.of("subject", "Retro",
                "start", time("2026-12-05T15:00:00.0000000"), "end", time("2026-12-05T16:00:00.0000000")));
        f.graph.deleteCalendar(alice, holidays);
        f.graph.changeDoc(alice, c2, Map.of("mobilePhone", "+1 555 0100"));
        f.graph.deleteDoc(alice, c1);
        String c4 = f.graph.addContact(alice, partners, Map.of("displayName", "Frank Hill"));

        BackupReport incr = f.backup();

        assertTrue(incr.complete(), () -> "errors: " + incr.errors());
        assertEquals(4, incr.items(), "e1 and c2 changed, e5 and c4 new: only those stored");
        assertEquals(0, incr.unchanged(), "delta queries list only what changed: e3, c3 are not even read");
        assertEquals(4, incr.deleted(), "e2, e4 with its calendar Holidays, and c1 tombstoned");

        try (TenantBrowser b = f.browser()) {
            List<RestorePoint> points = b.restorePoints();
            assertEquals(2, points.size());
            long rp1 = points.get(0).id();
            long rp2 = points.get(1).id();
            assertEquals(Set.of(alice, bob), Set.copyOf(b.calendarUsers().stream().map(o -> o.id()).toList()));

            // calendars and events at both points
            assertEquals(List.of("Calendar", "Holidays"), b.calendars(rp1, alice).stream().map(ItemVersion::name).toList());
            assertEquals(List.of("Calendar"), b.calendars(rp2, alice).stream().map(ItemVersion::name).toList());
            assertEquals(List.of(e1, e3, e2), b.events(rp1, alice, calendar).stream().map(ItemVersion::id).toList(), "by start");
            assertEquals(Set.of("Design review (moved)", "Standup", "Retro"), names(b.events(rp2, alice, calendar)));
            assertEquals("alice@contoso.test", b.event(rp1, alice, e1).sender());
            assertEquals(2, b.event(rp1, alice, e1).blobs().size(), "the event's JSON, then its attachment");
            assertEquals(b.event(rp1, alice, e1).blobs().get(1), b.event(rp1, alice, e3).blobs().get(1),
                    "the same attachment of two events is stored once");
            assertTrue(b.events(rp2, alice, holidays).isEmpty());
            assertThrows(FileNotFoundException.class, () -> b.event(rp2, alice, e2));
            assertEquals(Set.of(e2, e4, holidays), ids(b.deletedItems(Service.CALENDARS, alice)));

            // contact folders and contacts
            assertEquals(List.of("Contacts", "Partners"), b.contactFolders(rp1, alice).stream().map(ItemVersion::name).toList());
            String defaultFolder = b.contactFolders(rp1, alice).getFirst().id();
            assertEquals(List.of("Carol Jones", "Dave Miller"), b.contacts(rp1, alice, defaultFolder).stream().map(ItemVersion::name).toList());
            assertEquals(List.of("Dave Miller"), b.contacts(rp2, alice, defaultFolder).stream().map(ItemVersion::name).toList());
            assertEquals(Set.of(c3, c4), ids(b.contacts(rp2, alice, partners)));
            assertEquals(Set.of(c1), ids(b.deletedItems(Service.CONTACTS, alice)));
            assertEquals(Set.of(c1), ids(b.search(rp1, "carol@partner")), "contacts are found by address");
            assertEquals(Set.of(e5), ids(b.search(rp2, "retro")), "events by subject");

            // .ics of one event carries what the service served
            Map<String, List<String>> ics = properties(new String(bytes(out -> b.exportIcs(rp1, alice, null, e1, out)), StandardCharsets.UTF_8));
            assertEquals(List.of(servedReview.get("iCalUId")), ics.get("UID"));
            assertEquals(List.of(servedReview.get("subject")), ics.get("SUMMARY"));
            assertEquals(List.of("20261201T090000Z"), ics.get("DTSTART"));
            assertEquals(List.of("20261201T103000Z"), ics.get("DTEND"));
            assertEquals(List.of("Room Zürich"), ics.get("LOCATION"));
            assertEquals(List.of("Agenda:\n1. storage\n2. restore"), ics.get("DESCRIPTION"));
            assertEquals(List.of("mailto:alice@contoso.test"), ics.get("ORGANIZER;CN=\"Alice\""));
            assertEquals(List.of("mailto:carol@partner.test"), ics.get("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\"Carol\""));
            assertEquals(List.of("mailto:dave@contoso.test"), ics.get("ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=\"Dave\""));
            assertEquals(List.of("Blue category"), ics.get("CATEGORIES"));
            assertEquals(List.of(java.util.Base64.getEncoder().encodeToString(agenda)),
                    ics.get("ATTACH;ENCODING=BASE64;VALUE=BINARY;FMTTYPE=application/octet-stream;X-FILENAME=\"agenda.bin\""));
            assertEquals(List.of("Design review (moved)"),
                    properties(new String(bytes(out -> b.exportIcs(rp2, alice, null, e1, out)), StandardCharsets.UTF_8)).get("SUMMARY"));

            // .ics of the whole calendar: all-day dates and the recurrence rule
            Map<String, List<String>> cal = properties(new String(bytes(out -> b.exportIcs(rp1, alice, calendar, null, out)),
                    StandardCharsets.UTF_8));
            assertEquals(List.of("VCALENDAR", "VEVENT", "VEVENT", "VEVENT"), cal.get("BEGIN"));
            assertEquals(List.of("20261224"), cal.get("DTSTART;VALUE=DATE"));
            assertEquals(List.of("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270331T235959Z"), cal.get("RRULE"));
            assertThrows(FileNotFoundException.class, () -> b.exportIcs(rp2, alice, holidays, null, java.io.OutputStream.nullOutputStream()));

            // .vcf of one contact carries what the service served
            Map<String, List<String>> vcf = properties(new String(bytes(out -> b.exportVcf(rp1, alice, null, c1, out)), StandardCharsets.UTF_8));
            assertEquals(List.of(servedCarol.get("displayName")), vcf.get("FN"));
            assertEquals(List.of("Jones;Carol;;;"), vcf.get("N"));
            assertEquals(List.of("carol@partner.test", "cj@home.test"), vcf.get("EMAIL;TYPE=INTERNET"));
            assertEquals(List.of("+41 44 555 01 01"), vcf.get("TEL;TYPE=WORK,VOICE"));
            assertEquals(List.of("+41 79 555 02 02"), vcf.get("TEL;TYPE=CELL"));
            assertEquals(List.of("Partner\\, Inc.;"), vcf.get("ORG"));
            assertEquals(List.of("CTO"), vcf.get("TITLE"));
            assertEquals(List.of(";;Bahnhofstrasse 1;Zürich;;8001;Switzerland"), vcf.get("ADR;TYPE=WORK"));
            assertEquals(List.of("1985-04-01"), vcf.get("BDAY"));
            assertEquals(List.of(servedCarol.get("personalNotes")), vcf.get("NOTE"));
            Map<String, List<String>> folder = properties(new String(bytes(out -> b.exportVcf(rp2, alice, partners, null, out)),
                    StandardCharsets.UTF_8));
            assertEquals(List.of("Erin Stone", "Frank Hill"), folder.get("FN"));

            // restore into bob: a new calendar and contact folder, the originals untouched
            TenantRestore restore = new TenantRestore(f.connection(), b);
            TenantRestore.Result events = restore.restoreEvents(rp1, alice, List.of(e1, e2), bob);
            assertTrue(events.folderName().startsWith("Restored "), events.folderName());
            assertEquals(events.folderName(), f.graph.containersOf(bob).get(events.folderId()));
            Map<String, Map<String, Object>> restoredEvents = f.graph.docsIn(bob, events.folderId());
            assertEquals(Set.copyOf(events.createdIds()), restoredEvents.keySet());
            Map<String, Object> restoredReview = restoredEvents.get(events.createdIds().getFirst());
            for (String property : List.of("subject", "body", "start", "end", "location", "categories")) {
                assertEquals(servedReview.get(property), restoredReview.get(property), property);
            }
            assertFalse(restoredReview.containsKey("attendees"), "no invitations are sent by a restore");
            assertEquals(Set.of("agenda.bin"), f.graph.eventAttachments(bob, events.createdIds().getFirst()).keySet());
            assertArrayEquals(agenda, f.graph.eventAttachments(bob, events.createdIds().getFirst()).get("agenda.bin"));
            assertEquals(Boolean.TRUE, restoredEvents.get(events.createdIds().get(1)).get("isAllDay"));

            TenantRestore.Result contacts = restore.restoreContacts(rp1, alice, List.of(c1), bob);
            Map<String, Object> restoredCarol = f.graph.docsIn(bob, contacts.folderId()).get(contacts.createdIds().getFirst());
            for (String property : List.of("displayName", "givenName", "surname", "emailAddresses", "businessPhones", "mobilePhone",
                    "companyName", "jobTitle", "businessAddress", "personalNotes")) {
                assertEquals(servedCarol.get(property), restoredCarol.get(property), property);
            }
            assertEquals(String.valueOf(servedCarol.get("birthday")).substring(0, 10),
                    String.valueOf(restoredCarol.get("birthday")).substring(0, 10));
            TenantRestore.Result again = restore.restoreContacts(rp1, alice, List.of(c1), bob);
            assertNotEquals(contacts.folderId(), again.folderId(), "a second restore never writes into the first one's folder");
            assertEquals(Set.of(e1, e3, e5), f.graph.docsIn(alice, calendar).keySet(), "the source calendar is untouched");
        }

        BackupReport idle = f.backup();
        assertTrue(idle.complete());
        assertEquals(2 + 2, idle.items(), "only what the restores created in bob's mailbox is new");
    }

    /** Properties of an iCalendar or vCard text: lines unfolded, text unescaped, by name with parameters. */
    static Map<String, List<String>> properties(String text) {
        assertTrue(text.endsWith("\r\n"));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : text.replace("\r\n ", "").split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length > 0);
            int colon = line.indexOf(':', line.lastIndexOf('"') + 1);
            String value = line.substring(colon + 1);
            String name = line.substring(0, colon);
            if (!Set.of("N", "ORG", "ADR;TYPE=WORK", "RRULE").contains(name)) {
                value = value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        for (String raw : text.split("\r\n")) {
            assertTrue(raw.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "folded at 75 octets: " + raw);
        }
        return out;
    }
}
