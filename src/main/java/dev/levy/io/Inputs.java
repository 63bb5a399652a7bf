package dev.levy.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.levy.model.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The inputs of {@code levy eval}, read as a stream in constant memory. The mode comes from the start of the input,
 * never from the whole of it: {@code [} is a JSON array (read element by element with Jackson's streaming parser);
 * a first line that is a whole JSON value followed by nothing is one shipment; a first line followed by more is JSON
 * Lines. A document whose first line is not JSON on its own (a pretty-printed object) is read whole if it is smaller
 * than {@value #DETECT_LIMIT} characters. CSV is chosen by the caller, never guessed: JSON input whose first line is a
 * CSV header is refused whole ({@link LooksLikeCsv}), rather than rejected line by line as JSON.
 */
public final class Inputs implements Iterator<Input>, AutoCloseable {
    /** The largest pretty-printed single shipment read as one document; beyond it, the input is JSON Lines. */
    static final int DETECT_LIMIT = 1 << 22;
    /**
     * The longest line (JSON Lines, CSV) or array element read, in characters: a shipment is a few hundred; a longer
     * input is rejected, and a longer line is skipped without being held in memory.
     */
    public static final int MAX_LINE = 1 << 20;

    public enum Format { JSON, CSV }

    /** JSON input whose first line is a CSV header: read as JSON, every line would be rejected. */
    public static final class LooksLikeCsv extends IOException {
        LooksLikeCsv(String header) {
            super("the input looks like CSV (its first line is a header: " + ShipmentReader.clip(header) + ")");
        }
    }

    /** A CSV header: at least two cells, each a field name ({@code hts}, {@code metalContent.steel}), maybe quoted. */
    private static final Pattern CSV_HEADER = Pattern.compile(
            "\\uFEFF?\\s*\"?[A-Za-z_][A-Za-z0-9_.]*\"?\\s*(,\\s*\"?[A-Za-z_][A-Za-z0-9_.]*\"?\\s*)+");

    /** Reads one element of an array: the elements after it are not "trailing tokens". */
    private static final ObjectReader ELEMENT = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BufferedReader reader;
    private final LineReader lines;
    private final Deque<Input> ahead = new ArrayDeque<>();
    private boolean single;
    private JsonParser array;
    private com.fasterxml.jackson.core.JsonStreamContext arrayContext;
    private List<String> csvHeader;
    private long lineNumber;
    private long charsRead;
    private boolean ended;

    private Inputs(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.lines = new LineReader(this.reader, MAX_LINE);
    }

    /**
     * The inputs of {@code reader} in {@code format}.
     *
     * @throws LooksLikeCsv when {@code format} is JSON and the first line is a CSV header (the reader is then closed)
     */
    public static Inputs open(Reader reader, Format format) throws IOException {
        Inputs in = new Inputs(reader);
        if (format == Format.CSV) {
            in.readCsvHeader();
        } else {
            try {
                in.detect();
            } catch (LooksLikeCsv e) {
                in.close();
                throw e;
            }
        }
        return in;
    }

    /** True for a single shipment object (answered by one pretty result), false for a batch. */
    public boolean single() {
        return single;
    }

    /** Characters consumed so far, for progress against the size of a file. */
    public long charsRead() {
        return array != null ? Math.max(charsRead, array.currentLocation().getCharOffset()) : charsRead;
    }

    private void detect() throws IOException {
        reader.mark(DETECT_LIMIT);
        int c = firstNonBlank();
        reader.reset();
        if (c == '[') {
            array = Json.MAPPER.getFactory().createParser(reader);
            array.nextToken();
            arrayContext = array.getParsingContext();
            return;
        }
        reader.mark(DETECT_LIMIT);
        String first = firstLine();
        if (first == null) {
            single = true;
            ahead.add(Parsed.rejected(0, ErrorCode.INVALID_JSON, null, "the input is empty: no shipment"));
            return;
        }
        if (first.length() > MAX_LINE) {
            reader.reset();
            lineNumber = 0;
            charsRead = 0;
            ahead.add(nextRecord()); // the over-long first line, skipped; the input is JSON Lines
            reader.mark(DETECT_LIMIT);
            single = ahead.peek() != null && firstNonBlank() == -1;
            reader.reset();
            return;
        }
        JsonLine line = new JsonLine(lineNumber, first);
        Parsed parsed = line.parse();
        if (parsed.node() == null && CSV_HEADER.matcher(first).matches()) {
            throw new LooksLikeCsv(first);
        }
        if (parsed.node() != null) {
            reader.mark(DETECT_LIMIT);
            single = firstNonBlank() == -1;
            reader.reset();
            ahead.add(single ? parsed : line);
            return;
        }
        lineNumber = 0;
        charsRead = 0;
        detectDocument();
    }

    /** A first line that is not JSON alone: one multi-line document, or JSON Lines whose first line is bad. */
    private void detectDocument() throws IOException {
        reader.reset();
        char[] buf = new char[DETECT_LIMIT];
        int n = 0;
        for (int r; n < buf.length && (r = reader.read(buf, n, buf.length - n)) > 0; ) {
            n += r;
        }
        reader.reset();
        String text = new String(buf, 0, n);
        if (n == buf.length) {
            return; // too big for one shipment: JSON Lines
        }
        try {
            JsonNode node = Json.parse(text);
            single = true;
            ahead.add(Parsed.of(1, node));
            ended = true;
        } catch (JsonProcessingException e) {
            if (text.lines().filter(l -> !l.isBlank()).count() <= 1) {
                single = true;
                ahead.add(Parsed.rejected(1, ErrorCode.INVALID_JSON, null, Json.describe(e)));
                ended = true;
            }
        }
    }

    /**
     * The first non-blank line, read a character at a time under the detection mark so that the input can still be
     * read again from its start. Past {@value #MAX_LINE} characters (blank lines included) it stops and returns a
     * string longer than that: the caller reads the input as JSON Lines.
     */
    private String firstLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int scanned = 0;
        for (int c; (c = reader.read()) != -1; ) {
            if (c == '\n') {
                lineNumber++;
                charsRead += line.length() + 1;
                if (!line.toString().isBlank()) {
                    return strip(line);
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
            if (++scanned > MAX_LINE) {
                return line.append(" ".repeat(MAX_LINE + 1 - Math.min(line.length(), MAX_LINE))).toString();
            }
        }
        if (line.toString().isBlank()) {
            return null;
        }
        lineNumber++;
        charsRead += line.length();
        return strip(line);
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private int firstNonBlank() throws IOException {
        int c;
        do {
            c = reader.read();
        } while (c != -1 && (Character.isWhitespace(c) || c == '\uFEFF'));
        return c;
    }

    private void readCsvHeader() throws IOException {
        String header = nextLine();
        if (header == null) {
            csvHeader = List.of();
            return;
        }
        csvHeader = Csv.fields(header.startsWith("\uFEFF") ? header.substring(1) : header).stream()
                .map(String::strip).toList();
    }

    /** The next non-blank line, counting every line read; null at the end. */
    private String nextLine() throws IOException {
        LineReader.Line line = nextNonBlank();
        return line == null ? null : line.tooLong() ? "" : line.text();
    }

    private LineReader.Line nextNonBlank() throws IOException {
        LineReader.Line line;
        do {
            line = lines.next();
            if (line == null) {
                return null;
            }
            lineNumber++;
            charsRead += line.length() + 1;
        } while (!line.tooLong() && line.text().isBlank());
        return line;
    }

    @Override
    public boolean hasNext() {
        if (!ahead.isEmpty()) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            Input next = array != null ? nextElement() : nextRecord();
            if (next == null) {
                ended = true;
                return false;
            }
            ahead.add(next);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Input next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ahead.poll();
    }

    private Input nextRecord() throws IOException {
        LineReader.Line line = nextNonBlank();
        if (line == null) {
            return null;
        }
        if (line.tooLong()) {
            return Parsed.rejected(lineNumber, csvHeader != null ? ErrorCode.INVALID_CSV : ErrorCode.INVALID_JSON, null,
                    "line " + lineNumber + " is " + line.length() + " characters long, over the limit of " + MAX_LINE
                            + " for one shipment: skipped unread");
        }
        return csvHeader != null ? new CsvRow(lineNumber, line.text(), csvHeader) : new JsonLine(lineNumber, line.text());
    }

    /** The next element of the top-level array; a syntax error ends the array with one rejection in its place. */
    private Input nextElement() throws IOException {
        lineNumber++;
        try {
            JsonToken t = array.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            long start = array.currentTokenLocation().getCharOffset();
            try {
                return Parsed.of(lineNumber, ELEMENT.readTree(new BoundedParser(array, start, MAX_LINE)));
            } catch (NumberFormatException e) {
                throw Json.badNumber(e);
            } catch (BoundedParser.TooLong e) {
                skipRestOfElement();
                return Parsed.rejected(lineNumber, ErrorCode.INVALID_JSON, null, "element " + lineNumber
                        + " is longer than " + MAX_LINE + " characters, the limit for one shipment: skipped");
            }
        } catch (JsonProcessingException e) {
            ended = true;
            return Parsed.rejected(lineNumber, ErrorCode.INVALID_JSON, null, "element " + lineNumber + ": "
                    + Json.describe(e) + "; the rest of the array cannot be read");
        }
    }

    /** After an element was cut short: reads on, keeping nothing, to the end of that element. */
    private void skipRestOfElement() throws IOException {
        while (array.getParsingContext() != arrayContext && array.nextToken() != null) {
            // skip
        }
    }

    @Override
    public void close() throws IOException {
        if (array != null) {
            array.close();
        }
        reader.close();
    }
}
