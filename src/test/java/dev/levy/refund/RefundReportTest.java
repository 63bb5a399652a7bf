package dev.levy.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.cli.CliRunner;
import dev.levy.io.Inputs;
import dev.levy.model.LawView;
import dev.levy.model.Result;
import dev.levy.model.Scenario;
import dev.levy.model.View;
import dev.levy.io.Json;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated entry lines over the whole span the rules cover (2025 and 2026, IEEPA's end included): each line's refund splits into the retroactive corrections (filed - assessed) and the
 * rulings (assessed - owed, the assessed result's {@code refundable}); the report's totals are the sums of its lines, in
 * every grouping; the report is the same at any thread count.
 */
class RefundReportTest {
    private static final int LINES = 3000;

    /** A report line with the {@code refundable} of its assessed result, to reconcile the two. */
    private record Reported(RefundLine line, BigDecimal refundable) {}

    private static List<LawView> views(Scenario whatIf) {
        List<LawView> views = new ArrayList<>(List.of(LawView.asKnownAtEntry(), LawView.FINAL,
                LawView.FINAL.withRulingsApplied()));
        if (whatIf != null) {
            views.add(LawView.FINAL.with(whatIf));
        }
        return views;
    }

    private static List<Reported> report(Levy levy, String text, int threads, Scenario whatIf) throws IOException {
        List<Reported> out = new ArrayList<>();
        try (Inputs inputs = Inputs.open(new StringReader(text), Inputs.Format.JSON)) {
            levy.evaluate(inputs, threads, views(whatIf), (input, e) -> new Reported(RefundLine.of(input.line(), e),
                    e.get(1) instanceof Result r ? r.refundable() : null), out::add);
        }
        return out;
    }

    @Test
    void refundsSplitByCauseAndReconcileLineByLineAndInTotalOverGeneratedEntriesOf2025And2026() throws IOException {
        Levy levy = TestSupport.levy();
        Scenario whatIf = levy.scenario("japan-24-resumed");
        RefundSummary summary = new RefundSummary(whatIf.name());
        // the generator's year, and two lines of the retroactive corrections (Japan's and Korea's all-in)
        String corrected = "{\"hts\":\"8479.50.00\",\"origin\":\"JP\",\"entryDate\":\"2025-08-20\",\"value\":10000}\n"
                + "{\"hts\":\"3925.90.00\",\"origin\":\"KR\",\"entryDate\":\"2025-11-20\",\"value\":10000}\n";
        List<Reported> reported = report(levy, generated(levy) + corrected, 2, whatIf);
        List<RefundLine> lines = reported.stream().map(Reported::line).toList();
        lines.forEach(summary::add);
        assertEquals(LINES + 2, summary.getRead());
        assertEquals(0, summary.getRejected());
        BigDecimal refundable = zero();
        BigDecimal refundable2026 = zero();
        java.time.LocalDate decided = levy.ruleSet().rulings().get(0).decided();
        long n = 0;
        for (Reported r : reported) {
            RefundLine l = r.line();
            assertEquals(++n, l.line(), "every line accounted for, once, in input order");
            assertEquals(r.refundable(), l.refundRuling(), "line " + l.line() + ": the ruling's refund is the refundable");
            assertEquals(l.refund(), l.refundCorrections().add(l.refundRuling()), "line " + l.line());
            assertTrue(l.refundRuling().signum() >= 0, "line " + l.line() + ": the rulings only take duty away");
            assertTrue(l.refundCorrections().signum() >= 0, "line " + l.line() + ": the 2025 corrections only lowered duty");
            assertEquals(l.filed(), instruments(l, RefundLine.Instrument::filed), "line " + l.line());
            assertEquals(l.assessed(), instruments(l, RefundLine.Instrument::assessed), "line " + l.line());
            assertEquals(l.owed(), instruments(l, RefundLine.Instrument::owed), "line " + l.line());
            assertEquals(l.scenario(), instruments(l, RefundLine.Instrument::scenario), "line " + l.line());
            refundable = refundable.add(r.refundable());
            if (l.entryDate().getYear() == decided.getYear()) {
                refundable2026 = refundable2026.add(r.refundable());
            }
            if (ended(levy, l)) {
                assertEquals(zero(), r.refundable(), "line " + l.line() + ": no IEEPA duty after its end, nothing to refund");
                assertTrue(l.differences().stream().noneMatch(i -> i.program().startsWith("IEEPA")), "line " + l.line());
            }
        }
        RefundSummary.Totals t = summary.getTotal();
        assertEquals(sum(lines, RefundLine::filed), t.getFiled());
        assertEquals(sum(lines, RefundLine::assessed), t.getAssessed());
        assertEquals(sum(lines, RefundLine::owed), t.getOwed());
        assertEquals(sum(lines, RefundLine::scenario), t.getScenario());
        assertEquals(sum(lines, RefundLine::refundCorrections), t.getRefundCorrections());
        assertEquals(sum(lines, RefundLine::refundRuling), t.getRefundRuling());
        assertEquals(sum(lines, RefundLine::refund), t.getRefund());
        assertEquals(sum(lines, RefundLine::refundUnderScenario), t.getRefundUnderScenario());
        assertEquals(refundable, t.getRefundRuling(), "the rulings' refund is the sum of the results' refundable");
        assertEquals(t.getRefund(), t.getRefundCorrections().add(t.getRefundRuling()));
        assertGroupsAddUp(summary.getByProgram(), t);
        assertGroupsAddUp(summary.getByOrigin(), t);
        assertGroupsAddUp(summary.getByMonth(), t);
        assertEquals(java.time.temporal.ChronoUnit.MONTHS.between(levy.ruleSet().coversFrom().withDayOfMonth(1),
                levy.ruleSet().coversTo().minusDays(1).withDayOfMonth(1)) + 1, summary.getByMonth().size(),
                "entries in every month the rules cover");
        assertTrue(t.getRefundRuling().signum() > 0, "IEEPA duties were paid in 2025");
        assertTrue(refundable2026.signum() > 0, "and in 2026 until their end");
        assertTrue(t.getRefundCorrections().signum() > 0, "retroactive corrections were made in 2025");
    }

    @Test
    void theReportIsTheSameAtAnyThreadCount() throws IOException {
        Levy levy = TestSupport.levy();
        String text = generated(levy).lines().limit(1500).reduce("", (a, b) -> a + b + "\n");
        List<String> one = report(levy, text, 1, null).stream().map(r -> Json.compact(r.line())).toList();
        List<String> three = report(levy, text, 3, null).stream().map(r -> Json.compact(r.line())).toList();
        assertEquals(one, three);
    }

    @Test
    void eachLineIsTheEvaluationOfItsView() throws IOException {
        Levy levy = TestSupport.levy();
        Scenario ieepa = levy.scenario("ieepa-invalidated");
        String text = generated(levy).lines().limit(300).reduce("", (a, b) -> a + b + "\n");
        List<RefundLine> lines = report(levy, text, 2, null).stream().map(Reported::line).toList();
        List<String> shipments = text.lines().toList();
        for (RefundLine l : lines) {
            String json = shipments.get((int) l.line() - 1);
            Result assessed = TestSupport.result(levy.evaluate(json));
            Result owed = TestSupport.result(levy.under(LawView.FINAL.withRulingsApplied()).evaluate(json));
            Result filed = TestSupport.result(levy.under(LawView.asKnown(regimeDate(assessed, json))).evaluate(json));
            assertEquals(assessed.totalDuty(), l.assessed(), json);
            assertEquals(assessed.totalDuty().subtract(assessed.refundable()), l.owed(), json);
            assertEquals(owed.totalDuty(), l.owed(), json);
            assertEquals(filed.totalDuty(), l.filed(), json);
            if (regimeDate(assessed, json).isBefore(levy.ruleSet().rulings().get(0).decided())) {
                assertEquals(0, filed.refundable().signum(), "the ruling is not law as known before its day: " + json);
            } else {
                assertEquals(assessed.refundable(), filed.refundable(), "as known from the ruling's day: " + json);
            }
            // the ruling (rules/rulings.csv) removes what the what-if ieepa-invalidated switched off, no more, no less
            assertEquals(TestSupport.result(levy.under(LawView.FINAL.with(ieepa)).evaluate(json)).totalDuty(), l.owed(), json);
            assertEquals(new RefundLine.Views(filed.view(), null, new View(null, null, true), null), l.views(),
                    "which law each amount read");
        }
    }

    @Test
    void japaneseRobotFiledAssessedOwedAndRefundedOnTheCommandLine(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"robot\",\"hts\":\"8479.50.00\",\"origin\":\"JP\",\"entryDate\":\"2025-08-20\","
                + "\"value\":10000}\n");
        Path csv = dir.resolve("refunds.csv");
        Path summary = dir.resolve("summary.json");
        CliRunner.Run run = CliRunner.run("refunds", input.toString(), "--csv", csv.toString(), "--summary",
                summary.toString());
        assertEquals(0, run.exit(), run.err());
        var line = TestSupport.json(run.out().strip());
        assertMoney("1750.00", line.get("filed"));
        assertMoney("1500.00", line.get("assessed"));
        assertMoney("250.00", line.get("owed"));
        assertMoney("250.00", line.get("refundCorrections"));
        assertMoney("1250.00", line.get("refundRuling"));
        assertMoney("1500.00", line.get("refund"));
        assertTrue(line.get("scenario") == null && line.get("refundUnderScenario") == null, line.toString());
        assertEquals("{\"filed\":{\"asKnown\":\"2025-08-20\"},\"owed\":{\"afterRulings\":true}}",
                line.get("views").toString(), "filed read the law as known at entry, assessed the final schedule (no view)");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(String.join(",", RefundCsv.HEADER), rows.get(0));
        assertTrue(rows.get(0).endsWith(",citation,invalidated,filed_as_known,scenario_name"), rows.get(0));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.endsWith(",2025-08-20,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",IEEPA_RECIPROCAL,9903.02.30,1500.00,0.00,0.00,1500.00,0.00,1500.00,,,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",IEEPA_RECIPROCAL,9903.02.73,0.00,1500.00,0.00,-1500.00,1500.00,0.00,,,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",MFN,8479.50.00,250.00,0.00,250.00,250.00,-250.00,0.00,,,")), rows.toString());
        var views = TestSupport.json(Files.readString(summary)).get("views");
        assertEquals("the final schedule", views.get("assessed").asText());
        assertTrue(views.get("filed").asText().contains("as known at each line's entry"), views.toString());
        assertTrue(views.get("owed").asText().contains("after the rulings"), views.toString());
        assertTrue(run.err().contains("duty filed 1750.00 (as known at entry), assessed 1500.00 (final schedule), owed 250.00 "
                + "(after the rulings); refund 1500.00 = retroactive corrections 250.00 + rulings 1250.00"), run.err());
        CliRunner.Run whatIf = CliRunner.run("refunds", input.toString(), "--scenario", "japan-24-resumed");
        assertEquals(0, whatIf.exit(), whatIf.err());
        assertMoney("1500.00", TestSupport.json(whatIf.out().strip()).get("scenario"));
    }

    /** Whether the line was entered after every IEEPA program had ended (rules/terminations.csv). */
    private static boolean ended(Levy levy, RefundLine l) {
        return levy.ruleSet().terminations().stream().filter(t -> t.program().startsWith("IEEPA"))
                .allMatch(t -> !l.entryDate().isBefore(t.endsOn().plusDays(1)));
    }

    private static void assertMoney(String expected, com.fasterxml.jackson.databind.JsonNode actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual.decimalValue()) == 0,
                "expected " + expected + ", actual " + actual);
    }

    /** The shipment's regime date: its entry date, or the day before for an entry at 00:00. */
    private static java.time.LocalDate regimeDate(Result r, String json) {
        return json.contains("\"00:00\"") ? r.entryDate().minusDays(1) : r.entryDate();
    }

    private static String generated(Levy levy) {
        ShipmentGenerator g = new ShipmentGenerator(levy.ruleSet(), 2025);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            b.append(g.next()).append('\n');
        }
        return b.toString();
    }

    private static void assertGroupsAddUp(Map<String, RefundSummary.Totals> groups, RefundSummary.Totals total) {
        for (Function<RefundSummary.Totals, BigDecimal> f : List.<Function<RefundSummary.Totals, BigDecimal>>of(
                RefundSummary.Totals::getFiled, RefundSummary.Totals::getAssessed, RefundSummary.Totals::getOwed,
                RefundSummary.Totals::getScenario, RefundSummary.Totals::getRefundCorrections,
                RefundSummary.Totals::getRefundRuling)) {
            assertEquals(f.apply(total), groups.values().stream().map(f).reduce(zero(), BigDecimal::add));
        }
    }

    private static BigDecimal sum(List<RefundLine> lines, Function<RefundLine, BigDecimal> f) {
        return lines.stream().map(f).reduce(zero(), BigDecimal::add);
    }

    private static BigDecimal instruments(RefundLine l, Function<RefundLine.Instrument, BigDecimal> f) {
        return l.instruments().stream().map(f).reduce(zero(), BigDecimal::add);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

}
