package org.bulwark.server.restorepoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Retention;

/**
 * Which restore points of one VM (or other protected object) a retention expires: a point stays while it is among the newest
 * {@code keepLast} or younger than {@code keepDays} days. A retention with both rules off keeps
 * everything, and the newest restore point always stays.
 */
public final class RetentionRule {
    private RetentionRule() {
    }

    /** The points to expire, from a VM's restore points ordered newest first. */
    public static List<RestorePoint> expired(List<RestorePoint> newestFirst, Retention retention, Instant now) {
        return expired(newestFirst, RestorePoint::createdAt, retention, now);
    }

    /** The points to expire, from the restore points of one protected object ordered newest first. */
    public static <P> List<P> expired(List<P> newestFirst, Function<P, Instant> createdAt, Retention retention, Instant now) {
        List<P> expired = new ArrayList<>();
        if (retention.keepLast() == 0 && retention.keepDays() == 0) {
            return expired;
        }
        Instant cutoff = now.minus(Duration.ofDays(retention.keepDays()));
        for (int i = 1; i < newestFirst.size(); i++) {
            P point = newestFirst.get(i);
            boolean byCount = i < retention.keepLast();
            boolean byAge = retention.keepDays() > 0 && createdAt.apply(point).isAfter(cutoff);
            if (!byCount && !byAge) {
                expired.add(point);
            }
        }
        return expired;
    }
}
