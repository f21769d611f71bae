package org.bulwark.repository.cli;

import java.io.PrintStream;
import org.bulwark.repository.ProgressListener;

/** Prints "phase done / total, rate, ETA" on one line of standard error, at most once a second. */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long last;
    private boolean printed;

    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void update(String phase, long done, long total) {
        long now = System.nanoTime();
        if (now - last < (terminal ? 1_000_000_000L : 5_000_000_000L)) {
            return;
        }
        last = now;
        err.print((terminal ? "\r" : "") + line(phase, done, total, (now - start) / 1e9) + (terminal ? "   " : "\n"));
        err.flush();
        printed = true;
    }

    /** Ends the progress line. */
    void finish() {
        if (printed && terminal) {
            err.println();
        }
    }

    static String line(String phase, long done, long total, double seconds) {
        boolean bytes = !phase.equals("verify") && !phase.equals("prune");
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder(phase).append("  ").append(bytes ? size(done) : Long.toString(done));
        if (total >= 0) {
            sb.append(" / ").append(bytes ? size(total) : total + (phase.equals("verify") ? " chunks" : ""));
        }
        sb.append("  ").append(bytes ? size((long) rate) + "/s" : String.format("%.0f/s", rate));
        if (total > 0 && rate > 0 && done <= total) {
            long eta = (long) ((total - done) / rate);
            sb.append(String.format("  ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
        }
        return sb.toString();
    }

    static String size(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.2f %s", v, units[u]);
    }
}
