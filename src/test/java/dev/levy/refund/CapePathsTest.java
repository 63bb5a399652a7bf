package dev.levy.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.model.RuleSetException;
import dev.levy.engine.RefundPaths;
import dev.levy.model.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paths of the bundled rules' refunds/paths.csv (fact sheet us-tariffs-2026 sec. 2.3: CSMS 68315804, 68340863,
 * 69035485; 19 U.S.C. 1514) at each boundary: the days after liquidation, each excluded entry type and flag, the dates
 * CAPE opened and took reconciliation entries.
 */
class CapePathsTest {
    private static final RefundPaths PATHS = TestSupport.levy().ruleSet().refundPaths();
    private static final LocalDate AS_OF = LocalDate.parse("2026-05-15");

    private static Entry entry(String type, LocalDate liquidated) {
        return new Entry("ABC-1234567-8", type, liquidated, false, false, false, false);
    }

    private static RefundPaths.Decision liquidatedDaysBefore(int days) {
        return PATHS.decide(entry("01", AS_OF.minusDays(days)), "ieepa", AS_OF);
    }

    @Test
    void capeTakesAnEntryUpTo80DaysAfterLiquidationThenAProtestUpTo180ThenTheCourt() {
        for (int days : new int[] {0, 79, 80}) {
            RefundPaths.Decision d = liquidatedDaysBefore(days);
            assertEquals("CAPE", d.path(), days + " days");
            assertEquals(AS_OF.minusDays(days).plusDays(80), d.deadline(), "the 80th day after liquidation");
        }
        for (int days : new int[] {81, 180}) {
            RefundPaths.Decision d = liquidatedDaysBefore(days);
            assertEquals("PROTEST", d.path(), days + " days");
            assertEquals(AS_OF.minusDays(days).plusDays(180), d.deadline(), "the 180th day after liquidation");
        }
        RefundPaths.Decision court = liquidatedDaysBefore(181);
        assertEquals("COURT", court.path());
        assertNull(court.deadline());
        assertEquals("CAPE", PATHS.decide(entry("01", null), "ieepa", AS_OF).path(), "unliquidated");
        assertNull(PATHS.decide(entry("01", null), "ieepa", AS_OF).deadline());
    }

    @Test
    void anEntryLiquidatedAfterTheAsOfDateWasUnliquidatedThatDay() {
        RefundPaths.Decision d = PATHS.decide(entry("01", AS_OF.plusDays(30)), "ieepa", AS_OF);
        assertEquals("CAPE", d.path());
        assertTrue(d.reason().startsWith("Unliquidated"), d.reason());
        assertNull(d.deadline(), "CAPE has no deadline for an entry not yet liquidated");
        assertEquals("PSC", PATHS.decide(entry("01", AS_OF.plusDays(1)), "other", AS_OF).path());
        assertEquals(AS_OF.plusDays(80), PATHS.decide(entry("01", AS_OF), "ieepa", AS_OF).deadline(),
                "liquidated on the as-of day itself: liquidated, day 0");
    }

    @Test
    void eachExcludedEntryTypeAndFlagGoesToAProtest() {
        for (String type : new String[] {"08", "09", "47"}) {
            RefundPaths.Decision d = PATHS.decide(entry(type, null), "ieepa", AS_OF);
            assertEquals("PROTEST", d.path(), "type " + type);
            assertNull(d.deadline(), "unliquidated: no deadline yet");
        }
        assertEquals(AS_OF.plusDays(170), PATHS.decide(entry("47", AS_OF.minusDays(10)), "ieepa", AS_OF).deadline());
        assertEquals("CAPE", PATHS.decide(entry("06", null), "ieepa", AS_OF).path(), "a warehouse entry is eligible");
        Entry drawback = new Entry("ABC-1234567-8", "01", null, false, false, true, false);
        assertEquals("PROTEST", PATHS.decide(drawback, "ieepa", AS_OF).path());
        Entry adcvdPending = new Entry("ABC-1234567-8", "03", null, false, false, false, true);
        assertEquals("PROTEST", PATHS.decide(adcvdPending, "ieepa", AS_OF).path());
        Entry adcvdLiquidated = new Entry("ABC-1234567-8", "03", AS_OF.minusDays(5), false, false, false, true);
        assertEquals("CAPE", PATHS.decide(adcvdLiquidated, "ieepa", AS_OF).path(), "only AD/CVD entries pending "
                + "liquidation are rejected");
        Entry protest = new Entry("ABC-1234567-8", "01", AS_OF.minusDays(30), true, false, false, false);
        RefundPaths.Decision p = PATHS.decide(protest, "ieepa", AS_OF);
        assertEquals("PROTEST", p.path());
        assertEquals(AS_OF.plusDays(150), p.deadline());
    }

    @Test
    void reconciliationEntriesWaitFor2026_06_29() {
        Entry flagged = new Entry("ABC-1234567-8", "01", null, false, true, false, false);
        assertEquals("NOT_YET", PATHS.decide(flagged, "ieepa", LocalDate.parse("2026-06-28")).path());
        assertEquals("CAPE", PATHS.decide(flagged, "ieepa", LocalDate.parse("2026-06-29")).path());
        Entry flagged03 = new Entry("ABC-1234567-8", "03", null, false, true, false, false);
        assertEquals("PROTEST", PATHS.decide(flagged03, "ieepa", LocalDate.parse("2026-06-29")).path());
        assertEquals("PROTEST", PATHS.decide(entry("09", null), "ieepa", LocalDate.parse("2026-06-29")).path());
    }

    @Test
    void beforeCapeOpenedOtherRefundsAndNothingToRefund() {
        assertEquals("NOT_YET", PATHS.decide(entry("01", null), "ieepa", LocalDate.parse("2026-04-19")).path());
        assertEquals("CAPE", PATHS.decide(entry("01", null), "ieepa", LocalDate.parse("2026-04-20")).path());
        assertEquals("PSC", PATHS.decide(entry("01", null), "other", AS_OF).path());
        assertEquals("PROTEST", PATHS.decide(entry("01", AS_OF.minusDays(180)), "other", AS_OF).path());
        assertEquals("COURT", PATHS.decide(entry("01", AS_OF.minusDays(181)), "other", AS_OF).path());
        assertEquals("NONE", PATHS.decide(entry("01", null), "none", AS_OF).path());
        RefundPaths.Decision noType = PATHS.decide(entry(null, null), "ieepa", AS_OF);
        assertEquals(RefundPaths.UNDECIDED, noType.path(), "CAPE rejects some types: without one, no quiet CAPE");
        assertEquals("COURT", PATHS.decide(entry(null, AS_OF.minusDays(200)), "ieepa", AS_OF).path());
    }

    @Test
    void anAnalystsNextPhaseIsARowAndAMalformedRowIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path paths = rules.resolve("refunds/paths.csv");
        String text = Files.readString(paths);
        String header = text.substring(0, text.indexOf("NONE,none"));
        // a later phase for finally liquidated entries: a row above COURT, from its day
        Files.writeString(paths, header + "CAPE,ieepa,,,,,,true,>protest.days,2026-07-27,,,\"A test phase\","
                + "refund-csms-68315804-cape-phase-1\n" + text.substring(header.length()));
        RefundPaths later = Levy.fromDirectory(rules).ruleSet().refundPaths();
        Entry old = entry("01", LocalDate.parse("2025-10-01"));
        assertEquals("COURT", later.decide(old, "ieepa", LocalDate.parse("2026-07-26")).path());
        assertEquals("CAPE", later.decide(old, "ieepa", LocalDate.parse("2026-07-27")).path());

        Files.writeString(paths, text.replace("<=cape.days,2026-04-20,,cape.days", "<=cape.dayz,2026-04-20,,cape.days"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(rules));
        assertTrue(e.getMessage().contains("paths.csv") && e.getMessage().contains("cape.dayz"), e.getMessage());
    }
}
