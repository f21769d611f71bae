package org.bulwark.server.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schedule time windows (UTC), across midnight too: when runs may start and when queued ones must stop. */
class TimeWindowTest {
    private static Instant at(String time) {
        return Instant.parse(time);
    }

    @ParameterizedTest(name = "{0} at {1}: open {2}")
    @CsvSource(delimiter = '|', value = {
        "22:00-06:00 | 2026-01-14T21:59:59Z | false",
        "22:00-06:00 | 2026-01-14T22:00:00Z | true",
        "22:00-06:00 | 2026-01-14T23:59:00Z | true",
        "22:00-06:00 | 2026-01-15T00:00:00Z | true",
        "22:00-06:00 | 2026-01-15T05:59:59Z | true",
        "22:00-06:00 | 2026-01-15T06:00:00Z | false",
        "01:30-04:00 | 2026-01-15T01:29:00Z | false",
        "01:30-04:00 | 2026-01-15T01:30:00Z | true",
        "01:30-04:00 | 2026-01-15T04:00:00Z | false",
    })
    void openFromItsStartUntilBeforeItsEnd(String window, String time, boolean open) {
        assertEquals(open, TimeWindow.parse(window).contains(at(time)));
    }

    @Test
    void opensAndClosesAcrossMidnight() {
        TimeWindow night = TimeWindow.parse("22:00-06:00");
        assertEquals(at("2026-01-14T22:00:00Z"), night.openAt(at("2026-01-14T12:00:00Z")), "later the same day");
        assertEquals(at("2026-01-15T22:00:00Z"), night.openAt(at("2026-01-15T06:00:00Z")), "just closed: the next evening");
        assertEquals(at("2026-01-15T03:00:00Z"), night.openAt(at("2026-01-15T03:00:00Z")), "open: at once");
        assertEquals(at("2026-01-15T06:00:00Z"), night.closesAfter(at("2026-01-14T23:00:00Z")), "closes the next morning");
        assertEquals(at("2026-01-15T06:00:00Z"), night.closesAfter(at("2026-01-15T05:00:00Z")), "closes the same morning");
        TimeWindow day = TimeWindow.parse("9:00-17:30");
        assertEquals(at("2026-01-16T09:00:00Z"), day.openAt(at("2026-01-15T17:30:00Z")));
        assertEquals(at("2026-01-15T17:30:00Z"), day.closesAfter(at("2026-01-15T09:00:00Z")));
    }

    @Test
    void runsOutsideTheWindowWaitForItsStartAndThePreviewShowsThat() {
        Instant wednesday = at("2026-01-14T10:17:30Z");
        ScheduleExpression evening = ScheduleExpression.parse("daily 20:00 window 22:00-06:00");
        assertEquals(List.of(at("2026-01-14T22:00:00Z"), at("2026-01-15T22:00:00Z")), evening.next(wednesday, 2),
                "20:00 is before the window: each run waits for 22:00");
        ScheduleExpression hourly = ScheduleExpression.parse("0 * * * * window 22:00-02:00");
        assertEquals(List.of(at("2026-01-14T22:00:00Z"), at("2026-01-14T23:00:00Z"), at("2026-01-15T00:00:00Z"),
                        at("2026-01-15T01:00:00Z"), at("2026-01-15T22:00:00Z")), hourly.next(wednesday, 5),
                "hourly runs inside the window only; the runs outside it collapse into its next opening");
        ScheduleExpression inside = ScheduleExpression.parse("daily 23:30 window 22:00-06:00");
        assertEquals(at("2026-01-14T23:30:00Z"), inside.next(wednesday), "a run inside the window is not moved");
        assertEquals(at("2026-01-15T06:00:00Z"), inside.notAfter(at("2026-01-14T23:30:00Z")));
        assertEquals(at("2026-01-14T22:00:00Z"), inside.startAt(at("2026-01-14T07:00:00Z")),
                "a run found due after the window closed (server down) waits for the next opening");
        ScheduleExpression plain = ScheduleExpression.parse("daily 02:30");
        assertNull(plain.window());
        assertNull(plain.notAfter(wednesday));
        assertEquals(wednesday, plain.startAt(wednesday));
        assertTrue(ScheduleExpression.parse("weekly MON,THU 23:00 WINDOW 23:00-01:00").window().contains(
                at("2026-01-15T00:30:00Z")), "'window' in any case");
        assertFalse(evening.window().contains(at("2026-01-14T20:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "daily 20:00 window 22:00      | '22:00' is not a window HH:MM-HH:MM (such as 22:00-06:00)",
        "daily 20:00 window 24:00-06:00 | '24:00-06:00' is not a window HH:MM-HH:MM (such as 22:00-06:00)",
        "daily 20:00 window 22:00-6    | '22:00-6' is not a window HH:MM-HH:MM (such as 22:00-06:00)",
        "daily 20:00 window 06:00-06:00 | The window 06:00-06:00 opens and closes at the same time",
        "daily 20:00 window            | 'daily 20:00 window' names no window: end it in 'window HH:MM-HH:MM'",
        "window 22:00-06:00            | 'window 22:00-06:00' has a window but no schedule before it",
        "daily 25:00 window 22:00-06:00 | '25:00' in 'daily 25:00' is not a time HH:MM (00:00-23:59)",
    })
    void malformedWindowsAreRefusedSayingWhy(String expression, String message) {
        assertEquals(message, assertThrows(ScheduleException.class, () -> ScheduleExpression.parse(expression)).getMessage());
    }
}
