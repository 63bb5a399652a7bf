package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.io.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Section 122 exception lists (rules/section122/) are the lists of HTSUS ch.99 subch.III note 2(aa) in the 2026
 * Revision 6 text, number for number, and every row's source names the text line that prints its number. The text is
 * read here independently of how the tables were written: every HTS number between the first and last line of each
 * list, whatever the page layout (the text prints the lists in columns read left to right, with page headers between).
 */
class Section122ListsTest {
    /** An 8-digit HTS number, or a 10-digit one printed 8505.11.0070. */
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{4}\\.\\d{2}\\.\\d{2})(\\d{2})?\\b");
    private static final Pattern SOURCE_LINE = Pattern.compile("-l(\\d+)$");

    private static List<String> text() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the Chapter 99 text) is not beside this clone");
        return Files.readAllLines(shared.resolve("data/chapter99/chapter99_2026_rev_6.txt"), StandardCharsets.ISO_8859_1);
    }

    /** The numbers printed on text lines first..last (1-based), each with the line that prints it; not Chapter 99 headings. */
    private static Map<String, Integer> listed(List<String> text, int first, int last) {
        Map<String, Integer> out = new TreeMap<>();
        for (int n = first; n <= last; n++) {
            Matcher m = NUMBER.matcher(text.get(n - 1));
            while (m.find()) {
                if (m.group(1).startsWith("9903.")) {
                    continue; // the headings the note's opening words name, not listed goods
                }
                out.put(m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2), n);
            }
        }
        return out;
    }

    /** The table's rows: HTS number to the text line its source names. */
    private static Map<String, Integer> table(String relative, String heading) throws IOException {
        List<Csv.Line> lines = Csv.parse(Files.readString(TestSupport.projectDir().resolve("rules/section122").resolve(relative)));
        Map<String, Integer> out = new TreeMap<>();
        for (Csv.Line l : lines.subList(1, lines.size())) {
            assertEquals(heading, l.get(1), relative + " " + l.get(0));
            assertEquals("2026-02-24", l.get(2), relative + " " + l.get(0) + ": from the surcharge's first day");
            Matcher m = SOURCE_LINE.matcher(l.get(4));
            assertTrue(m.find(), relative + " " + l.get(0) + ": its source names the text line");
            assertEquals(null, out.put(l.get(0), Integer.parseInt(m.group(1))), relative + ": " + l.get(0) + " twice");
        }
        return out;
    }

    /** The list between the subdivision opening at {@code first} and the next one, at {@code next}, is the table. */
    private static void assertTableIsTheList(int first, String opens, int next, String nextOpens, int count, String table,
            String heading) throws IOException {
        List<String> text = text();
        assertTrue(text.get(first - 1).startsWith(opens), "L." + first + " opens the list");
        assertTrue(text.get(next - 1).startsWith(nextOpens), "L." + next + " opens the next subdivision");
        Map<String, Integer> listed = listed(text, first, next - 1);
        assertEquals(count, listed.size(), "numbers listed in Rev 6");
        assertEquals(listed, table(table, heading));
    }

    @Test
    void note2aaIiProductsAreTheListOfTheText() throws IOException {
        assertTableIsTheList(14829, "(ii) As provided in heading 9903.03.03", 15089, "(iii) As provided in heading 9903.03.04",
                1098, "section122_products.csv", "9903.03.03");
    }

    @Test
    void note2aaIvCivilAircraftAreTheListOfTheText() throws IOException {
        assertTableIsTheList(15127, "(iv) As provided in heading 9903.03.05", 15263, "(v) As provided in heading 9903.03.06",
                546, "section122_civil_aircraft.csv", "9903.03.05");
    }

    @Test
    void note2aaIiiParticularArticlesAreTheElevenOfTheText() throws IOException {
        List<String> text = text();
        Map<String, Integer> ours = table("section122_particular_articles.csv", "9903.03.04");
        List<String> wrong = new ArrayList<>();
        // each article's subheading is printed on its item's line or the next one: "(classifiable in subheading ...)"
        ours.forEach((hts, line) -> {
            if (!(text.get(line - 1) + " " + text.get(line)).replaceAll("\\s+", " ").contains("subheading " + hts)) {
                wrong.add(hts + " at L." + line);
            }
        });
        assertEquals(List.of(), wrong);
        Map<String, Integer> listed = listed(text, 15089, 15117);
        assertEquals(listed.keySet(), ours.keySet());
    }
}
