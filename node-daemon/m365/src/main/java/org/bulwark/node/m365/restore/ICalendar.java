package org.bulwark.node.m365.restore;

import com.fasterxml.jackson.databind.JsonNode;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes events kept as Graph JSON as an iCalendar object (RFC 5545): one {@code VEVENT} per event
 * with UID, summary, start and end (UTC, a named zone, or dates for all-day events), location,
 * description, organizer, attendees, categories, status, transparency, class, the recurrence
 * rule and the file attachments (inline, base64); Graph's own JSON stays the backup, this is its export.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private ICalendar() {
    }

    /** An event's Graph JSON and the bytes of its file attachments, in the order its JSON describes them. */
    record Entry(JsonNode event, List<byte[]> attachments) {
    }

    /** Writes a {@code VCALENDAR} holding the events. */
    static void write(List<Entry> events, OutputStream out) throws IOException {
        ContentLines lines = new ContentLines(out);
        lines.raw("BEGIN", "VCALENDAR").raw("VERSION", "2.0").raw("PRODID", "-//Bulwark//Microsoft 365 backup//EN")
                .raw("CALSCALE", "GREGORIAN");
        for (Entry e : events) {
            event(e.event(), e.attachments(), lines);
        }
        lines.raw("END", "VCALENDAR");
    }

    private static void event(JsonNode e, List<byte[]> attachments, ContentLines lines) throws IOException {
        lines.raw("BEGIN", "VEVENT");
        lines.text("UID", text(e, "iCalUId") != null ? text(e, "iCalUId") : text(e, "id"));
        String stamp = text(e, "lastModifiedDateTime");
        lines.raw("DTSTAMP", stamp == null ? UTC_STAMP.format(OffsetDateTime.now(java.time.ZoneOffset.UTC)) : utc(stamp));
        if (text(e, "createdDateTime") != null) {
            lines.raw("CREATED", utc(text(e, "createdDateTime")));
        }
        if (stamp != null) {
            lines.raw("LAST-MODIFIED", utc(stamp));
        }
        boolean allDay = e.path("isAllDay").asBoolean(false);
        time(lines, "DTSTART", e.path("start"), allDay);
        time(lines, "DTEND", e.path("end"), allDay);
        lines.text("SUMMARY", text(e, "subject"));
        lines.text("LOCATION", text(e.path("location"), "displayName"));
        JsonNode body = e.path("body");
        String content = text(body, "content");
        if (content != null && "html".equalsIgnoreCase(text(body, "contentType"))) {
            lines.text("X-ALT-DESC;FMTTYPE=text/html", content);
            lines.text("DESCRIPTION", text(e, "bodyPreview"));
        } else {
            lines.text("DESCRIPTION", content);
        }
        JsonNode organizer = e.path("organizer").path("emailAddress");
        if (text(organizer, "address") != null) {
            lines.raw("ORGANIZER" + cn(organizer), "mailto:" + text(organizer, "address"));
        }
        for (JsonNode a : e.path("attendees")) {
            JsonNode address = a.path("emailAddress");
            if (text(address, "address") == null) {
                continue;
            }
            String role = switch (String.valueOf(text(a, "type"))) {
                case "optional" -> "OPT-PARTICIPANT";
                case "resource" -> "NON-PARTICIPANT";
                default -> "REQ-PARTICIPANT";
            };
            String partstat = switch (String.valueOf(text(a.path("status"), "response"))) {
                case "accepted", "organizer" -> "ACCEPTED";
                case "declined" -> "DECLINED";
                case "tentativelyAccepted" -> "TENTATIVE";
                default -> "NEEDS-ACTION";
            };
            lines.raw("ATTENDEE;ROLE=" + role + ";PARTSTAT=" + partstat + cn(address), "mailto:" + text(address, "address"));
        }
        List<String> categories = new ArrayList<>();
        e.path("categories").forEach(c -> categories.add(ContentLines.escape(c.asText())));
        if (!categories.isEmpty()) {
            lines.raw("CATEGORIES", String.join(",", categories));
        }
        if (e.path("isCancelled").asBoolean(false)) {
            lines.raw("STATUS", "CANCELLED");
        }
        if ("free".equals(text(e, "showAs"))) {
            lines.raw("TRANSP", "TRANSPARENT");
        }
        String sensitivity = text(e, "sensitivity");
        if ("private".equals(sensitivity) || "confidential".equals(sensitivity)) {
            lines.raw("CLASS", sensitivity.toUpperCase(Locale.ROOT));
        }
        String rule = rrule(e.path("recurrence"), allDay);
        if (rule != null) {
            lines.raw("RRULE", rule);
        }
        JsonNode described = e.path(Kinds.EVENT_ATTACHMENTS);
        for (int i = 0; i < attachments.size(); i++) {
            String type = text(described.path(i), "contentType");
            String name = text(described.path(i), "name");
            lines.raw("ATTACH;ENCODING=BASE64;VALUE=BINARY" + (type == null ? "" : ";FMTTYPE=" + type.replaceAll("[;:\",]", ""))
                    + (name == null ? "" : ";X-FILENAME=\"" + name.replace("\"", "'") + "\""),
                    Base64.getEncoder().encodeToString(attachments.get(i)));
        }
        lines.raw("END", "VEVENT");
    }

    /** A start or end: UTC, a named zone (TZID), or a date for all-day events. */
    private static void time(ContentLines lines, String name, JsonNode t, boolean allDay) throws IOException {
        String dateTime = text(t, "dateTime");
        if (dateTime == null) {
            return;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(dateTime);
        } catch (DateTimeParseException e) {
            return;
        }
        String zone = text(t, "timeZone");
        if (allDay) {
            lines.raw(name + ";VALUE=DATE", DATE.format(local));
        } else if (zone == null || zone.equalsIgnoreCase("UTC")) {
            lines.raw(name, LOCAL.format(local) + "Z");
        } else {
            lines.raw(name + ";TZID=\"" + zone.replace("\"", "") + "\"", LOCAL.format(local));
        }
    }

    /** The recurrence pattern and range of a Graph event as an RRULE, or null when it has none. */
    private static String rrule(JsonNode recurrence, boolean allDay) {
        JsonNode p = recurrence.path("pattern");
        String type = text(p, "type");
        if (type == null) {
            return null;
        }
        StringBuilder r = new StringBuilder("FREQ=").append(switch (type) {
            case "daily" -> "DAILY";
            case "weekly" -> "WEEKLY";
            case "absoluteMonthly", "relativeMonthly" -> "MONTHLY";
            default -> "YEARLY";
        });
        if (p.path("interval").asInt(1) > 1) {
            r.append(";INTERVAL=").append(p.path("interval").asInt());
        }
        List<String> days = new ArrayList<>();
        p.path("daysOfWeek").forEach(d -> days.add(d.asText().substring(0, 2).toUpperCase(Locale.ROOT)));
        if (type.startsWith("absoluteYearly") || type.startsWith("relativeYearly")) {
            r.append(";BYMONTH=").append(p.path("month").asInt());
        }
        if (type.startsWith("absolute")) {
            r.append(";BYMONTHDAY=").append(p.path("dayOfMonth").asInt());
        } else if (!days.isEmpty()) {
            r.append(";BYDAY=").append(String.join(",", days));
            if (type.startsWith("relative")) {
                r.append(";BYSETPOS=").append(switch (String.valueOf(text(p, "index"))) {
                    case "second" -> 2;
                    case "third" -> 3;
                    case "fourth" -> 4;
                    case "last" -> -1;
                    default -> 1;
                });
            }
        }
        JsonNode range = recurrence.path("range");
        String end = text(range, "endDate");
        if ("endDate".equals(text(range, "type")) && end != null) {
            LocalDate until = LocalDate.parse(end);
            r.append(";UNTIL=").append(allDay ? DATE.format(until) : DATE.format(until) + "T235959Z");
        } else if ("numbered".equals(text(range, "type"))) {
            r.append(";COUNT=").append(range.path("numberOfOccurrences").asInt());
        }
        return r.toString();
    }

    private static String cn(JsonNode emailAddress) {
        String name = text(emailAddress, "name");
        return name == null ? "" : ";CN=\"" + name.replace("\"", "'") + "\"";
    }

    private static String utc(String instant) {
        return UTC_STAMP.format(OffsetDateTime.parse(instant).withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
