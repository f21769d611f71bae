package org.bulwark.node.m365.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values from a backup cannot add lines of their own to an exported {@code .ics} or {@code .vcf}. */
class CalendarCardFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hostileValuesStayInsideTheirLine() throws IOException {
        JsonNode event = JSON.readTree("""
                {"id": "e1", "subject": "Lunch\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT", "start": {"dateTime": "2026-12-01T12:00:00",
                 "timeZone": "W. Europe Standard Time\\"\\r\\nX-EVIL:1"},
                 "organizer": {"emailAddress": {"name": "Mallory\\r\\nATTENDEE:mailto:evil@example.test", "address": "m@example.test\\nX-EVIL:2"}}}
                """);
        List<String> ics = lines(out -> ICalendar.write(List.of(new ICalendar.Entry(event, List.of())), out));
        assertEquals(1, ics.stream().filter(l -> l.equals("BEGIN:VEVENT")).count(), String.join("\n", ics));
        assertTrue(ics.contains("SUMMARY:Lunch\\nEND:VEVENT\\nBEGIN:VEVENT"), String.join("\n", ics));
        assertTrue(ics.stream().noneMatch(l -> l.startsWith("X-EVIL") || l.startsWith("ATTENDEE")), String.join("\n", ics));
        assertTrue(ics.contains("DTSTART;TZID=\"W. Europe Standard Time  X-EVIL:1\":20261201T120000"), String.join("\n", ics));

        JsonNode contact = JSON.readTree("""
                {"id": "c1", "displayName": "Eve\\nEND:VCARD", "emailAddresses": [{"address": "eve@example.test\\r\\nTEL:1"}]}
                """);
        List<String> vcf = lines(out -> VCard.write(List.of(contact), out));
        assertEquals(List.of("BEGIN:VCARD", "VERSION:3.0", "FN:Eve\\nEND:VCARD", "N:;;;;", "EMAIL;TYPE=INTERNET:eve@example.test\\nTEL:1",
                "UID:c1", "END:VCARD"), vcf);
    }

    /** Writes something to a stream. */
    private interface Export {
        void to(java.io.OutputStream out) throws IOException;
    }

    private static List<String> lines(Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.to(out);
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).replace("\r\n ", "").split("\r\n"));
    }
}
