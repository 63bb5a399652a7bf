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

/**
 * The inputs of {@code levy eval}, read as a stream in constant memory. The mode comes from the start of the input,
 * never from the whole of it: {@code [} is a JSON array (read element by element with Jackson's streaming parser);
 * a first line that is a whole JSON value followed by nothing is one shipment; a first line followed by more is JSON
 * Lines. A document whose first line is not JSON on its own (a pretty-printed object) is read whole if it is smaller
 * than {@value #DETECT_LIMIT} characters. CSV is chosen by the caller, never guessed.
 */
public final class Inputs implements Iterator<Input>, AutoCloseable {
    /** The largest pretty-printed single shipment read as one document; beyond it, the input is JSON Lines. */
    static final int DETECT_LIMIT = 1 << 22;

    public enum Format { JSON, CSV }

    /** Reads one element of an array: the elements after it are not "trailing tokens". */
    private static final ObjectReader ELEMENT = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BufferedReader reader;
    private final Deque<Input> ahead = new ArrayDeque<>();
    private boolean single;
    private JsonParser array;
    private List<String> csvHeader;
    private long lineNumber;
    private long charsRead;
    private boolean ended;

    private Inputs(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    }

    public static Inputs open(Reader reader, Format format) throws IOException {
        Inputs in = new Inputs(reader);
        if (format == Format.CSV) {
            in.readCsvHeader();
        } else {
            in.detect();
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
            return;
        }
        String first = nextLine();
        if (first == null) {
            single = true;
            ahead.add(Parsed.rejected(0, ErrorCode.INVALID_JSON, null, "the input is empty: no shipment"));
            return;
        }
        JsonLine line = new JsonLine(lineNumber, first);
        Parsed parsed = line.parse();
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
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            charsRead += line.length() + 1;
        } while (line.isBlank());
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
        String line = nextLine();
        if (line == null) {
            return null;
        }
        return csvHeader != null ? new CsvRow(lineNumber, line, csvHeader) : new JsonLine(lineNumber, line);
    }

    /** The next element of the top-level array; a syntax error ends the array with one rejection in its place. */
    private Input nextElement() throws IOException {
        lineNumber++;
        try {
            JsonToken t = array.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            return Parsed.of(lineNumber, ELEMENT.readTree(array));
        } catch (JsonProcessingException e) {
            ended = true;
            return Parsed.rejected(lineNumber, ErrorCode.INVALID_JSON, null, "element " + lineNumber + ": "
                    + Json.describe(e) + "; the rest of the array cannot be read");
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
