package org.bulwark.server.soap;

/** Text forms of values that JAXB does not bind by itself. */
final class SoapTypes {
    private SoapTypes() {
    }

    /** ISO-8601 for instants, the canonical form for UUIDs; {@code null} stays {@code null}. */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
