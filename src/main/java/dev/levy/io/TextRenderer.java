package dev.levy.io;

import dev.levy.engine.MessageTemplate;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.NotApplied;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.TraceStep;
import java.util.List;

/**
 * Renders an evaluation for a person: which law it read when not the final schedule, each measure's arithmetic, what was
 * not applied and why, and the trace.
 */
public final class TextRenderer {

    private TextRenderer() {}

    /**
     * The note under a measure or not-applied record that rests on sources of medium confidence: {@code medium
     * confidence (secondary sources, not primary text): source a, b}. Their citations: {@code levy check --confidence}.
     */
    static String medium(List<String> sources) {
        return "medium confidence (secondary sources, not primary text): source " + String.join(", ", sources);
    }

    public static String render(Evaluation e) {
        return render(e, List.of());
    }

    /** With {@code hints}: what a different entry date would change (see {@code Timeline.hints}). */
    public static String render(Evaluation e, List<String> hints) {
        return e instanceof Result r ? result(r, hints) : rejection((Rejection) e);
    }

    private static String rejection(Rejection r) {
        return (r.id() == null ? "" : r.id() + ": ") + "REJECTED " + r.error().code()
                + (r.error().field() == null ? "" : " (" + r.error().field() + ")") + ": " + r.error().message() + "\n";
    }

    /**
     * A measure's charge in words: {@code 5% x $20,000.00 = $1,000.00}; a specific rate shows its rate and quantity,
     * {@code $0.01/kg x 13000 kg = $130.00}, and a compound one both parts, {@code 5% x $20,000.00 + $0.015/kg x 10000
     * kg = $1,150.00} (never {@code 0% x $80,000.00 = $130.00}).
     */
    static String charge(Measure m) {
        String adValorem = MessageTemplate.percent(m.rate()) + "% x " + MessageTemplate.usd(m.basis());
        String total = " = " + MessageTemplate.usd(m.amount());
        if (m.specific() == null) {
            return adValorem + total;
        }
        // the specific part's rate and quantity, without its own amount: the total follows
        String perQuantity = m.specific().substring(0, m.specific().lastIndexOf(" = "));
        return (m.rate().signum() == 0 ? "" : adValorem + " + ") + perQuantity + total;
    }

    private static String result(Result r, List<String> hints) {
        StringBuilder out = new StringBuilder();
        if (r.view() != null) {
            out.append(r.view().describe()).append("\n"); // first, so that no one takes it for the law as assessed
        }
        out.append(r.id() == null ? "" : r.id() + ": ").append("HTS ").append(r.hts()).append(", origin ")
                .append(r.origin()).append(", entered ").append(r.entryDate()).append(", value ")
                .append(MessageTemplate.usd(r.value())).append("\n\n");
        out.append("Measures (CBP reporting order)\n");
        int width = r.measures().stream().mapToInt(m -> m.program().length()).max().orElse(0);
        for (Measure m : r.measures()) {
            out.append(String.format("  %-" + width + "s  %-13s  %s%n", m.program(), m.heading(), charge(m)));
            out.append("  ").append(" ".repeat(width)).append("  ").append(m.citation()).append("\n");
            if (!m.mediumSources().isEmpty()) {
                out.append("  ").append(" ".repeat(width)).append("  ").append(medium(m.mediumSources())).append("\n");
            }
            if (m.invalidated() != null) {
                out.append("  ").append(" ".repeat(width)).append("  held unlawful: ").append(m.invalidated()).append("\n");
            }
        }
        out.append(String.format("  Total duty %s = %s%% of the value%n", MessageTemplate.usd(r.totalDuty()),
                MessageTemplate.percent(r.totalRate())));
        if (r.refundable().signum() == 0) {
            out.append(String.format("  Refundable %s%n", MessageTemplate.usd(r.refundable())));
        } else {
            out.append(String.format("  Refundable %s: owed %s once the measures held unlawful are removed and the rest "
                    + "recomputed%n", MessageTemplate.usd(r.refundable()),
                    MessageTemplate.usd(r.totalDuty().subtract(r.refundable()))));
        }
        if (!r.notApplied().isEmpty()) {
            out.append("\nNot applied\n");
            for (NotApplied n : r.notApplied()) {
                out.append("  ").append(n.program()).append(n.heading() == null ? "" : " " + n.heading())
                        .append(n.basis() == null ? "" : " (on " + MessageTemplate.usd(n.basis()) + ")").append(": ")
                        .append(n.reason()).append("\n    ").append(n.citation()).append("\n");
                if (!n.mediumSources().isEmpty()) {
                    out.append("    ").append(medium(n.mediumSources())).append("\n");
                }
            }
        }
        if (!hints.isEmpty()) {
            out.append("\nOn another entry date\n");
            hints.forEach(h -> out.append("  ").append(h).append("\n"));
        }
        out.append("\nTrace\n");
        int i = 0;
        for (TraceStep t : r.trace()) {
            out.append(String.format("  %d. %s%n     %s%n     [%s]%n", ++i, t.rule(), t.message(), t.citation()));
        }
        out.append("\nRules version ").append(r.rulesVersion()).append("\n");
        return out.toString();
    }
}
