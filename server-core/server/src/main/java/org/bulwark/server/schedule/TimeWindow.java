package org.bulwark.server.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily time window {@code HH:MM-HH:MM} in UTC: from its start (included) to its end (excluded);
 * an end before the start crosses midnight ({@code 22:00-06:00} is open from 22:00 to 06:00 the
 * next morning). A window opening and closing at the same time is refused as ambiguous.
 */
public record TimeWindow(LocalTime start, LocalTime end) {
    private static final Pattern FORM = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)-([01]?\\d|2[0-3]):([0-5]\\d)");

    public TimeWindow {
        if (start.equals(end)) {
            throw new ScheduleException("The window " + start + "-" + end + " opens and closes at the same time");
        }
    }

    /** Parses {@code HH:MM-HH:MM}; {@link ScheduleException} says what is wrong. */
    public static TimeWindow parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new ScheduleException("'" + text + "' is not a window HH:MM-HH:MM (such as 22:00-06:00)");
        }
        return new TimeWindow(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    }

    /** Whether the window is open at {@code t}. */
    public boolean contains(Instant t) {
        LocalTime time = LocalTime.ofInstant(t, ZoneOffset.UTC);
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code t} when the window is open then, else the next time it opens. */
    public Instant openAt(Instant t) {
        if (contains(t)) {
            return t;
        }
        LocalDateTime at = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        LocalDateTime opens = at.toLocalDate().atTime(start);
        return (opens.isBefore(at) ? opens.plusDays(1) : opens).toInstant(ZoneOffset.UTC);
    }

    /** When the window open at {@code t} closes; {@code t} itself when it is closed then. */
    public Instant closesAfter(Instant t) {
        if (!contains(t)) {
            return t;
        }
        LocalDateTime at = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        LocalDate day = at.toLocalDate();
        LocalDateTime closes = day.atTime(end);
        return (closes.isAfter(at) ? closes : closes.plusDays(1)).toInstant(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
