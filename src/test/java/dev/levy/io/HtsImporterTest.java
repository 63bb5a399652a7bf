package dev.levy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.engine.RateText;
import dev.levy.model.Measure;
import dev.levy.model.Result;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code levy import-hts}: the USITC export into a rules folder's MFN schedule, and the rates it then gives. */
class HtsImporterTest {
    @TempDir
    Path dir;

    /** A hand-made excerpt in the USITC export's format (quoted fields, a field with a newline, every kind of rate). */
    private static String excerpt() throws IOException {
        try (InputStream in = HtsImporterTest.class.getResourceAsStream("/usitc_excerpt.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ratesAreParsedAsTheScheduleWritesThem() {
        assertEquals(new BigDecimal("2.5"), RateText.parse("2.5%").orElseThrow().adValorem());
        RateText specific = RateText.parse("4.4¢/kg").orElseThrow();
        assertEquals(0, new BigDecimal("0.044").compareTo(specific.perUnit()));
        assertEquals("kg", specific.unit());
        RateText compound = RateText.parse("$1.35/kg + 7.5%").orElseThrow();
        assertEquals(0, new BigDecimal("1.35").compareTo(compound.perUnit()));
        assertEquals(new BigDecimal("7.5"), compound.adValorem());
        assertEquals("each", RateText.parse("1¢ each + 2.8%").orElseThrow().unit());
        assertTrue(RateText.parse("3.7¢/kg on drained weight").isEmpty());
        assertTrue(RateText.parse("The duty provided in the applicable subheading + 25%").isEmpty());
    }

    @Test
    void excerptImportsWithCountsThatReconcile() throws IOException {
        HtsImporter.Report report = HtsImporter.importCsv(excerpt());
        int skipped = report.skipped().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(report.read(), report.imported() + skipped, report.summary());
        Map<String, HtsImporter.Line> byHts = new HashMap<>();
        report.lines().forEach(l -> byHts.put(l.hts(), l));
        assertEquals("Free", byHts.get("0101.21.00").general());
        assertEquals("1¢/kg", byHts.get("0102.29.40").general());
        assertEquals("25%", byHts.get("8704.21.01").general(), "an 8-digit row from its single .00 line");
        assertEquals("2.5%", byHts.get("8708.10.30").general(), "an 8-digit row from lines that share one rate");
        assertFalse(byHts.containsKey("8708.10.60"), "lines with different rates leave the 8-digit entry ambiguous");
        assertEquals("16.5%", byHts.get("6109.10.00.04").general(), "a 10-digit line without a rate takes its 8-digit line's");
        assertEquals(2, report.inherited(), report.summary()); // 0101.21.00.10 and 6109.10.00.04
        assertTrue(byHts.keySet().stream().noneMatch(h -> h.startsWith("99")), "chapter 99 is the rules' business");
        assertEquals("90%", byHts.get("6109.10.00").column2(), "column 2 is carried");
        assertEquals("$1.05/kg + 35%", byHts.get("0402.99.90.00").column2(), "a compound column 2 rate as printed");
        assertEquals("25%", byHts.get("8708.10.30").column2(), "an 8-digit row takes the column 2 rate its lines share");
    }

    @Test
    void anExportWithoutColumnTwoIsRefused() {
        String withoutColumn2 = "HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty\n"
                + "\"0101.21.00\",\"2\",\"Purebred breeding animals\",\"\",\"Free\",\"\"\n";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HtsImporter.importCsv(withoutColumn2));
        assertTrue(e.getMessage().contains("column 2 rate of duty"), e.getMessage());
    }

    @Test
    void columnTwoRatesAreChargedForAGeneralNote3bOriginInTheSameFormAsColumnOne() throws IOException {
        Levy levy = Levy.fromDirectory(rulesWithImportedSchedule(excerpt()));
        // column 2 of 0402.99.90: $1.05/kg x 1000 kg + 35% of $5,000 = 1050.00 + 1750.00
        Result r = TestSupport.result(levy.evaluate("{\"hts\":\"0402.99.90.00\",\"origin\":\"KP\",\"entryDate\":\"2025-02-01\","
                + "\"value\":5000,\"quantity\":{\"amount\":1000,\"unit\":\"kg\"}}"));
        Measure column2 = r.measures().stream().filter(m -> m.program().equals("COLUMN_2")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("2800.00"), column2.amount());
        assertEquals("$1.05/kg x 1000 kg = $1,050.00", column2.specific());
        assertTrue(r.measures().stream().noneMatch(m -> m.program().equals(Measure.MFN)), r.measures().toString());
        // the cane sugar line: its column 1 rate cannot be computed, its column 2 rate can
        Result sugar = TestSupport.result(levy.evaluate("{\"hts\":\"1701.12.05.00\",\"origin\":\"CU\","
                + "\"entryDate\":\"2025-02-01\",\"value\":5000,\"quantity\":{\"amount\":1000,\"unit\":\"kg\"}}"));
        assertEquals(new BigDecimal("44.00"), sugar.totalDuty());
    }

    private Path rulesWithImportedSchedule(String usitc) throws IOException {
        TestSupport.copyOfRules(dir);
        Files.writeString(dir.resolve("mfn/schedule.csv"), HtsImporter.render(HtsImporter.importCsv(usitc), "usitc-hts-2025", "test import"));
        return dir;
    }

    private static Measure mfn(Result r) {
        return r.measures().stream().filter(m -> m.program().equals(Measure.MFN)).findFirst().orElseThrow();
    }

    @Test
    void specificAndCompoundRatesAreChargedOnTheQuantity() throws IOException {
        Levy levy = Levy.fromDirectory(rulesWithImportedSchedule(excerpt()));
        // 46.3 cents/kg x 1000 kg + 14.9% of $5,000 = 463.00 + 745.00
        Result r = TestSupport.result(levy.evaluate("{\"hts\":\"0402.99.90.00\",\"origin\":\"NZ\",\"entryDate\":\"2025-02-01\","
                + "\"value\":5000,\"quantity\":{\"amount\":1000,\"unit\":\"kg\"}}"));
        assertEquals(new BigDecimal("1208.00"), mfn(r).amount());
        assertEquals("$0.463/kg x 1000 kg = $463.00", mfn(r).specific());
        String missing = Json.compact(levy.evaluate(
                "{\"hts\":\"0102.29.40\",\"origin\":\"NZ\",\"entryDate\":\"2025-02-01\",\"value\":5000}"));
        assertTrue(missing.contains("MISSING_FIELD") && missing.contains("quantity"), missing);
        String wrongUnit = Json.compact(levy.evaluate("{\"hts\":\"0102.29.40\",\"origin\":\"NZ\","
                + "\"entryDate\":\"2025-02-01\",\"value\":5000,\"quantity\":{\"amount\":3,\"unit\":\"No.\"}}"));
        assertTrue(wrongUnit.contains("INVALID_QUANTITY"), wrongUnit);
        String sugar = Json.compact(levy.evaluate("{\"hts\":\"1701.12.05.00\",\"origin\":\"NZ\","
                + "\"entryDate\":\"2025-02-01\",\"value\":5000,\"quantity\":{\"amount\":3,\"unit\":\"kg\"}}"));
        assertTrue(sugar.contains("UNSUPPORTED_RATE"), sugar);
    }

    /**
     * Contract §5: an 8-digit number whose 10-digit lines have different rates (8708.10.60: 2.5% and 3%) has no rate
     * of its own, so it does not decide the MFN line: AMBIGUOUS_HTS naming the lines and their rates, where it was
     * UNKNOWN_HTS; each line is evaluated at its own rate, and a line the schedule lacks is UNKNOWN_HTS.
     */
    @Test
    void anEightDigitNumberWhoseLinesHaveDifferentRatesIsAmbiguous() throws IOException {
        Levy levy = Levy.fromDirectory(rulesWithImportedSchedule(excerpt()));
        String shipment = "{\"hts\":\"%s\",\"origin\":\"NZ\",\"entryDate\":\"2025-02-01\",\"value\":1000}";
        String eight = Json.compact(levy.evaluate(shipment.formatted("8708.10.60")));
        assertTrue(eight.contains("AMBIGUOUS_HTS") && eight.contains("8708.10.60.10 has the general rate 2.5%")
                && eight.contains("8708.10.60.50 has the general rate 3%"), eight);
        assertEquals(new BigDecimal("3"), mfn(TestSupport.result(levy.evaluate(shipment.formatted("8708.10.60.50")))).rate());
        String unknown = Json.compact(levy.evaluate(shipment.formatted("8708.10.60.90")));
        assertTrue(unknown.contains("UNKNOWN_HTS") && unknown.contains("8708.10.60.10, 8708.10.60.50"), unknown);
    }

    /** The acceptance: after importing the official file, 300 random ad valorem lines get their official rate. */
    @Test
    void officialScheduleImportGivesTheOfficialRateOnARandomSample() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the official USITC export) is not beside this clone");
        String usitc = Files.readString(shared.resolve("data/usitc/hts_2025_basic_edition.csv"));
        Levy levy = Levy.fromDirectory(rulesWithImportedSchedule(usitc));
        List<String[]> lines = TestSupport.officialAdValoremLines(usitc, 4);
        assertTrue(lines.size() > 10_000, "the official file has its ad valorem lines: " + lines.size());
        Collections.shuffle(lines, new Random(2025));
        List<String> wrong = new ArrayList<>();
        for (String[] line : lines.subList(0, 300)) {
            Result r = TestSupport.result(levy.evaluate("{\"hts\":\"" + line[0]
                    + "\",\"origin\":\"NZ\",\"entryDate\":\"2025-02-01\",\"value\":1000}"));
            BigDecimal official = line[1].equals("Free") ? BigDecimal.ZERO : new BigDecimal(line[1].replace("%", ""));
            if (mfn(r).rate().compareTo(official) != 0) {
                wrong.add(line[0] + ": official " + line[1] + ", Levy " + mfn(r).rate());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aReimportKeepsItsSourceRowsPlaceLinkAndConfidence() {
        String sources = """
                id,citation,link,confidence
                usitc-hts-2025,USITC HTSUS 2025 Basic Edition,https://hts.usitc.gov/,high
                other,"Another, with a comma",,medium
                """;
        assertEquals("""
                id,citation,link,confidence
                usitc-hts-2025,"USITC HTSUS 2025 Basic Edition, reissued",https://hts.usitc.gov/,high
                other,"Another, with a comma",,medium
                """, HtsImporter.withSource(sources, "usitc-hts-2025", "USITC HTSUS 2025 Basic Edition, reissued"));
        assertEquals(sources + "new-edition,USITC HTSUS 2026,,high\n",
                HtsImporter.withSource(sources, "new-edition", "USITC HTSUS 2026"));
        assertEquals("id,citation,link,confidence\nx,X,,high\n", HtsImporter.withSource("", "x", "X"));
    }

    /**
     * {@code --from}: an edition in force from a day carries the day on every row (the loader groups an edition by it)
     * and goes to a file of its own; without a day the file is the edition in force from the start, as before.
     */
    @Test
    void anEditionFromADayCarriesTheDayOnEveryRowInAFileOfItsOwn() throws IOException {
        HtsImporter.Report report = HtsImporter.importCsv(excerpt());
        LocalDate day = LocalDate.of(2026, 1, 1);
        String dated = HtsImporter.render(report, "usitc-hts-2026", "USITC HTSUS 2026 Basic Edition", day);
        List<String> lines = dated.lines().toList();
        List<String> rows = lines.subList(lines.indexOf("hts,description,general,special,column2,from,source") + 1,
                lines.size());
        assertEquals(report.lines().size(), rows.size(), dated);
        assertTrue(rows.stream().allMatch(r -> r.endsWith(",2026-01-01,usitc-hts-2026")), dated);
        assertTrue(dated.contains("# in force for entries from 12:01 a.m. on 2026-01-01 until a later edition's day"),
                dated);
        assertEquals(HtsImporter.render(report, "x", "X"), HtsImporter.render(report, "x", "X", null),
                "without a day, the edition in force from the start");
        assertFalse(HtsImporter.render(report, "x", "X").contains(",from,"));
        assertEquals("mfn/schedule.csv", HtsImporter.schedulePath(null));
        assertEquals("mfn/schedule_2026-01-01.csv", HtsImporter.schedulePath(day));
    }

    /**
     * The rules folder is the import of the official file: re-importing it as the README says gives {@code
     * rules/mfn/schedule.csv} and {@code rules/sources.csv} byte for byte.
     */
    @Test
    void reimportingTheOfficialFileReproducesTheRulesFolderByteForByte() throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the official USITC export) is not beside this clone");
        String usitc = Files.readString(shared.resolve("data/usitc/hts_2025_basic_edition.csv"));
        Path rules = TestSupport.projectDir().resolve("rules");
        String citation = "USITC HTSUS 2025 Basic Edition";
        assertEquals(Files.readString(rules.resolve("mfn/schedule.csv")),
                HtsImporter.render(HtsImporter.importCsv(usitc), "usitc-hts-2025", citation));
        String sources = Files.readString(rules.resolve("sources.csv"));
        assertEquals(sources, HtsImporter.withSource(sources, "usitc-hts-2025", citation));
    }
}
