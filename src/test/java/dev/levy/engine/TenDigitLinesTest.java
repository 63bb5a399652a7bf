package dev.levy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.Timeline;
import dev.levy.io.Csv;
import dev.levy.io.Json;
import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.LawView;
import dev.levy.model.Measure;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.RuleSetException;
import dev.levy.model.Scenario;
import dev.levy.model.Shipment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9.3, contract §5: an 8-digit HTS number is ambiguous for a shipment when two of its 10-digit lines would get
 * different measures. The class checks: every table key longer than 8 digits is a schedule line and splits a number the
 * check examines; and a number the check does not examine gives every one of its lines the same measures.
 */
class TenDigitLinesTest {
    @TempDir
    Path dir;

    /** The HTS keys longer than 8 digits of every dated table under rules/, read from the files, with file:line. */
    private static Map<String, String> tenDigitKeysInTables() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        Path rules = TestSupport.projectDir().resolve("rules");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<Csv.Line> lines = Csv.parse(Files.readString(f));
                if (lines.isEmpty() || !lines.get(0).get(0).equalsIgnoreCase("hts") || lines.get(0).fields().contains("general")
                        || f.endsWith("statistical_lines.csv")) {
                    continue;
                }
                for (Csv.Line l : lines.subList(1, lines.size())) {
                    String digits = l.get(0).replace(".", "").replace(" ", "");
                    if (digits.length() > 8) {
                        keys.putIfAbsent(digits, rules.relativize(f) + ":" + l.number());
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyTableKeyLongerThanEightDigitsIsAScheduleLineWhoseNumberIsChecked() throws IOException {
        TableIndex tables = TestSupport.levy().ruleSet().tables();
        LocalDate day = TestSupport.levy().ruleSet().coversFrom();
        Map<String, String> keys = tenDigitKeysInTables();
        assertTrue(keys.size() > 400, "the tables name 10-digit lines: " + keys.size());
        List<String> unknown = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        keys.forEach((digits, where) -> {
            if (tables.scheduleLine(digits, day) == null) {
                unknown.add(digits + " (" + where + ")");
            }
            if (tables.lineClasses().of(digits.substring(0, 8), day) == null) {
                unchecked.add(digits.substring(0, 8) + " (" + where + ")");
            }
        });
        assertEquals(List.of(), unknown, "10-digit table keys the schedule does not have");
        assertEquals(List.of(), unchecked, "8-digit numbers a table splits that the ambiguity check would not examine");
    }

    @Test
    void aTableRowNamingATenDigitLineTheScheduleLacksIsRefusedAtLoad() throws IOException {
        TestSupport.copyOfRules(dir);
        Path table = dir.resolve("section232/section232_steel_derivatives.csv");
        Files.writeString(table, Files.readString(table)
                + "7326.90.8699,25,9903.81.90,2025-03-12,2025-06-04,a line 7326.90.86 does not have\n");
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(dir));
        assertTrue(e.getMessage().contains("HTS 7326.90.86.99 is not a 10-digit line of the schedule"), e.getMessage());
    }

    /**
     * The class check that does not trust the split computation: for numbers the check does not examine, every 10-digit
     * line gets the measures of the 8-digit number, for shipments from many origins on days across the year. A new way
     * for the rules to tell lines apart (a rule reading the HTS number, a table the computation misses) fails here.
     */
    @Test
    void numbersTheCheckDoesNotExamineGiveEveryLineTheSameMeasures() {
        Levy levy = TestSupport.levy();
        TableIndex tables = levy.ruleSet().tables();
        LocalDate first = levy.ruleSet().coversFrom();
        List<String> numbers = new ArrayList<>();
        for (String digits : tables.adValoremScheduleLines()) {
            if (digits.length() == 8 && tables.tenDigitLines(digits, first).size() > 1) {
                numbers.add(digits);
            }
        }
        Collections.shuffle(numbers, new Random(2025));
        List<JsonNode> shipments = new ArrayList<>();
        List<String> origins = List.of("CN", "DE", "JP", "GB", "CA", "MX", "BR", "IN", "VN");
        List<String> days = List.of("2025-02-10", "2025-04-09", "2025-06-10", "2025-08-20", "2025-11-10");
        Random r = new Random(9);
        for (String eight : numbers.subList(0, 150)) {
            String origin = origins.get(r.nextInt(origins.size()));
            String day = days.get(r.nextInt(days.size()));
            shipments.add(shipment(eight, origin, day));
            for (String line : tables.tenDigitLines(eight, first)) {
                shipments.add(shipment(line, origin, day));
            }
        }
        List<Evaluation> all = levy.evaluateAll(shipments);
        List<String> differ = new ArrayList<>();
        int i = 0;
        for (String eight : numbers.subList(0, 150)) {
            String expected = measures(all.get(i++));
            for (String line : tables.tenDigitLines(eight, first)) {
                String got = measures(all.get(i++)).replace(Shipment.dotted(line), Shipment.dotted(eight));
                if (!got.equals(expected)) {
                    differ.add(Shipment.dotted(line) + " " + got + " but " + Shipment.dotted(eight) + " " + expected);
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    private static ObjectNode shipment(String digits, String origin, String day) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("hts", digits);
        s.put("origin", origin);
        s.put("entryDate", day);
        s.put("value", 10000);
        s.putObject("metalContent").put("steel", 3000);
        return s;
    }

    private static String measures(Evaluation e) {
        if (e instanceof Rejection x) {
            return x.error().code().name();
        }
        List<String> out = new ArrayList<>();
        for (Measure m : ((Result) e).measures()) {
            out.add(m.program() + " " + m.heading() + " " + m.rate() + " " + m.amount());
        }
        Collections.sort(out);
        return out.toString();
    }

    /** A scenario's row keyed by a 10-digit line splits its number in the view of that scenario only. */
    @Test
    void aScenarioRowKeyedByATenDigitLineSplitsItsNumberUnderThatScenario() {
        Levy levy = TestSupport.levy();
        String horses = "{\"hts\":\"0101.21.00\",\"origin\":\"JP\",\"entryDate\":\"2025-08-20\",\"value\":10000}";
        assertInstanceOf(Result.class, levy.evaluate(horses));
        Scenario annexII = new Scenario("horses-in-annex-ii", "one line in Annex II", "a test hypothesis", List.of(),
                List.of(new Scenario.RowChange("reciprocal_annex_ii", null, "0101210010", null, null, "9903.01.32", null,
                        null, false, "a test hypothesis")));
        Evaluation e = levy.under(LawView.FINAL.with(annexII)).evaluate(horses);
        assertInstanceOf(Rejection.class, e, Json.compact(e));
        Rejection x = (Rejection) e;
        assertEquals(ErrorCode.AMBIGUOUS_HTS, x.error().code());
        assertTrue(x.error().message().contains("0101.21.00.10 gets none of these; 0101.21.00.20 gets IEEPA_RECIPROCAL"),
                x.error().message());
    }

    /** The timeline of an 8-digit number says from which day it no longer decides the measures, never skips the days. */
    @Test
    void theTimelineOfASplitNumberSaysFromWhenItIsAmbiguous() {
        List<Timeline.Point> points = Timeline.of(TestSupport.levy(),
                TestSupport.json("{\"hts\":\"7326.90.86\",\"origin\":\"JP\",\"entryDate\":\"2025-02-01\",\"value\":10000}"));
        Timeline.Point undecided = points.stream().filter(p -> p.rejection() != null).findFirst().orElseThrow();
        assertEquals(java.time.LocalDate.parse("2025-03-12"), undecided.from(), points.toString());
        assertEquals(ErrorCode.AMBIGUOUS_HTS, undecided.rejection().error().code());
    }

    /** One place for every path: a batch, a stream at any thread count and one-by-one give the same, in input order. */
    @Test
    void batchStreamAndOneByOneAgreeInInputOrder() {
        Levy levy = TestSupport.levy();
        List<JsonNode> shipments = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String hts = List.of("7326.90.86", "7326.90.86.88", "8703.23.01", "7612.10.00", "8703.23.01.99", "7326.90.86.60")
                    .get(i % 6);
            int variant = i / 6;
            ObjectNode s = shipment(hts.replace(".", ""), variant % 2 == 0 ? "JP" : "DE", variant % 3 == 0 ? "2025-02-10" : "2025-06-10");
            s.put("id", "L" + i);
            shipments.add(s);
        }
        List<String> batch = levy.evaluateAll(shipments).stream().map(Json::compact).toList();
        for (int threads : new int[] {1, 3}) {
            List<String> streamed = new ArrayList<>();
            levy.evaluate(shipments.iterator(), threads, e -> streamed.add(Json.compact(e)));
            assertEquals(batch, streamed, "streamed on " + threads + " threads");
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(batch.get(i), Json.compact(levy.evaluate(shipments.get(i))), "one by one, line " + i);
            assertTrue(batch.get(i).contains("\"L" + i + "\""), batch.get(i));
        }
        Set<String> codes = new TreeSet<>();
        batch.forEach(b -> codes.add(b.contains("AMBIGUOUS_HTS") ? "AMBIGUOUS_HTS" : b.contains("UNKNOWN_HTS") ? "UNKNOWN_HTS"
                : "result"));
        assertEquals(Set.of("AMBIGUOUS_HTS", "UNKNOWN_HTS", "result"), codes);
    }
}
