package dev.levy.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the project's tables and the USITC schedule export: quoted fields with embedded
 * commas, newlines and doubled quotes, {@code #} comment lines and blank lines skipped, and the line number where
 * every record starts kept for error messages.
 */
public final class Csv {

    /** A record and the 1-based line it was read from. */
    public record Line(int number, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i).strip() : "";
        }
    }

    private Csv() {}

    public static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int lineNo = 1;
        int nextQuote = -1; // where the next quote is, found again only once passed: the tables have few
        while (i < text.length()) {
            int start = lineNo;
            int end = text.indexOf('\n', i);
            end = end < 0 ? text.length() : end;
            if (nextQuote != Integer.MAX_VALUE && nextQuote < i) {
                nextQuote = text.indexOf('"', i);
                nextQuote = nextQuote < 0 ? Integer.MAX_VALUE : nextQuote;
            }
            boolean quoted = nextQuote < end;
            if (quoted) {
                end = recordEnd(text, i); // a quoted field may hold newlines
            }
            String record = text.substring(i, end);
            lineNo += (quoted ? count(record, '\n') : 0) + 1;
            i = end + 1;
            String bare = record.endsWith("\r") ? record.substring(0, record.length() - 1) : record;
            if (bare.isBlank() || bare.stripLeading().startsWith("#")) {
                continue;
            }
            lines.add(new Line(start, quoted ? fields(bare) : split(bare)));
        }
        return lines;
    }

    /** The index of the newline that ends the record starting at {@code from}: newlines inside quotes do not count. */
    private static int recordEnd(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                return i;
            }
        }
        return text.length();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    public static List<String> fields(String line) {
        return line.indexOf('"') >= 0 ? quoted(line, new ArrayList<>()) : split(line);
    }

    /** The fields of a line without quotes: the texts between commas. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
            out.add(line.substring(start, comma));
            start = comma + 1;
        }
        out.add(line.substring(start));
        return out;
    }

    /** The fields of a line with quotes, added to {@code out}. */
    private static List<String> quoted(String line, List<String> out) {
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
