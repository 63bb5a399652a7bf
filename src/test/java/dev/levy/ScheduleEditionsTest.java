package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.io.HtsImporter;
import dev.levy.model.Measure;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.RuleSetException;
import dev.levy.model.Shipment;
import dev.levy.model.TraceStep;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editions of the schedule (issue 11): an edition imported with {@code levy import-hts --from DATE} is in force for
 * entries from 12:01 a.m. on its day, the earlier one before it; the MFN and column 2 lines cite the edition they read,
 * and an HTS number is known, or ambiguous, as the edition in force on the entry date has it.
 */
class ScheduleEditionsTest {
    /** The synthetic second edition's day, inside the span the rules cover. */
    private static final LocalDate SWITCH = LocalDate.of(2025, 7, 1);

    /**
     * A second edition, in the USITC export's format: 6109.10.00 goes from 16.5% to 12% (column 2 from 90% to 45%) and
     * gains a line .99; the lines of 8708.10.60 come to share one rate (3%); 0101.21.00 and 8704.21.01 are not in it.
     */
    private static final String SECOND_EDITION = """
            HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty,Quota Quantity,Additional Duties
            "6109.10.00","1","Of cotton","","12%","Free (AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG)","45%","",""
            "6109.10.00.04","2","Men's or boys' T-shirts","[""doz."",""kg""]","","","","",""
            "6109.10.00.99","2","A line of the second edition only","[""doz."",""kg""]","","","","",""
            "8708.10.60.10","3","Parts","[""kg""]","3%","Free","25%","",""
            "8708.10.60.50","3","Other","[""kg""]","3%","Free","25%","",""
            """;

    @TempDir
    static Path shared;
    private static Levy levy;
    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        levy = Levy.fromDirectory(rulesWithTwoEditions(shared));
    }

    /** The rules with the test excerpt as the edition in force from the start, and the second edition from SWITCH. */
    private static Path rulesWithTwoEditions(Path dir) throws IOException {
        TestSupport.copyOfRules(dir);
        String first;
        try (InputStream in = ScheduleEditionsTest.class.getResourceAsStream("/usitc_excerpt.csv")) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve(HtsImporter.schedulePath(null)),
                HtsImporter.render(HtsImporter.importCsv(first), "usitc-hts-2025", "USITC HTSUS 2025 Basic Edition"));
        Files.writeString(dir.resolve(HtsImporter.schedulePath(SWITCH)), HtsImporter.render(
                HtsImporter.importCsv(SECOND_EDITION), "test-edition", "Test HTSUS second edition", SWITCH));
        Path sources = dir.resolve("sources.csv");
        Files.writeString(sources, HtsImporter.withSource(Files.readString(sources), "test-edition",
                "Test HTSUS second edition"));
        return dir;
    }

    private static String shipment(String hts, String origin, String day, String time) {
        return "{\"hts\":\"" + hts + "\",\"origin\":\"" + origin + "\",\"entryDate\":\"" + day + "\",\"entryTime\":\""
                + time + "\",\"value\":1000}";
    }

    private static Measure line(String hts, String origin, String day, String time, String program) {
        Result r = TestSupport.result(levy.evaluate(shipment(hts, origin, day, time)));
        return r.measures().stream().filter(m -> m.program().equals(program)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + program + " line: " + r.measures()));
    }

    private static Rejection rejected(String hts, String day) {
        return assertInstanceOf(Rejection.class, levy.evaluate(shipment(hts, "NZ", day, "12:00")));
    }

    @Test
    void anEntryBeforeTheDayGetsTheEarlierEditionsRateAndOnOrAfterItTheNewOne() {
        Measure before = line("6109.10.00.04", "NZ", "2025-06-30", "12:00", Measure.MFN);
        assertEquals(0, new BigDecimal("16.5").compareTo(before.rate()));
        assertTrue(before.citation().endsWith("USITC HTSUS 2025 Basic Edition"), before.citation());
        Measure atMidnight = line("6109.10.00.04", "NZ", "2025-07-01", "00:00", Measure.MFN);
        assertEquals(0, new BigDecimal("16.5").compareTo(atMidnight.rate()), "00:00 is under the day before's law");
        Measure after = line("6109.10.00.04", "NZ", "2025-07-01", "00:01", Measure.MFN);
        assertEquals(0, new BigDecimal("12").compareTo(after.rate()));
        assertEquals("HTSUS general note 3(a); column 1 General; Test HTSUS second edition", after.citation());
        assertEquals("6109.10.00.04", after.heading(), "the MFN line reports the HTS number (contract sec. 3)");
        Measure later = line("6109.10.00", "NZ", "2025-12-31", "23:59", Measure.MFN);
        assertEquals(0, new BigDecimal("12").compareTo(later.rate()), "the edition stays in force to the end");
    }

    @Test
    void theTraceNamesTheEditionOfTheRate() {
        Result r = TestSupport.result(levy.evaluate(shipment("6109.10.00", "NZ", "2025-08-01", "12:00")));
        TraceStep mfn = r.trace().stream().filter(t -> t.rule().equals("MFN: column 1 general rate")).findFirst()
                .orElseThrow();
        assertEquals("HTS 6109.10.00 pays the column 1 general rate of 12% (schedule line 6109.10.00, Test HTSUS second"
                + " edition)", mfn.message());
        Result special = TestSupport.result(levy.evaluate("{\"hts\":\"6109.10.00\",\"origin\":\"AU\",\"spi\":\"AU\","
                + "\"entryDate\":\"2025-08-01\",\"value\":1000}"));
        Measure au = special.measures().stream().filter(m -> m.program().equals(Measure.MFN)).findFirst().orElseThrow();
        assertEquals("HTSUS general note 3(c); column 1 Special; Test HTSUS second edition", au.citation());
    }

    @Test
    void columnTwoReadsTheEditionInForce() {
        Measure before = line("6109.10.00", "KP", "2025-06-30", "12:00", "COLUMN_2");
        assertEquals(0, new BigDecimal("90").compareTo(before.rate()));
        assertTrue(before.citation().endsWith("; USITC HTSUS 2025 Basic Edition"), before.citation());
        Measure after = line("6109.10.00", "KP", "2025-07-01", "12:00", "COLUMN_2");
        assertEquals(0, new BigDecimal("45").compareTo(after.rate()));
        assertTrue(after.citation().endsWith("; Test HTSUS second edition"), after.citation());
    }

    @Test
    void aNumberOfOneEditionOnlyIsKnownOnlyInItsSpan() {
        assertEquals(Measure.MFN, line("6109.10.00.99", "NZ", "2025-07-01", "12:00", Measure.MFN).program());
        Rejection early = rejected("6109.10.00.99", "2025-06-30");
        assertEquals("UNKNOWN_HTS", early.error().code().name());
        assertTrue(early.error().message().contains("in force on 2025-06-30 (USITC HTSUS 2025 Basic Edition)")
                && early.error().message().contains("it is a line of Test HTSUS second edition, in force from 2025-07-01"),
                early.error().message());

        assertEquals(Measure.MFN, line("0101.21.00", "NZ", "2025-06-30", "12:00", Measure.MFN).program());
        Rejection dropped = rejected("0101.21.00", "2025-07-01");
        assertEquals("UNKNOWN_HTS", dropped.error().code().name());
        assertTrue(dropped.error().message().contains("in force on 2025-07-01 (Test HTSUS second edition, in force from"
                + " 2025-07-01)") && dropped.error().message().contains("it is a line of USITC HTSUS 2025 Basic Edition"),
                dropped.error().message());
    }

    @Test
    void anEightDigitNumberIsAmbiguousOnlyWhereItsEditionsLinesDiffer() {
        Rejection before = rejected("8708.10.60", "2025-06-30");
        assertEquals("AMBIGUOUS_HTS", before.error().code().name(), before.error().message());
        Measure after = line("8708.10.60", "NZ", "2025-07-01", "12:00", Measure.MFN);
        assertEquals(0, new BigDecimal("3").compareTo(after.rate()), "the second edition's lines share 3%");
    }

    @Test
    void theDayAnEditionComesIntoForceIsAChangeOfTheTimeline() {
        Shipment s = Shipment.builder().hts("6109.10.00").origin("NZ").entryDate(LocalDate.of(2025, 3, 1))
                .entryTime(LocalTime.NOON).value(BigDecimal.TEN).build();
        assertTrue(levy.ruleSet().tables().changeDates(s).contains(SWITCH));
    }

    @Test
    void aLineTwiceInOneEditionIsAnErrorButOnceInEachEditionIsNot() throws IOException {
        rulesWithTwoEditions(dir);
        Path second = dir.resolve(HtsImporter.schedulePath(SWITCH));
        String text = Files.readString(second);
        String row = text.lines().filter(l -> l.startsWith("6109.10.00.99,")).findFirst().orElseThrow();
        Files.writeString(second, text + row + "\n");
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(dir));
        assertTrue(e.getMessage().contains("HTS line 6109.10.00.99 appears twice in the edition from 2025-07-01"),
                e.getMessage());
    }

    @Test
    void aScheduleWithAToColumnIsRefused() throws IOException {
        rulesWithTwoEditions(dir);
        Path second = dir.resolve(HtsImporter.schedulePath(SWITCH));
        Files.writeString(second, Files.readString(second).replace(",from,source\n", ",from,source,to\n"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(dir));
        assertTrue(e.getMessage().contains("the schedule has no column 'to'"), e.getMessage());
    }

    @Test
    void anEditionFromADayTheRulesDoNotCoverIsAWarning() throws IOException {
        rulesWithTwoEditions(dir);
        Path late = dir.resolve(HtsImporter.schedulePath(LocalDate.of(2026, 9, 29)));
        Files.writeString(late, HtsImporter.render(HtsImporter.importCsv(SECOND_EDITION), "test-edition",
                "Test HTSUS second edition", LocalDate.of(2026, 9, 29)));
        assertTrue(Levy.fromDirectory(dir).ruleSet().warnings().stream().anyMatch(p -> p.message().contains(
                "the edition of the schedule in force from 2026-09-29 (Test HTSUS second edition) is read by no entry")));
    }

    @Test
    void aFirstEditionThatStartsAfterTheSpanIsAnError() throws IOException {
        rulesWithTwoEditions(dir);
        Files.delete(dir.resolve(HtsImporter.schedulePath(null)));
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(dir));
        assertTrue(e.getMessage().contains("the first edition of the schedule is in force from 2025-07-01, after"
                + " covers.from=2025-01-01"), e.getMessage());
    }
}
