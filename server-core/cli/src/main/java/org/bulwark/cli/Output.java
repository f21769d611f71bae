package org.bulwark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Prints results as aligned text tables for people, or as JSON ({@code --json}) for scripts. */
public final class Output {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final boolean json;

    /** A column of a table: its heading and how a row's value is shown. */
    public record Column<T>(String heading, Function<T, Object> value) {
    }

    public Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** Prints {@code value} as JSON in JSON mode, else {@code text}. */
    public void print(Object value, String text) {
        out.println(json ? toJson(value) : text);
    }

    /** Prints rows as a table (JSON: the list itself). */
    @SafeVarargs
    public final <T> void table(List<T> rows, Column<T>... columns) {
        if (json) {
            out.println(toJson(rows));
            return;
        }
        List<String[]> lines = new ArrayList<>();
        String[] headings = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            headings[c] = columns[c].heading();
        }
        lines.add(headings);
        for (T row : rows) {
            String[] cells = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                cells[c] = text(columns[c].value().apply(row));
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                text.append(c == line.length - 1 ? line[c] : String.format("%-" + widths[c] + "s  ", line[c]));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** JSON text of a value (records, lists, instants as ISO-8601). */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A cell's text: instants in local time, nothing as {@code -}. */
    static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant);
        }
        String text = value.toString();
        return text.isBlank() ? "-" : text.replace('\n', ' ');
    }
}
