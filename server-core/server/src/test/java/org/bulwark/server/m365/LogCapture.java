package org.bulwark.server.m365;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Every log line of this JVM (server and node) while installed, formatted, for checks that a secret is in none. */
final class LogCapture extends Handler {
    private final SimpleFormatter format = new SimpleFormatter();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    /** Starts capturing at the root logger. */
    static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The lines captured so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
