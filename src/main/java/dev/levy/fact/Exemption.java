package dev.levy.fact;

import dev.levy.engine.RuleMetadata;
import dev.levy.model.Shipment;
import java.math.BigDecimal;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A measure considered and not applied (the result's {@code notApplied}). Its reason is the firing rule's
 * {@code @message} filled with the facts the rule matched, and its citation the rule's {@code @citation}, so the DRL
 * holds every legal string once.
 */
public final class Exemption implements ShipmentFact {
    private final Shipment shipment;
    private final String program;
    private final String heading;
    private final String reason;
    private final String citation;
    private final BigDecimal basis;

    private Exemption(Shipment shipment, String program, String heading, String reason, String citation,
                      BigDecimal basis) {
        this.shipment = Objects.requireNonNull(shipment, "shipment");
        this.program = Objects.requireNonNull(program, "program");
        this.heading = heading;
        this.reason = reason;
        this.citation = citation;
        this.basis = basis;
    }

    /** The whole duty is not applied; {@code heading} is the exception heading to report (may be null). */
    public static Exemption of(RuleContext ctx, Duty duty, String heading) {
        return of(ctx, duty.getShipment(), duty.getProgram(), heading);
    }

    /** A program is not applied to the shipment, though no duty of it was imposed (e.g. its scope is not modelled). */
    public static Exemption of(RuleContext ctx, Shipment shipment, String program, String heading) {
        return new Exemption(shipment, program, heading, RuleMetadata.message(ctx), RuleMetadata.citation(ctx),
                null);
    }

    /** The duty is not applied to {@code basis} USD of the value (US content, metal content). */
    public static Exemption partial(RuleContext ctx, Duty duty, String heading, BigDecimal basis) {
        return new Exemption(duty.getShipment(), duty.getProgram(), heading, RuleMetadata.message(ctx),
                RuleMetadata.citation(ctx), basis);
    }

    @Override
    public Shipment getShipment() { return shipment; }

    public String getProgram() { return program; }

    public String getHeading() { return heading; }

    public String getReason() { return reason; }

    public String getCitation() { return citation; }

    public BigDecimal getBasis() { return basis; }

    @Override
    public String toString() {
        return "Exemption[" + program + " " + heading + "]";
    }
}
