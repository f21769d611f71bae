package org.bulwark.node;

/** Reads the whole numbers of settings and task parameters, with a clear error when out of range. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * @param what how the value is named in the error message
     * @param text the value, or null for {@code fallback}
     * @throws IllegalArgumentException when {@code text} is not a whole number from {@code min} to {@code max}
     */
    public static int parse(String what, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }
}
