package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.engine.RateText;
import dev.levy.io.Csv;
import dev.levy.io.HtsImporter;
import dev.levy.model.Measure;
import dev.levy.model.Result;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products of the countries of HTSUS general note 3(b) pay column 2 (program COLUMN_2), never column 1, whatever SPI is
 * claimed; products of Russia in the lists of Chapter 99 note 30 pay 35% or 70% in lieu of it (COLUMN_2_RUSSIA). These
 * checks read the tables, not a list of cases: a country added to column2_countries.csv, a line added to the schedule or
 * a subheading added to note 30 is checked without a new test.
 */
class ColumnTwoTest {
    private static final String COLUMN_2 = "COLUMN_2";
    private static final String COLUMN_2_RUSSIA = "COLUMN_2_RUSSIA";
    /** A day on which every row of column2_countries.csv without an end is in force. */
    private static final LocalDate DAY = LocalDate.parse("2025-09-15");

    @TempDir
    Path dir;

    private static List<Csv.Line> table(String relative) throws IOException {
        List<Csv.Line> lines = Csv.parse(Files.readString(TestSupport.projectDir().resolve("rules").resolve(relative)));
        return lines.subList(1, lines.size());
    }

    /** The general note 3(b) countries in force on {@link #DAY}. */
    private static List<String> columnTwoCountries() throws IOException {
        List<String> out = new ArrayList<>();
        for (Csv.Line l : table("column2/column2_countries.csv")) {
            boolean started = l.get(2).isEmpty() || !LocalDate.parse(l.get(2)).isAfter(DAY);
            boolean ended = !l.get(3).isEmpty() && !LocalDate.parse(l.get(3)).isAfter(DAY);
            if (started && !ended) {
                out.add(l.get(0));
            }
        }
        return out;
    }

    /** The note 30 rows by 8 digits: [rate, heading]. */
    private static Map<String, String[]> note30() throws IOException {
        Map<String, String[]> out = new TreeMap<>();
        for (Csv.Line l : table("column2/column2_russia.csv")) {
            out.put(l.get(0).replace(".", ""), new String[] {l.get(1), l.get(2)});
        }
        return out;
    }

    private static Measure only(Result r, String program) {
        List<Measure> found = r.measures().stream().filter(m -> m.program().equals(program)).toList();
        assertEquals(1, found.size(), r.hts() + " " + r.origin() + ": one " + program + " measure, got " + r.measures());
        return found.get(0);
    }

    private static String shipment(String hts, String origin, String spi) {
        return "{\"hts\":\"" + hts + "\",\"origin\":\"" + origin + "\",\"entryDate\":\"" + DAY + "\",\"value\":1000"
                + (spi == null ? "" : ",\"spi\":\"" + spi + "\"") + "}";
    }

    /**
     * For every general note 3(b) country and 150 random schedule lines with an ad valorem column 2 rate, with no SPI and
     * with each SPI the line's Special column lists: no MFN line, and the Chapter 1-97 line is column 2 at the schedule's
     * column 2 rate (or 0 with the note 30 rate beside it, for a product of Russia listed there).
     */
    @Test
    void generalNote3bProductsPayColumnTwoWhateverSpiIsClaimed() throws IOException {
        Levy levy = TestSupport.levy();
        List<Csv.Line> schedule = new ArrayList<>(table("mfn/schedule.csv"));
        schedule.removeIf(l -> RateText.parse(l.get(4)).map(RateText::isSpecific).orElse(true)
                || RateText.parse(l.get(2)).map(RateText::isSpecific).orElse(true));
        Collections.shuffle(schedule, new Random(3));
        Map<String, String[]> note30 = note30();
        List<String> countries = columnTwoCountries();
        assertEquals(Set.of("CU", "KP", "RU", "BY"), Set.copyOf(countries), "general note 3(b) in 2025");
        List<String> wrong = new ArrayList<>();
        for (Csv.Line line : schedule.subList(0, 150)) {
            String hts = line.get(0);
            BigDecimal column2 = RateText.parse(line.get(4)).orElseThrow().adValorem();
            List<String> spis = new ArrayList<>();
            spis.add(null);
            spis.addAll(new TreeSet<>(specialPrograms(line.get(3))));
            for (String origin : countries) {
                for (String spi : spis) {
                    Result r = TestSupport.result(levy.evaluate(shipment(hts, origin, spi)));
                    if (r.measures().stream().anyMatch(m -> m.program().equals(Measure.MFN))) {
                        wrong.add(hts + " " + origin + " spi " + spi + ": an MFN line " + r.measures());
                        continue;
                    }
                    String[] listed = origin.equals("RU") ? note30.get(hts.replace(".", "").substring(0, 8)) : null;
                    BigDecimal want = listed == null ? column2 : BigDecimal.ZERO;
                    if (only(r, COLUMN_2).rate().compareTo(want) != 0) {
                        wrong.add(hts + " " + origin + " spi " + spi + ": column 2 " + only(r, COLUMN_2).rate() + ", want " + want);
                    }
                    if (listed != null && (only(r, COLUMN_2_RUSSIA).rate().compareTo(new BigDecimal(listed[0])) != 0
                            || !only(r, COLUMN_2_RUSSIA).heading().equals(listed[1]))) {
                        wrong.add(hts + " RU: note 30 " + only(r, COLUMN_2_RUSSIA) + ", want " + listed[0] + "% " + listed[1]);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Set<String> specialPrograms(String special) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\(([^)]*)\\)").matcher(special);
        while (m.find()) {
            for (String p : m.group(1).split(",")) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** The column 2 line is the Chapter 1-97 line, not an additional duty (the timeline and its hints list only those). */
    @Test
    void theColumnTwoLineIsNotAnAdditionalDuty() {
        Result tShirts = TestSupport.result(TestSupport.levy().evaluate(shipment("6109.10.00", "RU", null)));
        assertEquals(Set.of(), Timeline.additionalDuties(tShirts).keySet());
        Result sponge = TestSupport.result(TestSupport.levy().evaluate(shipment("8108.20.00.10", "RU", null)));
        assertEquals(Set.of(COLUMN_2_RUSSIA), Timeline.additionalDuties(sponge).keySet());
    }

    /** The products of a country that is not in general note 3(b) never get a column 2 line or a note 30 rate. */
    @Test
    void otherOriginsNeverPayColumnTwoOrNote30() throws IOException {
        Levy levy = TestSupport.levy();
        List<String> wrong = new ArrayList<>();
        for (String hts : List.of("8108.20.00", "2501.00.00", "7601.10.30", "6109.10.00")) {
            for (String origin : List.of("CN", "DE", "KZ", "UA")) {
                Result r = TestSupport.result(levy.evaluate(shipment(hts, origin, null)));
                if (r.measures().stream().anyMatch(m -> m.program().startsWith(COLUMN_2))) {
                    wrong.add(hts + " " + origin + ": " + r.measures());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The reciprocal tariff excepts exactly the general note 3(b) countries under 9903.01.29: the two lists agree. */
    @Test
    void reciprocalExceptionNamesTheSameCountries() throws IOException {
        Set<String> excepted = new TreeSet<>();
        for (Csv.Line l : table("reciprocal/reciprocal_excepted_countries.csv")) {
            if (l.get(1).equals("9903.01.29")) {
                excepted.add(l.get(0));
            }
        }
        assertEquals(new TreeSet<>(columnTwoCountries()), excepted);
    }

    /**
     * column2_russia.csv has one row per subheading that note 30(b) and 30(d) list in the Chapter 99 text, no more, no
     * fewer (553 and 127 in Rev 6), each at its note's rate and heading.
     */
    @Test
    void note30TableIsTheListOfTheLegalText() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the Chapter 99 text) is not beside this clone");
        List<String> text = Files.readAllLines(shared.resolve("data/chapter99/chapter99_2026_rev_6.txt"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, String> listed = new TreeMap<>();
        String heading = null;
        Pattern row = Pattern.compile("\\s*(\\d{4}[.;,]\\d{2}[.;,]\\d{2}\\s*)+");
        Pattern number = Pattern.compile("\\d{4}[.;,]\\d{2}[.;,]\\d{2}");
        for (String line : text) {
            String t = line.strip();
            if (t.startsWith("(b) Heading 9903.90.08 applies")) {
                heading = "9903.90.08";
            } else if (t.startsWith("(d) Heading 9903.90.09 applies")) {
                heading = "9903.90.09";
            } else if (heading != null && t.startsWith("31.")) {
                break;
            } else if (heading != null && t.startsWith("(c) For the purposes of heading 9903.90.09")) {
                heading = null;
            } else if (heading != null && row.matcher(line).matches()) {
                Matcher m = number.matcher(line);
                while (m.find()) {
                    listed.put(m.group().replaceAll("[;,]", "."), heading);
                }
            }
        }
        Map<String, String> ours = new TreeMap<>();
        for (Csv.Line l : table("column2/column2_russia.csv")) {
            ours.put(l.get(0), l.get(2));
            assertEquals(l.get(2).equals("9903.90.08") ? "35" : "70", l.get(1), l.get(0) + ": note 30(a)/(c) rate");
        }
        assertEquals(553, listed.values().stream().filter("9903.90.08"::equals).count(), "note 30(b) in Rev 6");
        assertEquals(127, listed.values().stream().filter("9903.90.09"::equals).count(), "note 30(d) in Rev 6");
        assertEquals(listed, ours);
    }

    /** No good of the section 201 safeguard is in a note 30 list: the stacking matrix declares them disjoint. */
    @Test
    void safeguardGoodsAreNotInNote30() throws IOException {
        Set<String> note30 = note30().keySet();
        for (String t : List.of("section201/section201_solar.csv", "section201/section201_solar_attached.csv")) {
            for (Csv.Line l : table(t)) {
                String digits = l.get(0).replace(".", "");
                assertTrue(note30.stream().noneMatch(n -> n.startsWith(digits) || digits.startsWith(n)), l.get(0));
            }
        }
    }

    /** A safeguard is temporary by statute (Trade Act of 1974 sec. 203(e)): every row of its rate tables has an end. */
    @Test
    void everySafeguardRateRowEnds() throws IOException {
        for (String t : List.of("section201/section201_solar.csv", "section201/section201_solar_attached.csv")) {
            for (Csv.Line l : table(t)) {
                int to = l.fields().size() == 6 ? 4 : 3;
                assertTrue(!l.get(to).isEmpty(), t + ":" + l.number() + " has no end date");
            }
        }
    }

    /**
     * The acceptance: after `levy import-hts` of the official file, 200 random official lines with an ad valorem
     * column 2 rate give that rate for a product of North Korea, whatever column 1 says.
     */
    @Test
    void officialScheduleImportGivesTheOfficialColumnTwoRateForNorthKorea() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the official USITC export) is not beside this clone");
        String usitc = Files.readString(shared.resolve("data/usitc/hts_2025_basic_edition.csv"));
        TestSupport.copyOfRules(dir);
        Files.writeString(dir.resolve("mfn/schedule.csv"), HtsImporter.render(HtsImporter.importCsv(usitc), "usitc-hts-2025", "test import"));
        Levy levy = Levy.fromDirectory(dir);
        List<String[]> lines = TestSupport.officialAdValoremLines(usitc, 6);
        assertTrue(lines.size() > 10_000, "the official file has its ad valorem column 2 lines: " + lines.size());
        Collections.shuffle(lines, new Random(2026));
        List<String> wrong = new ArrayList<>();
        for (String[] line : lines.subList(0, 200)) {
            Result r = TestSupport.result(levy.evaluate(shipment(line[0], "KP", null)));
            BigDecimal official = line[1].equals("Free") ? BigDecimal.ZERO : new BigDecimal(line[1].replace("%", ""));
            if (only(r, COLUMN_2).rate().compareTo(official) != 0
                    || r.measures().stream().anyMatch(m -> m.program().equals(Measure.MFN))) {
                wrong.add(line[0] + ": official column 2 " + line[1] + ", Levy " + r.measures());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
