package org.bulwark.repository;

import java.time.Duration;

/**
 * Which backups prune keeps, per label: the newest {@code keepLast}, and every backup younger
 * than {@code keepWithin}. A backup kept by either rule stays.
 *
 * @param keepLast   how many newest backups to keep per label (0: rule off)
 * @param keepWithin age below which backups are kept (null: rule off)
 * @param label      apply only to this label (null: every label)
 */
public record RetentionPolicy(int keepLast, Duration keepWithin, String label) {
    public RetentionPolicy {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must not be negative");
        }
    }
}
