package dev.levy.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The progress line of a batch on a terminal: lines done, lines per second and, when the input's size is known, the
 * time left. Redrawn in place on stderr at most twice a second; silent when stderr is not a terminal.
 */
final class Progress {
    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long size;
    private final LongSupplier position;
    private final long start = System.nanoTime();
    private long lastDrawn = start;
    private boolean drawn;

    /**
     * @param size     characters in the input, or -1 when unknown (standard input)
     * @param position characters read so far
     */
    Progress(PrintWriter err, boolean enabled, long size, LongSupplier position) {
        this.err = err;
        this.enabled = enabled;
        this.size = size;
        this.position = position;
    }

    void lineDone(long done) {
        if (!enabled || (done & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawn < EVERY_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - start) / 1e9;
        String line = String.format("\r%,d lines, %,.0f lines/s", done, done / seconds);
        long at = position.getAsLong();
        if (size > 0 && at > 0) {
            double left = seconds * (size - at) / at;
            line += String.format(", %.0f%%, ETA %d:%02d", 100.0 * at / size, (long) left / 60, (long) left % 60);
        }
        err.print(line + "   ");
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
