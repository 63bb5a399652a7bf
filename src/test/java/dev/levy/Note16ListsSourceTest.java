package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.io.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The note 16(c) lists of rules/section232_metals/ (one table per list, each row citing the line L.n of HTSUS 2026
 * Revision 6 it is read from) say what the Chapter 99 text prints: every number printed in the lists, on its line, is
 * a row, and every row is a number printed on the line it cites, between the titles around its list. Reads ../shared; skipped,
 * with the reason, in a clone that has none.
 */
class Note16ListsSourceTest {
    /** An HTS number as the lists print it: a heading, or a subheading of 6, 8 or 10 digits. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d{4}(?:\\.\\d{2}(?:\\.\\d{2,4})?)?)(?![\\d.])");
    /** The lists of note 16(c), in the order the note prints them. */
    private static final List<String> LISTS = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");
    /** The day the Rev 6 text reflects (fact sheet 2026 sec. 0): rows of later revisions start after it. */
    private static final LocalDate REV_6_AS_OF = LocalDate.of(2026, 4, 23);

    /** A row's source: note16-c-{list}-L{line}. */
    private static final Pattern SOURCE = Pattern.compile("note16-c-([ivx]+)-L(\\d+)");

    @Test
    void everyNumberOfTheNote16ListsIsARowOnTheLineItCites() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the Chapter 99 text) is not beside this clone");
        List<String> text = Files.readAllLines(shared.resolve("data/chapter99/chapter99_2026_rev_6.txt"),
                StandardCharsets.ISO_8859_1);
        int first = lineOf(text, "(i) Articles of aluminum:", 0);
        int end = lineOf(text, "(d) Headings 9903.82.04 and 9903.82.05 apply", first);

        Set<String> printed = new TreeSet<>(); // "number@line" for every number the lists print
        for (int n = first; n < end; n++) {
            String line = text.get(n - 1);
            if (line.contains("Harmonized Tariff Schedule") || line.contains("99 - III")) {
                continue; // the page header and footer of each page
            }
            Matcher m = NUMBER.matcher(line);
            while (m.find()) {
                printed.add(m.group(1) + "@" + n);
            }
        }

        Set<String> rows = new TreeSet<>();
        List<String> misplaced = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestSupport.projectDir().resolve("rules/section232_metals"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("note16_[ivx]+_.*\\.csv")).sorted().toList()) {
                List<Csv.Line> lines = Csv.parse(Files.readString(file));
                for (Csv.Line row : lines.subList(1, lines.size())) {
                    Matcher s = SOURCE.matcher(row.get(5));
                    if (!s.matches()) {
                        // a number a later revision added (Proclamation 11032, Rev 10): the Rev 6 text cannot show it,
                        // so it must start after the day that text reflects, and its source says where it was read
                        assertTrue(LocalDate.parse(row.get(3)).isAfter(REV_6_AS_OF), file.getFileName() + ": source "
                                + row.get(5) + " names no line of note 16(c), and its row starts before Rev 6 ended");
                        continue;
                    }
                    String list = s.group(1);
                    int n = Integer.parseInt(s.group(2));
                    rows.add(row.get(0) + "@" + n);
                    // one page prints lists (iv) and (v) side by side, their first numbers beside the title of the
                    // list before them: a row lies after the title of the list before its own, and before the next's
                    int index = LISTS.indexOf(list);
                    int after = lineOf(text, "(" + LISTS.get(Math.max(index - 1, 0)) + ") ", first);
                    int before = index + 1 < LISTS.size() ? lineOf(text, "(" + LISTS.get(index + 1) + ") ", first) : end;
                    if (!file.getFileName().toString().startsWith("note16_" + list + "_") || n < after || n > before) {
                        misplaced.add(file.getFileName() + ": " + row.get(0) + " cites L." + n + " of list (" + list
                                + "), outside L." + after + "-" + before);
                    }
                }
            }
        }
        assertEquals(List.of(), misplaced);
        assertEquals(printed, rows, "numbers printed in note 16(c) (number@line) and the rows of rules/section232_metals");
    }

    /** The 1-based number of the first line at or after {@code from} that contains {@code text}. */
    private static int lineOf(List<String> lines, String text, int from) {
        for (int n = Math.max(from, 1); n <= lines.size(); n++) {
            if (lines.get(n - 1).contains(text)) {
                return n;
            }
        }
        throw new AssertionError("the Chapter 99 text has no line with '" + text + "'");
    }
}
