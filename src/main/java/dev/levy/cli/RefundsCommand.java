package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.RefundPaths;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.model.LawView;
import dev.levy.model.Scenario;
import dev.levy.refund.CapeReport;
import dev.levy.refund.RefundCsv;
import dev.levy.refund.RefundLine;
import dev.levy.refund.RefundSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "refunds", mixinStandardHelpOptions = true,
        description = "For each entry line: the duty as filed (the law as known at entry), as assessed (the schedule as "
                + "finally amended), as owed (after the rulings: the measures held unlawful removed and the rest "
                + "recomputed), the refund by cause (retroactive corrections, rulings), and optionally under a what-if "
                + "scenario, with the differences by program and heading (JSON Lines), then the totals by program, origin "
                + "and month. Streams in constant memory.")
final class RefundsCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "INPUT", arity = "0..1", description = "Entry lines (JSON Lines, a JSON array, or CSV with "
            + "--input-format csv), or - for standard input (the default).")
    String file;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "Adds a what-if column: the duty under this "
            + "scenario (a name shipped with the rules, or a file). Default: none.")
    String scenario;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "json or csv. Default: csv for an INPUT named *.csv, else json.")
    Inputs.Format inputFormat;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also writes a CSV for a spreadsheet: one row per line and "
            + "instrument, with filed, assessed, owed, refund and scenario amounts.")
    Path csvFile;

    @Option(names = "--summary", paramLabel = "FILE", description = "Writes the totals by program, origin and month (JSON); "
            + "default: to standard error.")
    Path summaryFile;

    @Option(names = "--cape", paramLabel = "DIR", description = "Instead of the per-line report: sums the refunds per "
            + "entry (entryNumber) and gives each entry its path (CAPE, PROTEST, COURT, PSC, NONE, NOT_YET, from the "
            + "rules' refunds/paths.csv), writing DIR/entries.jsonl and the CAPE files DIR/cape-001.csv, ...")
    Path capeDir;

    @Option(names = "--as-of", paramLabel = "DATE", converter = OptionValues.Date.class, description = "With --cape: "
            + "the day the paths and deadlines are decided on (YYYY-MM-DD). Default: today.")
    LocalDate asOf;

    @Mixin
    ThreadsOption workers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Reader reader = InputFile.open(file, "levy refunds", err);
        if (reader == null) {
            return LevyCommand.BAD_INPUT;
        }
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        List<LawView> views = new ArrayList<>(List.of(LawView.asKnownAtEntry(), LawView.FINAL,
                LawView.FINAL.withRulingsApplied()));
        Scenario s = null;
        if (scenario != null) {
            try {
                s = levy.scenario(scenario);
                levy.under(LawView.FINAL.with(s)); // checks the scenario against the rules
            } catch (IllegalArgumentException e) {
                err.println("levy refunds: " + e.getMessage());
                return LevyCommand.BAD_INPUT;
            }
            views.add(LawView.FINAL.with(s));
        }
        if (capeDir != null) {
            return cape(levy, reader, err);
        }
        RefundSummary summary = new RefundSummary(s == null ? null : s.name());
        try (Inputs inputs = Inputs.open(reader, InputFile.format(file, inputFormat));
             Writer csvOut = csvFile == null ? Writer.nullWriter() : Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8)) {
            RefundCsv csv = new RefundCsv(csvOut);
            levy.fields(RefundLine.READS).evaluate(inputs, workers.threads, views,
                    (input, evaluations) -> RefundLine.of(input.line(), evaluations), line -> {
                out.write(Json.compact(line));
                out.write('\n');
                csv.add(line);
                summary.add(line);
            });
        } catch (Inputs.LooksLikeCsv e) {
            err.println("levy refunds: " + e.getMessage() + ": use --input-format csv");
            return LevyCommand.BAD_INPUT;
        }
        out.flush();
        finish(summary, err);
        return summary.getRejected() == 0 ? LevyCommand.OK : LevyCommand.BAD_INPUT;
    }

    /** {@code --cape}: the refunds per entry and each entry's path, in DIR; the totals per path on stderr. */
    private int cape(Levy levy, Reader reader, PrintWriter err) throws IOException {
        if (scenario != null || csvFile != null || summaryFile != null) {
            err.println("levy refunds: --cape takes none of --scenario, --csv, --summary");
            return LevyCommand.BAD_INPUT;
        }
        if (Files.exists(capeDir.resolve(CapeReport.capeFile(1)))) {
            err.println("levy refunds: " + capeDir.resolve(CapeReport.capeFile(1)) + " exists: give a folder without "
                    + "CAPE files, so that none of an earlier run is filed by mistake");
            return LevyCommand.BAD_INPUT;
        }
        RefundPaths paths = levy.ruleSet().refundPaths();
        int perFile;
        try {
            perFile = CapeReport.perFile(paths);
        } catch (IllegalStateException e) {
            err.println("levy refunds: " + e.getMessage());
            return LevyCommand.BAD_INPUT;
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now();
        CapeReport report;
        try (Inputs inputs = Inputs.open(reader, InputFile.format(file, inputFormat))) {
            report = CapeReport.of(levy, inputs, workers.threads);
        } catch (Inputs.LooksLikeCsv e) {
            err.println("levy refunds: " + e.getMessage() + ": use --input-format csv");
            return LevyCommand.BAD_INPUT;
        }
        List<CapeReport.EntryResult> results = report.results(paths, day);
        Map<String, CapeReport.Totals> totals = CapeReport.write(results, capeDir, perFile);
        long capeEntries = totals.containsKey("CAPE") ? totals.get("CAPE").getEntries() : 0;
        long accounted = totals.values().stream().mapToLong(CapeReport.Totals::getLines).sum();
        err.printf("as of %s: read %d lines (rejected %d), %d in the report: %d entries and lines without one%n", day,
                report.read(), report.rejected(), accounted, results.size());
        totals.forEach((path, t) -> err.printf("  %-18s %8d entries %9d lines  refundable %s  other refund %s%n", path,
                t.getEntries(), t.getLines(), t.getRefundable(), t.getOtherRefund()));
        err.printf("%s/entries.jsonl; %d CAPE entries in %d file(s) of at most %d; interest %s%n", capeDir, capeEntries,
                (capeEntries + perFile - 1) / perFile, perFile, CapeReport.INTEREST);
        err.flush();
        return report.rejected() == 0 ? LevyCommand.OK : LevyCommand.BAD_INPUT;
    }

    private void finish(RefundSummary summary, PrintWriter err) throws IOException {
        if (summaryFile != null) {
            Files.writeString(summaryFile, Json.pretty(summary) + "\n");
        } else {
            err.println(Json.pretty(summary));
        }
        RefundSummary.Totals t = summary.getTotal();
        err.printf("read %d, evaluated %d, rejected %d; duty filed %s (as known at entry), assessed %s (final schedule), "
                + "owed %s (after the rulings); refund %s = retroactive corrections %s + rulings %s%s%n",
                summary.getRead(), summary.getEvaluated(), summary.getRejected(), t.getFiled(), t.getAssessed(),
                t.getOwed(), t.getRefund(), t.getRefundCorrections(), t.getRefundRuling(), summary.getScenario() == null
                        ? "" : "; under " + summary.getScenario() + " " + t.getScenario() + ", refund "
                        + t.getRefundUnderScenario());
        err.flush();
    }

}
