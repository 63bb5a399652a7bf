package dev.levy.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the project's tables and the USITC schedule export: quoted fields with embedded
 * commas and doubled quotes, one record per line, {@code #} comment lines and blank lines skipped, and the line
 * number of every record kept for error messages.
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
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            lines.add(new Line(i + 1, fields(line)));
        }
        return lines;
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
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
