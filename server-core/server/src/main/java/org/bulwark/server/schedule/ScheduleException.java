package org.bulwark.server.schedule;

/** A schedule expression that cannot be used; the message says why, in terms an operator understands. */
public final class ScheduleException extends RuntimeException {
    public ScheduleException(String message) {
        super(message);
    }
}
