package org.bulwark.server.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Next run times of cron and friendly schedule expressions (UTC), and the errors of wrong ones. */
class ScheduleExpressionTest {
    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2026-01-14T10:17:30Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "* * * * *            | 2026-01-14T10:18:00Z",
        "*/15 * * * *         | 2026-01-14T10:30:00Z",
        "0 2 * * *            | 2026-01-15T02:00:00Z",
        "30 10-12 * * *       | 2026-01-14T10:30:00Z",
        "0 0 1 * *            | 2026-02-01T00:00:00Z",
        "0 3 * * SUN          | 2026-01-18T03:00:00Z",
        "0 3 * * 7            | 2026-01-18T03:00:00Z",
        "0 3 * * mon-fri      | 2026-01-15T03:00:00Z",
        "0 0 29 2 *           | 2028-02-29T00:00:00Z",
        "0 12 13 * FRI        | 2026-01-16T12:00:00Z",
        "5,10 11 * JAN,MAR *  | 2026-01-14T11:05:00Z",
        "daily 02:30          | 2026-01-15T02:30:00Z",
        "daily 10:18          | 2026-01-14T10:18:00Z",
        "weekly MON,THU 23:00 | 2026-01-15T23:00:00Z",
        "monthly 31 01:00     | 2026-01-31T01:00:00Z",
    })
    void nextRun(String expression, String next) {
        assertEquals(Instant.parse(next), ScheduleExpression.parse(expression).next(NOW));
    }

    @Test
    void monthlyOnThe31stSkipsShortMonthsAndRunsFollowInOrder() {
        assertEquals(List.of(Instant.parse("2026-01-31T01:00:00Z"), Instant.parse("2026-03-31T01:00:00Z"),
                        Instant.parse("2026-05-31T01:00:00Z")),
                ScheduleExpression.parse("monthly 31 01:00").next(NOW, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "* * * *          | A cron expression has 5 fields (minute hour day-of-month month day-of-week), '* * * *' has 4",
        "60 * * * *       | The minute '60' is out of range: 60 is not within 0-59",
        "* 24 * * *       | The hour '24' is out of range: 24 is not within 0-23",
        "* * 0 * *        | The day of month '0' is out of range: 0 is not within 1-31",
        "* * * FOO *      | The month field has 'FOO': 'FOO' is not a number nor a name such as JAN",
        "* * * * 1-x      | The day of week field has '1-x': 'x' is not a number nor a name such as SUN",
        "5-2 * * * *      | The minute range '5-2' runs backwards",
        "0 0 30 2 *       | The cron expression '0 0 30 2 *' never fires",
        "daily 25:00      | '25:00' in 'daily 25:00' is not a time HH:MM (00:00-23:59)",
        "weekly XYZ 02:00 | 'XYZ' in 'weekly XYZ 02:00' is not a list of days such as MON or MON,THU",
        "monthly 0 02:00  | '0' in 'monthly 0 02:00' is not a day of the month (1-31)",
        "daily            | 'daily' does not have the form 'daily HH:MM'",
    })
    void wrongExpressionsSayWhatIsWrong(String expression, String message) {
        assertEquals(message, assertThrows(ScheduleException.class, () -> ScheduleExpression.parse(expression)).getMessage());
    }
}
