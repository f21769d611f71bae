package org.bulwark.node.m365.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the content lines shared by iCalendar (RFC 5545) and vCard (RFC 2426): {@code NAME;PARAMS:value}
 * with CRLF endings, folded at 75 octets (never inside a UTF-8 sequence), and text values escaped.
 */
final class ContentLines {

    private static final int FOLD = 75;
    private final OutputStream out;

    ContentLines(OutputStream out) {
        this.out = out;
    }

    /** A line whose value is text: backslash, semicolon, comma and newlines escaped. Nothing when the text is null or blank. */
    ContentLines text(String name, String text) throws IOException {
        if (text != null && !text.isBlank()) {
            raw(name, escape(text));
        }
        return this;
    }

    /**
     * A line whose value is written as given (dates, addresses, structured values already escaped);
     * control characters become spaces, so that no value from a backup can start a line of its own.
     */
    ContentLines raw(String name, String value) throws IOException {
        byte[] line = (name + ":" + value).replaceAll("\\p{Cntrl}", " ").getBytes(StandardCharsets.UTF_8);
        int pos = 0;
        int width = FOLD;
        while (line.length - pos > width) {
            int cut = pos + width;
            while ((line[cut] & 0xC0) == 0x80) {
                cut--;
            }
            out.write(line, pos, cut - pos);
            out.write(new byte[]{'\r', '\n', ' '});
            pos = cut;
            width = FOLD - 1;
        }
        out.write(line, pos, line.length - pos);
        out.write(new byte[]{'\r', '\n'});
        return this;
    }

    /** Escapes a text value (also a component of a structured value such as N or ADR). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }
}
