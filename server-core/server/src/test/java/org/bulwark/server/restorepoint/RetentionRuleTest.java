package org.bulwark.server.restorepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Retention;
import org.junit.jupiter.api.Test;

/**
 * Retention keeps the newest N, those younger than D days and the newest of each of the newest
 * daily/weekly/monthly/yearly periods (GFS); the union of the rules stays, the newest always stays.
 */
class RetentionRuleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Restore points one per day, newest (age 0 days) first. */
    private static List<RestorePoint> daily(int count) {
        List<RestorePoint> points = new ArrayList<>();
        for (int age = 0; age < count; age++) {
            points.add(new RestorePoint("rp" + age, UUID.randomUUID(), "vm", NOW.minus(Duration.ofDays(age).plusMinutes(1)),
                    "FULL", 0, 0, 0, null, null, "/d", null, UUID.randomUUID()));
        }
        return points;
    }

    private static List<String> expired(int count, int keepLast, int keepDays) {
        return RetentionRule.expired(daily(count), new Retention(keepLast, keepDays), NOW).stream()
                .map(RestorePoint::id).toList();
    }

    @Test
    void keepsByCountByAgeOrByEither() {
        assertEquals(List.of("rp3", "rp4"), expired(5, 3, 0));
        assertEquals(List.of("rp2", "rp3", "rp4"), expired(5, 0, 2), "rp1 is 1 day old, rp2 2 days and a minute");
        assertEquals(List.of("rp4"), expired(5, 2, 4), "a point stays when either rule keeps it");
        assertEquals(List.of(), expired(5, 0, 0), "no rule: everything stays");
        List<RestorePoint> old = daily(12).subList(10, 12);
        assertEquals(List.of("rp11"), RetentionRule.expired(old, new Retention(0, 1), NOW).stream().map(RestorePoint::id)
                .toList(), "the newest (rp10) stays even when older than the age limit");
    }

    /** Points at the given UTC times, in the order given (newest first), named by their time. */
    private static List<RestorePoint> at(String... times) {
        List<RestorePoint> points = new ArrayList<>();
        for (String time : times) {
            points.add(new RestorePoint(time, UUID.randomUUID(), "vm", Instant.parse(time), "INCREMENTAL", 0, 0, 0, null,
                    null, "/d", null, UUID.randomUUID()));
        }
        return points;
    }

    private static List<String> kept(List<RestorePoint> points, Retention retention) {
        List<RestorePoint> expired = RetentionRule.expired(points, retention, NOW);
        return points.stream().filter(p -> !expired.contains(p)).map(RestorePoint::id).toList();
    }

    /** Every 6 hours for 400 days before NOW, newest first. */
    private static List<RestorePoint> everySixHours() {
        List<RestorePoint> points = new ArrayList<>();
        for (Instant t = Instant.parse("2026-03-01T06:00:00Z"); t.isAfter(NOW.minus(Duration.ofDays(400)));
             t = t.minus(Duration.ofHours(6))) {
            points.add(new RestorePoint(t.toString(), UUID.randomUUID(), "vm", t, "INCREMENTAL", 0, 0, 0, null, null, "/d",
                    null, UUID.randomUUID()));
        }
        return points;
    }

    @Test
    void dailyKeepsTheNewestPointOfEachOfTheNewestDaysThatHavePoints() {
        List<RestorePoint> points = at("2026-03-01T06:00:00Z", "2026-03-01T00:00:00Z", "2026-02-28T23:59:59Z",
                "2026-02-28T01:00:00Z", "2026-02-25T12:00:00Z", "2026-02-25T11:00:00Z", "2026-02-20T12:00:00Z");
        assertEquals(List.of("2026-03-01T06:00:00Z", "2026-02-28T23:59:59Z", "2026-02-25T12:00:00Z"),
                kept(points, new Retention(0, 0, 3, 0, 0, 0)),
                "days without points do not count: the third day kept is 25 February, midnight UTC splits days");
        assertEquals(List.of("2026-03-01T06:00:00Z", "2026-03-01T00:00:00Z", "2026-02-28T23:59:59Z", "2026-02-25T12:00:00Z",
                        "2026-02-20T12:00:00Z"), kept(points, new Retention(2, 0, 5, 0, 0, 0)),
                "union with keep-last 2: the two newest stay, and one per day for five days");
    }

    @Test
    void weeksAreIsoWeeksMonthsAndYearsAreCalendarOnesInUtc() {
        // 2026-01-04 is a Sunday (ISO week 2026-W01 ends), 2026-01-05 a Monday (W02); 2025-12-29 is in 2026-W01
        List<RestorePoint> points = at("2026-01-05T10:00:00Z", "2026-01-04T23:00:00Z", "2026-01-01T10:00:00Z",
                "2025-12-29T10:00:00Z", "2025-12-28T10:00:00Z", "2025-12-01T00:00:00Z", "2025-11-30T23:59:59Z",
                "2024-06-01T00:00:00Z");
        assertEquals(List.of("2026-01-05T10:00:00Z", "2026-01-04T23:00:00Z", "2025-12-28T10:00:00Z"),
                kept(points, new Retention(0, 0, 0, 3, 0, 0)),
                "weekly: W02, W01 (its newest is Sunday 4 January; 29 December 2025 belongs to it too), 2025-W52");
        assertEquals(List.of("2026-01-05T10:00:00Z", "2025-12-29T10:00:00Z", "2025-11-30T23:59:59Z"),
                kept(points, new Retention(0, 0, 0, 0, 3, 0)), "monthly: January, December, November");
        assertEquals(List.of("2026-01-05T10:00:00Z", "2025-12-29T10:00:00Z", "2024-06-01T00:00:00Z"),
                kept(points, new Retention(0, 0, 0, 0, 0, 5)), "yearly: 2026, 2025, 2024 (five asked, three exist)");
    }

    @Test
    void gfsRulesKeepTheirUnionOverAYearOfPoints() {
        List<RestorePoint> points = everySixHours();
        List<String> kept = kept(points, new Retention(0, 0, 7, 4, 12, 2));
        // daily: 1 Mar .. 23 Feb (newest of each); weekly: W09 (1 Mar is a Sunday) .. W06; monthly: Mar 2026 .. Apr 2025;
        // yearly: 2026 (1 Mar), 2025 (31 Dec 18:00)
        List<String> expected = List.of("2026-03-01T06:00:00Z", "2026-02-28T18:00:00Z", "2026-02-27T18:00:00Z",
                "2026-02-26T18:00:00Z", "2026-02-25T18:00:00Z", "2026-02-24T18:00:00Z", "2026-02-23T18:00:00Z",
                "2026-02-22T18:00:00Z", "2026-02-15T18:00:00Z", "2026-02-08T18:00:00Z", "2026-01-31T18:00:00Z",
                "2025-12-31T18:00:00Z", "2025-11-30T18:00:00Z", "2025-10-31T18:00:00Z", "2025-09-30T18:00:00Z",
                "2025-08-31T18:00:00Z", "2025-07-31T18:00:00Z", "2025-06-30T18:00:00Z", "2025-05-31T18:00:00Z",
                "2025-04-30T18:00:00Z");
        assertEquals(expected, kept);
        assertEquals(points.size() - expected.size(), RetentionRule.expired(points, new Retention(0, 0, 7, 4, 12, 2), NOW)
                .size(), "everything else expires");
    }

    @Test
    void gfsCombinesWithAgeAndCountAndTheNewestAlwaysStays() {
        List<RestorePoint> points = everySixHours();
        List<String> kept = kept(points, new Retention(3, 1, 2, 0, 0, 0));
        // keep-days 1: newer than 28 Feb 12:00 (1 Mar 06:00, 00:00, 28 Feb 18:00); keep-last 3: the same three;
        // daily 2: 1 Mar 06:00 and 28 Feb 18:00
        assertEquals(List.of("2026-03-01T06:00:00Z", "2026-03-01T00:00:00Z", "2026-02-28T18:00:00Z"), kept);
        List<RestorePoint> old = at("2025-01-01T00:00:00Z", "2024-12-31T00:00:00Z");
        assertEquals(List.of("2025-01-01T00:00:00Z"), kept(old, new Retention(0, 1, 0, 0, 0, 0)),
                "the newest stays although too old, the other goes");
        assertEquals(List.of("2025-01-01T00:00:00Z", "2024-12-31T00:00:00Z"), kept(old, new Retention(0, 0, 0, 0, 0, 0)),
                "every rule off: nothing expires");
        assertEquals(List.of(), RetentionRule.expired(List.<RestorePoint>of(), new Retention(0, 0, 1, 1, 1, 1), NOW));
    }

    @Test
    void kindsDoNotMatterEveryPointRestoresOnItsOwn() {
        List<RestorePoint> points = new ArrayList<>(at("2026-02-28T10:00:00Z", "2026-02-27T10:00:00Z"));
        points.add(new RestorePoint("full", UUID.randomUUID(), "vm", Instant.parse("2026-02-26T10:00:00Z"), "FULL", 0, 0, 0,
                null, null, "/d", null, UUID.randomUUID()));
        assertEquals(List.of("2026-02-28T10:00:00Z", "2026-02-27T10:00:00Z"), kept(points, new Retention(0, 0, 2, 0, 0, 0)),
                "the full the kept incrementals followed expires: each incremental's manifest lists the whole disk");
    }
}
