package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.io.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every line of rules/mfn/schedule.csv says what the official USITC HTSUS 2025 export says: the same general,
 * special and column 2 rates. Reads ../shared; skipped, with the reason, in a clone that has none.
 */
class ScheduleSourceTest {

    @Test
    void scheduleLinesMatchTheOfficialUsitcExport() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the official USITC export) is not beside this clone");
        Map<String, List<String>> official = new HashMap<>();
        Map<String, Set<List<String>>> childRates = new HashMap<>();
        for (Csv.Line line : Csv.parse(Files.readString(shared.resolve("data/usitc/hts_2025_basic_edition.csv")))) {
            List<String> rates = List.of(line.get(4), line.get(5), line.get(6));
            if (line.get(0).length() == 13 && line.get(4).isEmpty() && official.containsKey(line.get(0).substring(0, 10))) {
                rates = official.get(line.get(0).substring(0, 10)); // a 10-digit line without a rate has its 8-digit line's
            }
            official.put(line.get(0), rates);
            if (line.get(0).length() == 13 && !line.get(4).isEmpty()) {
                childRates.computeIfAbsent(line.get(0).substring(0, 10), k -> new HashSet<>()).add(List.of(line.get(4), line.get(5), line.get(6)));
            }
        }
        List<Csv.Line> ours = Csv.parse(Files.readString(TestSupport.projectDir().resolve("rules/mfn/schedule.csv")));
        List<String> differences = new ArrayList<>();
        for (Csv.Line line : ours.subList(1, ours.size())) {
            String hts = line.get(0);
            // an 8-digit row without a rate of its own in the export stands for its 10-digit lines, which share one rate
            Set<List<String>> children = childRates.getOrDefault(hts, Set.of());
            List<String> rates = official.containsKey(hts) && !official.get(hts).get(0).isEmpty() ? official.get(hts)
                    : children.size() == 1 ? children.iterator().next() : null;
            if (rates == null) {
                differences.add(hts + ": not in the official schedule with a rate");
            } else if (!rates.equals(List.of(line.get(2), line.get(3), line.get(4)))) {
                differences.add(hts + ": ours " + line.get(2) + " / " + line.get(3) + " / " + line.get(4) + ", official " + rates);
            }
        }
        assertTrue(ours.size() > 31_000, "the schedule is the whole official schedule, every 10-digit line, imported");
        assertEquals(List.of(), differences);
        // the statistical lines added beside the schedule are lines the official edition lacks (else they belong to it)
        List<Csv.Line> added = Csv.parse(Files.readString(TestSupport.projectDir().resolve("rules/mfn/statistical_lines.csv")));
        assertEquals(List.of(), added.subList(1, added.size()).stream().map(l -> l.get(0)).filter(official::containsKey).toList());
    }
}
