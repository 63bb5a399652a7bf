package dev.levy.fact;

import dev.levy.engine.RuleMetadata;
import dev.levy.model.Shipment;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A duty a rule imposes on a shipment: {@code rate} percent of {@code basis}, under {@code heading}. Immutable: an
 * exception that changes a duty deletes it and inserts the changed copy. The amount is computed after the session.
 */
public final class Duty implements ShipmentFact {
    private final Shipment shipment;
    private final String program;
    private final String heading;
    private final BigDecimal rate;
    private final BigDecimal basis;
    private final Set<String> carvedOut;
    private final String rule;
    private final String citation;
    private final BigDecimal perUnit;
    private final String unit;

    private Duty(Shipment shipment, String program, String heading, BigDecimal rate, BigDecimal basis,
                 Set<String> carvedOut, String rule, String citation) {
        this(shipment, program, heading, rate, basis, carvedOut, rule, citation, null, null);
    }

    private Duty(Shipment shipment, String program, String heading, BigDecimal rate, BigDecimal basis,
                 Set<String> carvedOut, String rule, String citation, BigDecimal perUnit, String unit) {
        this.shipment = Objects.requireNonNull(shipment, "shipment");
        this.program = Objects.requireNonNull(program, "program");
        this.heading = Objects.requireNonNull(heading, "heading");
        this.rate = Objects.requireNonNull(rate, "rate of " + program + " " + heading);
        this.basis = Objects.requireNonNull(basis, "basis");
        this.carvedOut = Collections.unmodifiableSet(carvedOut);
        this.rule = rule;
        this.citation = citation;
        this.perUnit = perUnit;
        this.unit = unit;
    }

    /** A duty at the rate and heading of a table row; the citation is the firing rule's {@code @citation}. */
    public static Duty of(RuleContext ctx, Shipment shipment, String program, Row row, BigDecimal basis) {
        if (row.getRate() == null) {
            throw new IllegalStateException("rule \"" + ctx.getRule().getName() + "\": table " + row.getTable()
                    + " has no rate (" + row.getLocation() + ")");
        }
        return of(ctx, shipment, program, row.getHeading(), row.getRate(), basis);
    }

    /**
     * A duty at a schedule row's rate, ad valorem and specific parts both, reported under {@code heading} (the MFN
     * line reports the shipment's HTS number). The specific part is charged on the shipment's quantity.
     */
    public static Duty of(RuleContext ctx, Shipment shipment, String program, String heading, Row row, BigDecimal basis) {
        return new Duty(shipment, program, heading, row.getRate(), basis, new TreeSet<>(), ctx.getRule().getName(),
                RuleMetadata.citation(ctx.getRule()), row.getPerUnit(), row.getUnit());
    }

    public static Duty of(RuleContext ctx, Shipment shipment, String program, String heading, BigDecimal rate,
                          BigDecimal basis) {
        return new Duty(shipment, program, heading, rate, basis, new TreeSet<>(), ctx.getRule().getName(),
                RuleMetadata.citation(ctx.getRule()));
    }

    /**
     * This duty with {@code amount} of its basis taken out (US content, metal content), under a name (an exception
     * heading, or the heading of the duty that takes that part): the basis never goes below zero, and the name is
     * remembered in {@link #getCarvedOut()} so that a rule can test it and not carve the same part twice.
     */
    public Duty carveOut(String name, BigDecimal amount) {
        Set<String> headings = new TreeSet<>(carvedOut);
        headings.add(name);
        BigDecimal reduced = basis.subtract(amount).max(BigDecimal.ZERO);
        return new Duty(shipment, program, heading, rate, reduced, headings, rule, citation);
    }

    /** This duty reported under another Chapter 99 heading (e.g. the non-US-content heading of a split line). */
    public Duty reportedUnder(String otherHeading) {
        return new Duty(shipment, program, otherHeading, rate, basis, new TreeSet<>(carvedOut), rule, citation, perUnit,
                unit);
    }

    /** This duty at another rate under another heading, imposed by the firing rule (e.g. an all-in rate). */
    public Duty at(RuleContext ctx, String otherHeading, BigDecimal otherRate) {
        return new Duty(shipment, program, otherHeading, otherRate, basis, new TreeSet<>(carvedOut),
                ctx.getRule().getName(), RuleMetadata.citation(ctx.getRule()));
    }

    /** This duty on another basis (e.g. the metal content only), keeping its rate and heading. */
    public Duty on(BigDecimal otherBasis) {
        return new Duty(shipment, program, heading, rate, otherBasis, new TreeSet<>(carvedOut), rule, citation, perUnit,
                unit);
    }

    /** This duty at another rate and heading, e.g. a rate applied in lieu of another. */
    public Duty replacedBy(RuleContext ctx, Row row) {
        return new Duty(shipment, program, row.getHeading(), row.getRate(), basis, new TreeSet<>(carvedOut),
                ctx.getRule().getName(), RuleMetadata.citation(ctx.getRule()));
    }

    @Override
    public Shipment getShipment() { return shipment; }

    public String getProgram() { return program; }

    public String getHeading() { return heading; }

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

    /**
     * The ad valorem equivalent in percent of the shipment's value: the rate itself for an ad valorem duty; for a
     * specific or compound one, its whole amount divided by the value (HTSUS ch.99 subch.III note 2(v)(xix)). Rules
     * that compare a duty's rate with a threshold (the 15% all-in test) compare this.
     */
    public BigDecimal getAveRate() {
        if (perUnit == null) {
            return rate;
        }
        BigDecimal amount = rate.multiply(basis).divide(BigDecimal.valueOf(100), 10, java.math.RoundingMode.HALF_UP)
                .add(specificAmount());
        return amount.multiply(BigDecimal.valueOf(100)).divide(shipment.getValue(), 4, java.math.RoundingMode.HALF_UP);
    }

    /** The specific part's amount in USD (unrounded), or zero. */
    public BigDecimal specificAmount() {
        return perUnit == null || shipment.getQuantityAmount() == null ? BigDecimal.ZERO
                : perUnit.multiply(shipment.getQuantityAmount());
    }

    @Override
    public String toString() {
        return "Duty[" + program + " " + heading + " " + rate.toPlainString() + "% of " + basis.toPlainString() + "]";
    }
}
