package dev.levy.fact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * "X% inclusive of the chapter 1-97 rate" (the all-in rates of HTSUS ch.99 subch.III note 2(v)(xix), (xxiv)(a),
 * (xxv)(a)) for a good whose column 1 rate is below X (its ad valorem equivalent, {@link Duty#getAveRate()}: the rule
 * tests that). As CBP requires such entries to be filed, the additional duty's heading carries the whole X% on the
 * additional duty's basis, and the Chapter 1-97 line carries 0 on that value: its whole rate, specific part included,
 * is replaced. The part of the Chapter 1-97 line's basis the additional duty does not cover (US content carved out of
 * it) keeps the column 1 rate, and the specific part stays charged there, once.
 *
 * <p>One operation, so that every all-in partner is a row of a table and the arithmetic is written (and tested) once.
 * A rule writes: {@code delete(d); delete(m); for (Object f : AllIn.of(kcontext, d, m, heading, rate).facts())
 * insert(f);}
 *
 * @param additional the additional duty at the all-in rate under the all-in heading, on its own basis
 * @param chapterLine the Chapter 1-97 line at 0 on the additional duty's basis
 * @param chapterRest the Chapter 1-97 line on the rest of its basis, at its own rate; null when nothing is left
 * @param exempted    the Chapter 1-97 rate not applied on the value the all-in heading carries
 */
public record AllIn(Duty additional, Duty chapterLine, Duty chapterRest, Exemption exempted) {

    /** The all-in of {@code additional} and the Chapter 1-97 line {@code mfn}: {@code total}% under {@code heading}. */
    public static AllIn of(RuleContext ctx, Duty additional, Duty mfn, String heading, BigDecimal total) {
        BigDecimal covered = additional.getBasis();
        Duty rest = mfn.getBasis().compareTo(covered) > 0 ? mfn.carveOut(heading, covered) : null;
        return new AllIn(additional.at(ctx, heading, total),
                mfn.at(ctx, mfn.getHeading(), BigDecimal.ZERO).on(covered), rest,
                Exemption.partial(ctx, mfn, heading, covered.min(mfn.getBasis())));
    }

    /** The facts that take the place of the two duties, in the order a rule inserts them. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>(List.of(additional, chapterLine));
        if (chapterRest != null) {
            out.add(chapterRest);
        }
        out.add(exempted);
        return out;
    }
}
