package org.bulwark.api;

/**
 * How long restore points are kept: a restore point stays while it is among the newest
 * {@code keepLast} of its VM or younger than {@code keepDays} days (0 turns a rule off).
 */
public record Retention(int keepLast, int keepDays) {
}
