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
 */
public record ScheduleExpression(String text, CronExpression cron) {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern DAYS = Pattern.compile("(?i)(MON|TUE|WED|THU|FRI|SAT|SUN)(,(MON|TUE|WED|THU|FRI|SAT|SUN))*");

    /** Parses an expression; {@link ScheduleException} says what is wrong. */
    public static ScheduleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScheduleException("A schedule expression is required");
        }
        String trimmed = text.trim();
        String[] words = trimmed.split("\\s+");
        String kind = words[0].toLowerCase(Locale.ROOT);
        String cron = switch (kind) {
            case "daily" -> {
                expect(words, 2, "daily HH:MM");
                yield time(words[1], trimmed) + " * * *";
            }
            case "weekly" -> {
                expect(words, 3, "weekly MON[,TUE...] HH:MM");
                if (!DAYS.matcher(words[1]).matches()) {
                    throw new ScheduleException("'" + words[1] + "' in '" + trimmed
                            + "' is not a list of days such as MON or MON,THU");
                }
                yield time(words[2], trimmed) + " * * " + words[1].toUpperCase(Locale.ROOT);
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
                    throw new ScheduleException("'" + words[1] + "' in '" + trimmed + "' is not a day of the month (1-31)");
                }
                yield time(words[2], trimmed) + " " + day + " * *";
            }
            default -> trimmed;
        };
        return new ScheduleExpression(trimmed, CronExpression.parse(cron));
    }

    /** The next run strictly after {@code after}. */
    public Instant next(Instant after) {
        return cron.next(after);
    }

    /** The next {@code count} runs after {@code after}. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> runs = new ArrayList<>();
        Instant t = after;
        while (runs.size() < count && (t = cron.next(t)) != null) {
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
