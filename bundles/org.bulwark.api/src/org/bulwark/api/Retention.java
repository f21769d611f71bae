package org.bulwark.api;

/**
 * How long restore points are kept; a point stays while any rule keeps it (0 turns a rule off):
 * <ul>
 * <li>{@code keepLast}: the newest N restore points of a VM;</li>
 * <li>{@code keepDays}: those younger than D days;</li>
 * <li>{@code keepDaily}, {@code keepWeekly}, {@code keepMonthly}, {@code keepYearly}
 * (grandfather-father-son): for the newest N days (ISO weeks, months, years; UTC) that have restore
 * points, the newest point of each.</li>
 * </ul>
 * With every rule off everything stays; the newest restore point of a VM always stays. Every restore
 * point restores on its own (an incremental's repository manifest lists the whole disk), so a kept
 * incremental never holds back the full it was taken after.
 */
public record Retention(int keepLast, int keepDays, int keepDaily, int keepWeekly, int keepMonthly, int keepYearly) {

    /** Keep-last and keep-days only, as before the GFS rules. */
    public Retention(int keepLast, int keepDays) {
        this(keepLast, keepDays, 0, 0, 0, 0);
    }

    /** Whether every rule is off (nothing expires). */
    public boolean keepsAll() {
        return keepLast == 0 && keepDays == 0 && keepDaily == 0 && keepWeekly == 0 && keepMonthly == 0 && keepYearly == 0;
    }
}
