package dev.levy.fact;

import dev.levy.engine.RateText;
import dev.levy.engine.RuleMetadata;
import dev.levy.model.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A duty a rule imposes on a shipment: {@code rate} percent of {@code basis} plus, for a specific or compound rate,
 * {@code perUnit} USD per {@code unit} of the shipment's quantity, under {@code heading}. Immutable: an exception that
 * changes a duty deletes it and inserts the changed copy.
 *
 * <p>Every duty is built by the one canonical constructor, and every copy by the {@code with...} methods, each of
 * which changes one thing and passes every other field through: a transformation says what it changes and cannot
 * drop the rest. The law of the copies (docs/open-questions.md, "Specific and compound rates"):
 * <ul>
 *   <li>a new rate ({@link #at}, {@link #replacedBy}) replaces the whole rate, ad valorem and specific parts both;</li>
 *   <li>a new basis ({@link #on}, {@link #carveOut}) moves only the ad valorem part: the specific part stays charged
 *   on the shipment's full quantity, once, on the line that keeps it.</li>
 * </ul>
 * The amount is computed after the session.
 */
public final class Duty implements ShipmentFact {
    private final Shipment shipment;
    private final String program;
    private final String heading;
    private final BigDecimal rate;
    private final BigDecimal perUnit;
    private final String unit;
    private final BigDecimal basis;
    private final Set<String> carvedOut;
    private final String rule;
    private final String citation;

    /** The one constructor: every duty and every copy of one comes through here. */
    private Duty(Shipment shipment, String program, String heading, BigDecimal rate, BigDecimal perUnit, String unit,
                 BigDecimal basis, Set<String> carvedOut, String rule, String citation) {
        this.shipment = Objects.requireNonNull(shipment, "shipment");
        this.program = Objects.requireNonNull(program, "program");
        this.heading = Objects.requireNonNull(heading, "heading");
        this.rate = Objects.requireNonNull(rate, "rate of " + program + " " + heading);
        if ((perUnit == null) != (unit == null)) {
            throw new IllegalArgumentException("the specific part of " + program + " " + heading
                    + " needs both its amount per unit and its unit");
        }
        this.perUnit = perUnit;
        this.unit = unit;
        this.basis = Objects.requireNonNull(basis, "basis");
        this.carvedOut = Collections.unmodifiableSet(new TreeSet<>(carvedOut));
        this.rule = rule;
        this.citation = citation;
    }

    /** A duty at the rate and heading of a table row; the citation is the firing rule's {@code @citation}. */
    public static Duty of(RuleContext ctx, Shipment shipment, String program, Row row, BigDecimal basis) {
        if (row.getRate() == null) {
            throw new IllegalStateException("rule \"" + ctx.getRule().getName() + "\": table " + row.getTable()
                    + " has no rate (" + row.getLocation() + ")");
        }
        return of(ctx, shipment, program, row.getHeading(), row, basis);
    }

    /**
     * A duty at a row's rate, ad valorem and specific parts both, reported under {@code heading} (the MFN line
     * reports the shipment's HTS number). The specific part is charged on the shipment's quantity.
     */
    public static Duty of(RuleContext ctx, Shipment shipment, String program, String heading, Row row, BigDecimal basis) {
        return new Duty(shipment, program, heading, row.getRate(), row.getPerUnit(), row.getUnit(), basis, Set.of(),
                ctx.getRule().getName(), RuleMetadata.citation(ctx));
    }

    /** An ad valorem duty at {@code rate} percent of {@code basis}. */
    public static Duty of(RuleContext ctx, Shipment shipment, String program, String heading, BigDecimal rate,
                          BigDecimal basis) {
        return new Duty(shipment, program, heading, rate, null, null, basis, Set.of(), ctx.getRule().getName(),
                RuleMetadata.citation(ctx));
    }

    // ------------------------------------------------------------ transformations a rule writes in its consequence

    /**
     * This duty with {@code amount} of its basis taken out (US content, metal content), under a name (an exception
     * heading, or the heading of the duty that takes that part): the basis never goes below zero, and the name is
     * remembered in {@link #getCarvedOut()} so that a rule can test it and not carve the same part twice. The rate
     * stays whole: a specific part is still charged on the full quantity, on this line.
     */
    public Duty carveOut(String name, BigDecimal amount) {
        return withBasis(basis.subtract(amount).max(BigDecimal.ZERO)).withCarvedOut(name);
    }

    /** This duty reported under another Chapter 99 heading (e.g. the non-US-content heading of a split line). */
    public Duty reportedUnder(String otherHeading) {
        return withHeading(otherHeading);
    }

    /**
     * This duty at another ad valorem rate under another heading, imposed by the firing rule (e.g. an all-in rate,
     * or the 0 the Chapter 1-97 line carries under it): the new rate replaces the whole rate, specific part included.
     */
    public Duty at(RuleContext ctx, String otherHeading, BigDecimal otherRate) {
        return withHeading(otherHeading).withRate(otherRate, null, null).imposedBy(ctx);
    }

    /** This duty on another basis (e.g. the metal content only), keeping its rate, specific part included, and heading. */
    public Duty on(BigDecimal otherBasis) {
        return withBasis(otherBasis);
    }

    /** This duty at a row's rate (ad valorem and specific parts) and heading, e.g. a rate applied in lieu of another. */
    public Duty replacedBy(RuleContext ctx, Row row) {
        return withHeading(row.getHeading()).withRate(row.getRate(), row.getPerUnit(), row.getUnit()).imposedBy(ctx);
    }

    // ------------------------------------------------------------ the copies: each changes one thing, keeps the rest

    private Duty withHeading(String newHeading) {
        return new Duty(shipment, program, newHeading, rate, perUnit, unit, basis, carvedOut, rule, citation);
    }

    /** The rate is one thing: its ad valorem and specific parts change together. */
    private Duty withRate(BigDecimal newRate, BigDecimal newPerUnit, String newUnit) {
        return new Duty(shipment, program, heading, newRate, newPerUnit, newUnit, basis, carvedOut, rule, citation);
    }

    private Duty withBasis(BigDecimal newBasis) {
        return new Duty(shipment, program, heading, rate, perUnit, unit, newBasis, carvedOut, rule, citation);
    }

    private Duty withCarvedOut(String name) {
        Set<String> names = new TreeSet<>(carvedOut);
        names.add(name);
        return new Duty(shipment, program, heading, rate, perUnit, unit, basis, names, rule, citation);
    }

    /** The rule that fired and its citation, which now answer for the duty. */
    private Duty imposedBy(RuleContext ctx) {
        return new Duty(shipment, program, heading, rate, perUnit, unit, basis, carvedOut, ctx.getRule().getName(),
                RuleMetadata.citation(ctx));
    }

    @Override
    public Shipment getShipment() { return shipment; }

    public String getProgram() { return program; }

    public String getHeading() { return heading; }

    /** The ad valorem part, in percent (0 for a purely specific rate). */
    public BigDecimal getRate() { return rate; }

    public BigDecimal getBasis() { return basis; }

    /** Names of the parts already carved out of the basis. */
    public Set<String> getCarvedOut() { return carvedOut; }

    /** Name of the rule that imposed the duty. */
    public String getRule() { return rule; }

    public String getCitation() { return citation; }

    /** The specific part, USD per {@link #getUnit()} of the shipment's quantity; null for an ad valorem duty. */
    public BigDecimal getPerUnit() { return perUnit; }

    public String getUnit() { return unit; }

    /** The whole rate in words, for messages: {@code 5% + $0.015/kg}. */
    public String getRateText() { return RateText.show(rate, perUnit, unit); }

    /**
     * The ad valorem equivalent in percent of the shipment's value: the rate itself for an ad valorem duty; for a
     * specific or compound one, its whole amount divided by the value (HTSUS ch.99 subch.III note 2(v)(xix)). Rules
     * that compare a duty's rate with a threshold (the 15% all-in test) compare this.
     */
    public BigDecimal getAveRate() {
        if (perUnit == null) {
            return rate;
        }
        BigDecimal amount = rate.multiply(basis).divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP)
                .add(specificAmount());
        return amount.multiply(BigDecimal.valueOf(100)).divide(shipment.getValue(), 4, RoundingMode.HALF_UP);
    }

    /** The specific part's amount in USD (unrounded), or zero. */
    public BigDecimal specificAmount() {
        return perUnit == null || shipment.getQuantityAmount() == null ? BigDecimal.ZERO
                : perUnit.multiply(shipment.getQuantityAmount());
    }

    @Override
    public String toString() {
        return "Duty[" + program + " " + heading + " " + rate.toPlainString() + "%"
                + (perUnit == null ? "" : " + $" + perUnit.toPlainString() + "/" + unit) + " of " + basis.toPlainString() + "]";
    }
}
