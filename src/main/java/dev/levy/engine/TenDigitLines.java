package dev.levy.engine;

import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.Shipment;
import dev.levy.model.ShipmentError;
import dev.levy.model.TraceStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether an 8-digit HTS number decides a shipment's measures (contract §5, {@code AMBIGUOUS_HTS}). The same shipment
 * is evaluated under one 10-digit line of each class of its lines (lines that the schedule and every table treat
 * alike, {@link TableIndex#lineClasses()}). When the classes get different measures, the 8-digit number is ambiguous
 * for this shipment: the rejection names the lines of each class and what each gets. When they all agree, the 8-digit
 * number stands: its own result, or, when the number as such misses rows that all its lines have (a table that lists
 * every line of it one by one), the lines' common result under the 8-digit number.
 */
final class TenDigitLines {
    /** A class of more lines than this is named by its first lines, or as "the other N lines": a message is for a person. */
    private static final int LISTED_LINES = 8;
    /** Cited by the trace step that says an 8-digit number was evaluated as its 10-digit lines. */
    private static final String STATISTICAL_NOTES = "HTSUS General Statistical Notes (10-digit statistical reporting numbers)";

    private TenDigitLines() {}

    /**
     * What a class of lines gets, comparable across lines: its measures, sorted, with a line's own number (the MFN
     * heading) read as the 8-digit number. Not-applied records are explanations, not measures: lines that differ only
     * there give the same duty, and the 8-digit number stands (contract §5).
     */
    private record Outcome(List<String> measures) {
        static Outcome of(Result r, String asHts) {
            List<String> measures = new ArrayList<>();
            for (Measure m : r.measures()) {
                measures.add(m.program() + " " + (m.heading().equals(r.hts()) ? asHts : m.heading()) + " "
                        + MessageTemplate.percent(m.rate()) + "% = " + MessageTemplate.usd(m.amount())
                        + (m.specific() == null ? "" : " (" + m.specific() + ")"));
            }
            Collections.sort(measures);
            return new Outcome(measures);
        }
    }

    static Evaluation decide(Shipment s, Result own, List<List<String>> classes, List<Result> perClass) {
        List<Outcome> outcomes = perClass.stream().map(r -> Outcome.of(r, s.getHts())).toList();
        if (outcomes.stream().allMatch(o -> o.equals(outcomes.get(0)))) {
            return Outcome.of(own, s.getHts()).equals(outcomes.get(0)) ? own : asEightDigits(s, perClass.get(0), classes);
        }
        return new Rejection(s.getId(), new ShipmentError(ErrorCode.AMBIGUOUS_HTS, "hts", message(s, classes, outcomes)));
    }

    /** "HTS 7326.90.86 does not decide ...: 7326.90.86.88 gets X; 7326.90.86.05, ... get none of these: give ...". */
    private static String message(Shipment s, List<List<String>> classes, List<Outcome> outcomes) {
        Set<String> common = new LinkedHashSet<>(outcomes.get(0).measures());
        outcomes.forEach(o -> common.retainAll(o.measures()));
        int largest = 0;
        for (int i = 1; i < classes.size(); i++) {
            largest = classes.get(i).size() > classes.get(largest).size() ? i : largest;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (i != largest || classes.get(i).size() <= LISTED_LINES) {
                parts.add(lines(classes.get(i)) + (classes.get(i).size() == 1 ? " gets " : " get ") + gets(outcomes.get(i), common));
            }
        }
        if (classes.get(largest).size() > LISTED_LINES) { // named by the others: the message stays readable
            parts.add("the other " + classes.get(largest).size() + " lines of " + s.getHts() + " get "
                    + gets(outcomes.get(largest), common));
        }
        return "HTS " + s.getHts() + " does not decide this shipment's measures: "
                + String.join("; ", parts) + ". Give the 10-digit number";
    }

    private static String gets(Outcome outcome, Set<String> common) {
        List<String> own = outcome.measures().stream().filter(x -> !common.contains(x)).toList();
        return own.isEmpty() ? "none of these" : String.join(", ", own);
    }

    /**
     * Lines of one 8-digit number, the first in full and the others by their suffix: 7326.90.86.05, .10, .30; beyond
     * {@link #LISTED_LINES}, how many more.
     */
    private static String lines(List<String> lines) {
        StringBuilder out = new StringBuilder(Shipment.dotted(lines.get(0)));
        lines.subList(1, Math.min(lines.size(), LISTED_LINES)).forEach(l -> out.append(", .").append(l.substring(8)));
        if (lines.size() > LISTED_LINES) {
            out.append(" and ").append(lines.size() - LISTED_LINES).append(" more");
        }
        return out.toString();
    }

    /** A line's result as the 8-digit number's: its number, the MFN heading, and a first trace step saying why. */
    private static Result asEightDigits(Shipment s, Result line, List<List<String>> classes) {
        List<Measure> measures = line.measures().stream().map(m -> !Objects.equals(m.heading(), line.hts()) ? m
                : new Measure(m.program(), s.getHts(), m.rate(), m.basis(), m.amount(), m.citation(), m.description(),
                        m.specific(), m.invalidated(), m.mediumSources())).toList();
        List<TraceStep> trace = null; // not kept when the output leaves it out
        if (line.trace() != null) {
            trace = new ArrayList<>();
            List<String> all = classes.stream().flatMap(List::stream).toList();
            trace.add(new TraceStep("10-digit lines", "HTS " + s.getHts() + ": every 10-digit line (" + lines(all)
                    + ") gets the same measures, which the 8-digit number as such does not show; evaluated as "
                    + line.hts(), STATISTICAL_NOTES));
            trace.addAll(line.trace());
        }
        return new Result(line.id(), s.getHts(), line.origin(), line.entryDate(), line.value(), measures, line.totalDuty(),
                line.totalRate(), line.notApplied(), trace, line.rulesVersion(), line.view(), line.refundable());
    }
}
