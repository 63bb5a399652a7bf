package dev.levy.io;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads lines of at most {@code limit} characters from a {@link BufferedReader}: a longer line is skipped to its end
 * without being held in memory, and reported by its length only. Reads in growing chunks under a mark, so that the
 * reader is never read past the end of the line.
 */
final class LineReader {
    /** A line: its text, or null when it was longer than the limit ({@code length} says how long). */
    record Line(String text, long length) {
        boolean tooLong() {
            return text == null;
        }
    }

    private static final int FIRST_CHUNK = 512;
    private static final int MAX_CHUNK = 1 << 15;

    private final BufferedReader reader;
    private final int limit;
    private char[] chunk = new char[FIRST_CHUNK];

    LineReader(BufferedReader reader, int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    /** The next line without its line break, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        int size = FIRST_CHUNK;
        while (true) {
            if (chunk.length < size) {
                chunk = new char[size];
            }
            reader.mark(size);
            int n = reader.read(chunk, 0, size);
            if (n < 0) {
                return length == 0 ? null : line(text, length);
            }
            int nl = indexOfNewline(n);
            int take = nl < 0 ? n : nl;
            if (nl >= 0) {
                reader.reset();
                reader.skip(nl + 1L);
            }
            if (text != null && length + take <= limit) {
                text.append(chunk, 0, take);
            } else {
                text = null; // too long: keep counting, stop keeping
            }
            length += take;
            if (nl >= 0) {
                return line(text, length);
            }
            size = Math.min(MAX_CHUNK, size * 2);
        }
    }

    private int indexOfNewline(int n) {
        for (int i = 0; i < n; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Line line(StringBuilder text, long length) {
        if (text == null) {
            return new Line(null, length);
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(text.substring(0, end), length);
    }
}
