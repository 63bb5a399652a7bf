package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levy.io.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The note 16(k) parts list (rules/section232_metals/note16_k_equipment_parts.csv) is derived from the lists (vi)-(viii)
 * beside it, as its header says: the numbers of those lists in force on the day 16(k) starts whose chapter is 84, 85 or
 * 87, each once. An analyst who moves a number into or out of (vi)-(viii) must change the derived list too; this test
 * says which numbers are on one and not the other, so the two cannot drift apart unseen.
 */
class Note16kEquipmentPartsTest {
    private static final Path METALS = TestSupport.projectDir().resolve("rules/section232_metals");
    private static final List<String> PARTS_LISTS = List.of("note16_vi_aluminum_derivatives.csv",
            "note16_vii_steel_derivatives.csv", "note16_viii_copper_articles.csv");
    private static final Set<String> CHAPTERS = Set.of("84", "85", "87");

    @Test
    void theEquipmentPartsAreTheNumbersOfListsViToViiiInChapters84_85_87() throws IOException {
        List<Csv.Line> parts = rows("note16_k_equipment_parts.csv");
        int from = parts.get(0).fields().indexOf("from");
        LocalDate start = LocalDate.parse(parts.get(1).get(from));
        Set<String> derived = new TreeSet<>();
        for (Csv.Line row : parts.subList(1, parts.size())) {
            assertEquals(start, LocalDate.parse(row.get(from)), "every 16(k) row starts on the same day: line " + row.number());
            derived.add(row.get(0));
        }
        Set<String> expected = new TreeSet<>();
        for (String list : PARTS_LISTS) {
            List<Csv.Line> lines = rows(list);
            List<String> header = lines.get(0).fields();
            int hts = header.indexOf("hts");
            int rowFrom = header.indexOf("from");
            int rowTo = header.indexOf("to");
            for (Csv.Line row : lines.subList(1, lines.size())) {
                boolean inForce = !LocalDate.parse(row.get(rowFrom)).isAfter(start)
                        && (row.get(rowTo).isEmpty() || LocalDate.parse(row.get(rowTo)).isAfter(start));
                if (inForce && CHAPTERS.contains(row.get(hts).substring(0, 2))) {
                    expected.add(row.get(hts));
                }
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(derived);
        Set<String> extra = new TreeSet<>(derived);
        extra.removeAll(expected);
        assertEquals(Set.of(), missing, "numbers of (vi)-(viii) in chapters 84, 85, 87 in force on " + start
                + " that note16_k_equipment_parts.csv lacks");
        assertEquals(Set.of(), extra, "rows of note16_k_equipment_parts.csv on none of (vi)-(viii) on " + start);
    }

    private static List<Csv.Line> rows(String file) throws IOException {
        return Csv.parse(Files.readString(METALS.resolve(file)));
    }
}
