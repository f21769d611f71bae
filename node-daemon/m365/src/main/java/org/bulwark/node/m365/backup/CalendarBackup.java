package org.bulwark.node.m365.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.AttachmentCollectionResponse;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.CalendarCollectionResponse;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendars.item.events.delta.DeltaGetResponse;
import com.microsoft.kiota.serialization.KiotaJsonSerialization;
import org.bulwark.node.m365.discovery.Pages;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backs up users' calendars: the calendars of each user (listed in full every run: Graph has no
 * calendar delta), and per calendar its events (delta per calendar, times asked for in UTC), each
 * stored as its Graph JSON with its file attachments; {@code .ics} is made from them on export.
 */
final class CalendarBackup extends ServiceBackup {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asks Graph for event times in UTC, so that they need no Windows time zone names. */
    private static final String PREFER_UTC = "outlook.timezone=\"UTC\"";

    private final GraphServiceClient graph;

    CalendarBackup(GraphServiceClient graph, long run, ServiceStore store, RunCounters counters) {
        super(run, store, counters, "calendars");
        this.graph = graph;
    }

    @Override
    void backup(String user, String name) throws IOException {
        store.record(new MetaRecord.Owner(user, "calendars", name));
        var calendars = graph.users().byUserId(user).calendars();
        List<Calendar> all = Pages.all(calendars.get(), l -> calendars.withUrl(l).get(), CalendarCollectionResponse::getValue,
                CalendarCollectionResponse::getOdataNextLink);
        listed(user, Kinds.CALENDAR, all.stream().map(c -> new Listed(c.getId(), c.getName(), 0)).toList(), Kinds.EVENT, "events");
        for (Calendar c : all) {
            events(user, c.getId());
        }
    }

    private void events(String user, String calendar) throws IOException {
        var events = graph.users().byUserId(user).calendars().byCalendarId(calendar).events();
        Set<String> seen = new HashSet<>();
        Delta.run(store, user, "events:" + calendar, () -> events.delta().get(r -> r.headers.add("Prefer", PREFER_UTC)),
                l -> events.delta().withUrl(l).get(r -> r.headers.add("Prefer", PREFER_UTC)), DeltaGetResponse::getValue,
                (Event e) -> {
                    if (Delta.removed(e)) {
                        tombstone(user, Kinds.EVENT, e.getId(), calendar);
                        return;
                    }
                    seen.add(e.getId());
                    if (unchanged(user, Kinds.EVENT, e.getId(), e.getChangeKey(), calendar, nz(e.getSubject()))) {
                        return;
                    }
                    String organizer = e.getOrganizer() == null || e.getOrganizer().getEmailAddress() == null ? ""
                            : nz(e.getOrganizer().getEmailAddress().getAddress());
                    stored(user, calendar, e, organizer);
                }, () -> tombstoneUnseen(user, Kinds.EVENT, calendar, seen));
    }

    /**
     * Stores an event: its Graph JSON, with the names and types of its file attachments under
     * {@link Kinds#EVENT_ATTACHMENTS}, as the first blob; each attachment's bytes as a blob of its own after it
     * (the same file attached to many events is stored once).
     */
    private void stored(String user, String calendar, Event e, String organizer) throws IOException {
        List<String> recipe = new ArrayList<>();
        ArrayNode described = JSON.createArrayNode();
        long size = 0;
        if (Boolean.TRUE.equals(e.getHasAttachments())) {
            var attachments = graph.users().byUserId(user).events().byEventId(e.getId()).attachments();
            for (Attachment a : Pages.all(attachments.get(), l -> attachments.withUrl(l).get(), AttachmentCollectionResponse::getValue,
                    AttachmentCollectionResponse::getOdataNextLink)) {
                if (a instanceof FileAttachment file && file.getContentBytes() != null) {
                    recipe.add(store.putBlob(file.getContentBytes()));
                    size += file.getContentBytes().length;
                    described.addObject().put("name", nz(file.getName())).put("contentType", nz(file.getContentType()))
                            .put("isInline", Boolean.TRUE.equals(file.getIsInline()));
                }
            }
        }
        ObjectNode json = (ObjectNode) JSON.readTree(KiotaJsonSerialization.serializeAsString(e));
        json.set(Kinds.EVENT_ATTACHMENTS, described);
        byte[] bytes = JSON.writeValueAsBytes(json);
        recipe.addFirst(store.putBlob(bytes));
        stored(new ItemVersion(user, Kinds.EVENT, e.getId(), run, calendar, nz(e.getSubject()), organizer, start(e.getStart()),
                size + bytes.length, e.getChangeKey(), String.join(" ", recipe), false));
    }

    /** The start of an event in epoch milliseconds (0 when Graph gave none or a zone Java does not know). */
    static long start(DateTimeTimeZone t) {
        if (t == null || t.getDateTime() == null) {
            return 0;
        }
        try {
            ZoneId zone = t.getTimeZone() == null || t.getTimeZone().equalsIgnoreCase("UTC") ? ZoneOffset.UTC : ZoneId.of(t.getTimeZone());
            return LocalDateTime.parse(t.getDateTime()).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return 0;
        }
    }
}
