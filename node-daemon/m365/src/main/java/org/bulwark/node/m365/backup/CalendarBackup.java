package org.bulwark.node.m365.backup;

import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.CalendarCollectionResponse;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendars.item.events.delta.DeltaGetResponse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backs up users' calendars: the calendars of each user (listed in full every run: Graph has no
 * calendar delta), and per calendar its events (delta per calendar, times asked for in UTC), each
 * stored as its Graph JSON; {@code .ics} is made from it on export.
 */
final class CalendarBackup extends ServiceBackup {

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
        Set<String> seen = new HashSet<>();
        for (Calendar c : all) {
            seen.add(c.getId());
            upsertContainer(user, Kinds.CALENDAR, c.getId(), "", c.getName(), 0);
        }
        for (ItemVersion gone : store.liveUnder(user, Kinds.CALENDAR, null)) {
            if (!seen.contains(gone.id())) {
                containerRemoved(user, Kinds.CALENDAR, gone.id(), Kinds.EVENT, "events");
            }
        }
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
                    storedJson(e, user, Kinds.EVENT, e.getId(), calendar, nz(e.getSubject()), organizer, start(e.getStart()),
                            e.getChangeKey());
                }, () -> tombstoneUnseen(user, Kinds.EVENT, calendar, seen));
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
