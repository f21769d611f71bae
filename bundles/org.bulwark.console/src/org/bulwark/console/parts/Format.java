package org.bulwark.console.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes values in tables and dialogs. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Format() {
    }

    /** Local date and time, or empty when there is none. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The value's text, or empty for {@code null}. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A percentage, e.g. {@code 40 %}. */
    public static String percent(int value) {
        return value + " %";
    }
}
