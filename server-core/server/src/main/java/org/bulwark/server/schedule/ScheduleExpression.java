package org.bulwark.server.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule as operators write it: {@code daily HH:MM}, {@code weekly MON[,TUE...] HH:MM},
 * {@code monthly D HH:MM} (months without day D are skipped) or a five-field {@link CronExpression};
 * times are UTC. The friendly forms are translated into cron, so one engine computes every next run.
 * Any form may end in {@code window HH:MM-HH:MM} ({@link TimeWindow}): a run the cron part places
 * outside the window moves to the window's next opening, so several such runs become one.
 *
 * @param window the window runs are confined to, {@code null} for none
 */
public record ScheduleExpression(String text, CronExpression cron, TimeWindow window) {
    private static final Pattern WINDOW = Pattern.compile("(?i)^(.*?)\\s+window(?:\\s+(.*))?$");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern DAYS = Pattern.compile("(?i)(MON|TUE|WED|THU|FRI|SAT|SUN)(,(MON|TUE|WED|THU|FRI|SAT|SUN))*");

    /** Parses an expression; {@link ScheduleException} says what is wrong. */
    public static ScheduleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScheduleException("A schedule expression is required");
        }
        String trimmed = text.trim();
        TimeWindow window = null;
        String when = trimmed;
        Matcher windowed = WINDOW.matcher(trimmed);
        if (windowed.matches()) {
            if (windowed.group(2) == null || windowed.group(2).isBlank()) {
                throw new ScheduleException("'" + trimmed + "' names no window: end it in 'window HH:MM-HH:MM'");
            }
            window = TimeWindow.parse(windowed.group(2));
            when = windowed.group(1).trim();
        } else if (trimmed.toLowerCase(Locale.ROOT).startsWith("window")) {
            throw new ScheduleException("'" + trimmed + "' has a window but no schedule before it");
        }
        String[] words = when.split("\\s+");
        String kind = words[0].toLowerCase(Locale.ROOT);
        String cron = switch (kind) {
            case "daily" -> {
                expect(words, 2, "daily HH:MM");
                yield time(words[1], when) + " * * *";
            }
            case "weekly" -> {
                expect(words, 3, "weekly MON[,TUE...] HH:MM");
                if (!DAYS.matcher(words[1]).matches()) {
                    throw new ScheduleException("'" + words[1] + "' in '" + when
                            + "' is not a list of days such as MON or MON,THU");
                }
                yield time(words[2], when) + " * * " + words[1].toUpperCase(Locale.ROOT);
            }
            case "monthly" -> {
                expect(words, 3, "monthly D HH:MM");
                int day;
                try {
                    day = Integer.parseInt(words[1]);
                } catch (NumberFormatException e) {
                    day = 0;
                }
                if (day < 1 || day > 31) {
                    throw new ScheduleException("'" + words[1] + "' in '" + when + "' is not a day of the month (1-31)");
                }
                yield time(words[2], when) + " " + day + " * *";
            }
            default -> when;
        };
        return new ScheduleExpression(trimmed, CronExpression.parse(cron), window);
    }

    /** The next run strictly after {@code after}: the cron part's, moved to the window's opening when outside it. */
    public Instant next(Instant after) {
        Instant next = cron.next(after);
        return next == null || window == null ? next : window.openAt(next);
    }

    /**
     * When a run due at {@code now} may start: {@code now} without a window or inside it, else the
     * window's next opening (a run that fell due while the server was down waits for its window).
     */
    public Instant startAt(Instant now) {
        return window == null ? now : window.openAt(now);
    }

    /** The latest time a backup started at {@code now} may still be queued: the window's close, {@code null} without one. */
    public Instant notAfter(Instant now) {
        return window == null ? null : window.closesAfter(now);
    }

    /** The next {@code count} runs after {@code after}, window applied. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> runs = new ArrayList<>();
        Instant t = after;
        while (runs.size() < count && (t = next(t)) != null) {
            runs.add(t);
        }
        return runs;
    }

    private static void expect(String[] words, int count, String form) {
        if (words.length != count) {
            throw new ScheduleException("'" + String.join(" ", words) + "' does not have the form '" + form + "'");
        }
    }

    /** {@code HH:MM} as the cron fields {@code M H}. */
    private static String time(String word, String text) {
        Matcher m = TIME.matcher(word);
        if (!m.matches()) {
            throw new ScheduleException("'" + word + "' in '" + text + "' is not a time HH:MM (00:00-23:59)");
        }
        return Integer.parseInt(m.group(2)) + " " + Integer.parseInt(m.group(1));
    }
}
