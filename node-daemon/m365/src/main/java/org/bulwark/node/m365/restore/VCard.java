package org.bulwark.node.m365.restore;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.bulwark.node.m365.restore.ICalendar.text;

/**
 * Writes contacts kept as Graph JSON as vCards 3.0 (RFC 2426), one after the other: name, display
 * name, nickname, e-mail addresses, phones, organisation, title, postal addresses, birthday,
 * categories and notes.
 */
final class VCard {

    private VCard() {
    }

    static void write(List<JsonNode> contacts, OutputStream out) throws IOException {
        ContentLines lines = new ContentLines(out);
        for (JsonNode c : contacts) {
            contact(c, lines);
        }
    }

    private static void contact(JsonNode c, ContentLines lines) throws IOException {
        lines.raw("BEGIN", "VCARD").raw("VERSION", "3.0");
        String display = text(c, "displayName");
        lines.raw("FN", ContentLines.escape(display != null ? display : ""));
        lines.raw("N", structured(c, "surname", "givenName", "middleName", "title", "generation"));
        lines.text("NICKNAME", text(c, "nickName"));
        for (JsonNode m : c.path("emailAddresses")) {
            lines.text("EMAIL;TYPE=INTERNET", text(m, "address"));
        }
        for (JsonNode p : c.path("businessPhones")) {
            lines.text("TEL;TYPE=WORK,VOICE", p.asText());
        }
        for (JsonNode p : c.path("homePhones")) {
            lines.text("TEL;TYPE=HOME,VOICE", p.asText());
        }
        lines.text("TEL;TYPE=CELL", text(c, "mobilePhone"));
        if (text(c, "companyName") != null || text(c, "department") != null) {
            lines.raw("ORG", structured(c, "companyName", "department"));
        }
        lines.text("TITLE", text(c, "jobTitle"));
        address(lines, "WORK", c.path("businessAddress"));
        address(lines, "HOME", c.path("homeAddress"));
        address(lines, "OTHER", c.path("otherAddress"));
        String birthday = text(c, "birthday");
        if (birthday != null && birthday.length() >= 10) {
            lines.raw("BDAY", birthday.substring(0, 10));
        }
        List<String> categories = new ArrayList<>();
        c.path("categories").forEach(x -> categories.add(ContentLines.escape(x.asText())));
        if (!categories.isEmpty()) {
            lines.raw("CATEGORIES", String.join(",", categories));
        }
        lines.text("NOTE", text(c, "personalNotes"));
        lines.text("UID", text(c, "id"));
        lines.raw("END", "VCARD");
    }

    private static void address(ContentLines lines, String type, JsonNode a) throws IOException {
        if (a.isObject() && !a.isEmpty()) {
            lines.raw("ADR;TYPE=" + type, ";;" + structured(a, "street", "city", "state", "postalCode", "countryOrRegion"));
        }
    }

    /** Escaped fields joined by ';' (absent ones empty). */
    private static String structured(JsonNode node, String... fields) {
        List<String> parts = new ArrayList<>();
        for (String f : fields) {
            String v = text(node, f);
            parts.add(v == null ? "" : ContentLines.escape(v));
        }
        return String.join(";", parts);
    }
}
