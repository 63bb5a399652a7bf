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

/** A year of generated entry lines: the refund report's totals are the sums of its lines, in every grouping. */
class RefundReportTest {
    private static final int LINES = 3000;

    @Test
    void totalsReconcileWithTheLinesOverAYearOfGeneratedEntries() throws IOException {
        Levy levy = TestSupport.levy();
        Scenario scenario = levy.scenario("ieepa-invalidated");
        RefundSummary summary = new RefundSummary(scenario.name());
        List<RefundLine> lines = new ArrayList<>();
        try (Inputs inputs = Inputs.open(new StringReader(generated(levy)), Inputs.Format.JSON)) {
            levy.evaluate(inputs, 2, List.of(LawView.asKnownAtEntry(), LawView.FINAL, LawView.FINAL.with(scenario)),
                    (input, e) -> RefundLine.of(input.line(), e), line -> {
                        lines.add(line);
                        summary.add(line);
                    });
        }
        assertEquals(LINES, summary.getRead());
        assertEquals(0, summary.getRejected());
        RefundSummary.Totals t = summary.getTotal();
        assertEquals(sum(lines, RefundLine::filed), t.getFiled());
        assertEquals(sum(lines, RefundLine::owed), t.getOwed());
        assertEquals(sum(lines, RefundLine::scenario), t.getScenario());
        assertEquals(sum(lines, RefundLine::refund), t.getRefund());
        assertEquals(sum(lines, RefundLine::refundUnderScenario), t.getRefundUnderScenario());
        for (RefundLine l : lines) {
            assertEquals(l.filed(), instruments(l, RefundLine.Instrument::filed), "line " + l.line());
            assertEquals(l.owed(), instruments(l, RefundLine.Instrument::owed), "line " + l.line());
            assertEquals(l.scenario(), instruments(l, RefundLine.Instrument::scenario), "line " + l.line());
        }
        assertGroupsAddUp(summary.getByProgram(), t);
        assertGroupsAddUp(summary.getByOrigin(), t);
        assertGroupsAddUp(summary.getByMonth(), t);
        assertEquals(12, summary.getByMonth().size(), "a year of entries");
        assertTrue(t.getRefundUnderScenario().signum() > 0, "IEEPA duties were paid in 2025");
    }

    @Test
    void eachLineIsTheEvaluationOfItsView() throws IOException {
        Levy levy = TestSupport.levy();
        Scenario scenario = levy.scenario("ieepa-invalidated");
        String text = generated(levy).lines().limit(300).reduce("", (a, b) -> a + b + "\n");
        List<RefundLine> lines = new ArrayList<>();
        try (Inputs inputs = Inputs.open(new StringReader(text), Inputs.Format.JSON)) {
            levy.evaluate(inputs, 2, List.of(LawView.asKnownAtEntry(), LawView.FINAL, LawView.FINAL.with(scenario)),
                    (input, e) -> RefundLine.of(input.line(), e), lines::add);
        }
        List<String> shipments = text.lines().toList();
        for (RefundLine l : lines) {
            String json = shipments.get((int) l.line() - 1);
            Result owed = TestSupport.result(levy.evaluate(json));
            Result scen = TestSupport.result(levy.under(LawView.FINAL.with(scenario)).evaluate(json));
            Result filed = TestSupport.result(levy.under(LawView.asKnown(regimeDate(owed, json))).evaluate(json));
            assertEquals(owed.totalDuty(), l.owed(), json);
            assertEquals(scen.totalDuty(), l.scenario(), json);
            assertEquals(filed.totalDuty(), l.filed(), json);
            assertEquals(new RefundLine.Views(filed.view(), null, scen.view()), l.views(), "which law each amount read");
        }
    }

    @Test
    void japaneseRobotFiledOwedAndRefundedOnTheCommandLine(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"robot\",\"hts\":\"8479.50.00\",\"origin\":\"JP\",\"entryDate\":\"2025-08-20\","
                + "\"value\":10000}\n");
        Path csv = dir.resolve("refunds.csv");
        Path summary = dir.resolve("summary.json");
        CliRunner.Run run = CliRunner.run("refunds", input.toString(), "--csv", csv.toString(), "--summary",
                summary.toString());
        assertEquals(0, run.exit(), run.err());
        var line = TestSupport.json(run.out().strip());
        assertEquals(0, new BigDecimal("1750.00").compareTo(line.get("filed").decimalValue()));
        assertEquals(0, new BigDecimal("1500.00").compareTo(line.get("owed").decimalValue()));
        assertEquals(0, new BigDecimal("250.00").compareTo(line.get("scenario").decimalValue()));
        assertEquals(0, new BigDecimal("250.00").compareTo(line.get("refund").decimalValue()));
        assertEquals("{\"filed\":{\"asKnown\":\"2025-08-20\"},\"scenario\":{\"scenario\":\"ieepa-invalidated\"}}",
                line.get("views").toString(), "filed read the law as known at entry, owed the final schedule (no view)");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(String.join(",", RefundCsv.HEADER), rows.get(0));
        assertTrue(rows.get(0).endsWith(",citation,filed_as_known,scenario_name"), rows.get(0));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.endsWith(",2025-08-20,ieepa-invalidated")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",IEEPA_RECIPROCAL,9903.02.30,1500.00,0.00,0.00,1500.00,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",MFN,8479.50.00,250.00,0.00,250.00,250.00,0.00,")), rows.toString());
        assertTrue(Files.readString(summary).contains("\"scenario\" : \"ieepa-invalidated\""));
        var views = TestSupport.json(Files.readString(summary)).get("views");
        assertEquals("the final schedule", views.get("owed").asText());
        assertTrue(views.get("filed").asText().contains("as known at each line's entry"), views.toString());
        assertTrue(views.get("scenario").asText().contains("ieepa-invalidated"), views.toString());
        assertTrue(run.err().contains("duty filed 1750.00 (as known at entry), owed 1500.00 (final schedule)"), run.err());
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
        assertEquals(total.getFiled(), groups.values().stream().map(RefundSummary.Totals::getFiled).reduce(zero(), BigDecimal::add));
        assertEquals(total.getOwed(), groups.values().stream().map(RefundSummary.Totals::getOwed).reduce(zero(), BigDecimal::add));
        assertEquals(total.getScenario(), groups.values().stream().map(RefundSummary.Totals::getScenario).reduce(zero(), BigDecimal::add));
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
