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

/** Retention keeps the newest N and those younger than D days; the newest always stays. */
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
}
