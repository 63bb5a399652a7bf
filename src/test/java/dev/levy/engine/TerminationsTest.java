package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.model.LawView;
import dev.levy.model.Result;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of a program is a row of {@code terminations.csv}: an analyst writes the next one, at 00:00 or at the usual
 * 12:01 a.m., without Java; the law as known before its {@code known} day still has the program.
 */
class TerminationsTest {
    @TempDir
    Path dir;

    private static final String TEE = "{\"hts\":\"6109.10.00\",\"origin\":\"CN\",\"entryDate\":\"2026-03-10\",\"entryTime\":\"%s\",\"value\":10000}";

    private Levy withEnd(String at) throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path ends = rules.resolve("terminations.csv");
        Files.writeString(ends, Files.readString(ends)
                + "SECTION_301,2026-03-10," + at + ",2026-03-05,an analyst's test end of the China 301 duties,eo-14389-csms-67834313\n");
        return Levy.fromDirectory(rules);
    }

    private static boolean owes301(Result r) {
        return r.measures().stream().anyMatch(m -> m.program().equals("SECTION_301"));
    }

    @Test
    void anEndAtTheUsualTimeTakesTheEntryAt0001AndNotTheOneAt0000() throws IOException {
        Levy levy = withEnd("");
        assertTrue(owes301(TestSupport.result(levy.evaluate(TEE.formatted("00:00")))), "00:00 is still the day before's law");
        Result after = TestSupport.result(levy.evaluate(TEE.formatted("00:01")));
        assertTrue(!owes301(after), after.measures().toString());
        assertTrue(after.notApplied().stream().anyMatch(n -> n.program().equals("SECTION_301")
                && n.reason().contains("not collected on entries on or after 12:01 a.m. ET on 2026-03-10")
                && n.reason().contains("an analyst's test end")), after.notApplied().toString());
    }

    @Test
    void anEndAt0000TakesTheEntryAt0000() throws IOException {
        Levy levy = withEnd("00:00");
        assertTrue(!owes301(TestSupport.result(levy.evaluate(TEE.formatted("00:00")))));
        Result before = TestSupport.result(levy.evaluate(TEE.formatted("00:00").replace("2026-03-10", "2026-03-09")
                .replace("00:00", "23:59")));
        assertTrue(owes301(before), before.measures().toString());
    }

    @Test
    void theLawAsKnownBeforeTheEndStillHasTheProgram() throws IOException {
        Levy levy = withEnd("00:00");
        Result known = TestSupport.result(levy.under(LawView.asKnown(java.time.LocalDate.parse("2026-03-04")))
                .evaluate(TEE.formatted("12:00")));
        assertTrue(owes301(known), known.measures().toString());
        Result after = TestSupport.result(levy.under(LawView.asKnown(java.time.LocalDate.parse("2026-03-05")))
                .evaluate(TEE.formatted("12:00")));
        assertTrue(!owes301(after), after.measures().toString());
    }

    @Test
    void anEndedIeepaDutyIsNeitherAssessedNorRefundable() {
        Result r = TestSupport.result(TestSupport.levy().evaluate(TEE.formatted("12:00")));
        assertEquals(0, r.refundable().compareTo(BigDecimal.ZERO));
        assertTrue(r.measures().stream().noneMatch(m -> m.program().startsWith("IEEPA")), r.measures().toString());
        assertEquals(2, r.notApplied().stream().filter(n -> n.reason().startsWith("Ended:")).count(),
                "one record per IEEPA program the entry would otherwise owe: " + r.notApplied());
    }
}
