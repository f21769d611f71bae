package org.bulwark.server.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) in UTC: each
 * field is {@code *}, a value, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a comma
 * list of those; months and days of week also by name ({@code JAN}, {@code MON}); day of week 0 and 7
 * are Sunday. As in cron, when both day fields are restricted a day matching either one fires.
 */
public final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Far enough to find 29 February of the next leap year; beyond that nothing ever fires. */
    private static final int MAX_DAYS = 366 * 8;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        minutes = field(fields[0], "minute", 0, 59, List.of());
        hours = field(fields[1], "hour", 0, 23, List.of());
        daysOfMonth = field(fields[2], "day of month", 1, 31, List.of());
        months = field(fields[3], "month", 1, 12, MONTHS);
        BitSet dow = field(fields[4], "day of week", 0, 7, DAYS);
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        anyDayOfMonth = fields[2].equals("*");
        anyDayOfWeek = fields[4].equals("*");
    }

    /** Parses an expression; {@link ScheduleException} says which field is wrong and why. */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScheduleException("A cron expression is required");
        }
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 5) {
            throw new ScheduleException("A cron expression has 5 fields (minute hour day-of-month month day-of-week), '"
                    + text.trim() + "' has " + fields.length);
        }
        CronExpression cron = new CronExpression(text.trim(), fields);
        if (cron.next(Instant.EPOCH) == null) {
            throw new ScheduleException("The cron expression '" + cron.text + "' never fires");
        }
        return cron;
    }

    /** The first time strictly after {@code after} (whole minutes, UTC) at which the expression fires, or {@code null}. */
    public Instant next(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            int startMinute = day.equals(t.toLocalDate()) ? t.getHour() * 60 + t.getMinute() : 0;
            for (int m = startMinute; m < 24 * 60; m++) {
                if (hours.get(m / 60) && minutes.get(m % 60)) {
                    return ZonedDateTime.of(day.atTime(m / 60, m % 60), ZoneOffset.UTC).toInstant();
                }
            }
        }
        return null;
    }

    private boolean matchesDay(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private static BitSet field(String field, String name, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, 1, max, List.of(), part);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(range.substring(0, range.indexOf('-')), name, min, max, names, part);
                to = number(range.substring(range.indexOf('-') + 1), name, min, max, names, part);
                if (from > to) {
                    throw new ScheduleException("The " + name + " range '" + part + "' runs backwards");
                }
            } else {
                from = number(range, name, min, max, names, part);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String text, String name, int min, int max, List<String> names, String part) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return index + min;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
            throw new ScheduleException("The " + name + " '" + part + "' is out of range: " + value + " is not within "
                    + min + "-" + max);
        } catch (NumberFormatException e) {
            throw new ScheduleException("The " + name + " field has '" + part + "': '" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " nor a name such as " + names.getFirst()));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
