package org.bulwark.server.restorepoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Retention;
import org.bulwark.server.errors.Errors;

/**
 * Which restore points of one VM (or other protected object) a retention expires. A point stays
 * while any rule keeps it: it is among the newest {@code keepLast}; it is younger than
 * {@code keepDays} days; or it is the newest point of one of the newest {@code keepDaily} days
 * (likewise ISO weeks, months, years; UTC, as schedules) that have points. A retention with every
 * rule off keeps everything, and the newest restore point always stays.
 *
 * <p>Kinds are not looked at: every backup's manifest in the repository lists its whole disk (an
 * incremental takes the blocks it did not read from its parent's manifest at backup time), so an
 * incremental restores on its own after the full it followed is forgotten; and the next incremental
 * starts from the newest point's checkpoint, which always stays (FORGET keeps any checkpoint a
 * remaining point was taken with).
 */
public final class RetentionRule {
    private RetentionRule() {
    }

    /** A policy's retention as asked for: none keeps everything; a negative count is a 400 naming the rules. */
    public static Retention validated(Retention asked) {
        Retention retention = asked == null ? new Retention(0, 0) : asked;
        if (retention.keepLast() < 0 || retention.keepDays() < 0 || retention.keepDaily() < 0 || retention.keepWeekly() < 0
                || retention.keepMonthly() < 0 || retention.keepYearly() < 0) {
            throw Errors.badRequest("retention keepLast, keepDays, keepDaily, keepWeekly, keepMonthly and keepYearly"
                    + " must not be negative");
        }
        return retention;
    }

    /** The points to expire, from a VM's restore points ordered newest first. */
    public static List<RestorePoint> expired(List<RestorePoint> newestFirst, Retention retention, Instant now) {
        return expired(newestFirst, RestorePoint::createdAt, retention, now);
    }

    /** The points to expire, from the restore points of one protected object ordered newest first. */
    public static <P> List<P> expired(List<P> newestFirst, Function<P, Instant> createdAt, Retention retention, Instant now) {
        List<P> expired = new ArrayList<>();
        if (retention.keepsAll()) {
            return expired;
        }
        Instant cutoff = now.minus(Duration.ofDays(retention.keepDays()));
        List<Period> periods = List.of(
                new Period(retention.keepDaily(), day -> day),
                new Period(retention.keepWeekly(), day -> day.get(IsoFields.WEEK_BASED_YEAR) * 100
                        + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                new Period(retention.keepMonthly(), day -> day.getYear() * 100 + day.getMonthValue()),
                new Period(retention.keepYearly(), LocalDate::getYear));
        for (int i = 0; i < newestFirst.size(); i++) {
            P point = newestFirst.get(i);
            Instant created = createdAt.apply(point);
            LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
            boolean kept = i == 0 || i < retention.keepLast()
                    || retention.keepDays() > 0 && created.isAfter(cutoff);
            for (Period period : periods) {
                kept |= period.keeps(day);
            }
            if (!kept) {
                expired.add(point);
            }
        }
        return expired;
    }

    /** One GFS rule: keeps the first (newest) point of each of the first {@code count} periods it sees. */
    private static final class Period {
        private final int count;
        private final Function<LocalDate, Object> key;
        private final Set<Object> seen = new HashSet<>();

        Period(int count, Function<LocalDate, Object> key) {
            this.count = count;
            this.key = key;
        }

        /** Whether this point opens a period still within the count; every point must be shown, newest first. */
        boolean keeps(LocalDate day) {
            if (count <= 0) {
                return false;
            }
            Object period = key.apply(day);
            if (seen.contains(period) || seen.size() >= count) {
                return false;
            }
            seen.add(period);
            return true;
        }
    }
}
