package dev.levy.fact;

import dev.levy.engine.RateText;
import dev.levy.engine.TableRow;
import dev.levy.model.Shipment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A table row that matches a shipment on its entry date: the shipment's HTS number falls under the row's HTS prefix,
 * or its origin is the row's country, or the row has no key. In DRL: {@code r : Row(shipment == s, table == "x")}.
 */
public final class Row implements ShipmentFact {
    private final Shipment shipment;
    private final TableRow row;
    private final boolean named;

    /** @param named whether a {@code list} or {@code unless} column of the rule set names the row's table */
    public Row(Shipment shipment, TableRow row, boolean named) {
        this.shipment = shipment;
        this.row = row;
        this.named = named;
    }

    @Override
    public Shipment getShipment() { return shipment; }

    public String getTable() { return row.table(); }

    public String getKey() { return row.key(); }

    public BigDecimal getRate() { return row.rate(); }

    public String getHeading() { return row.heading(); }

    public LocalDate getFrom() { return row.from(); }

    public LocalDate getTo() { return row.to(); }

    /** The row's legal source in words (its citation in {@code sources.csv}). */
    public String getSource() { return row.citation(); }

    /** The id of the row's source in {@code sources.csv}. */
    public String getSourceId() { return row.source().id(); }

    /** How sure the rules are of the row's source: {@code high} or {@code medium}. */
    public String getConfidence() { return row.source().confidence(); }

    /** The id of the row's source when it is of medium confidence; else none. */
    public List<String> mediumSourceIds() { return row.source().mediumIds(); }

    /** The specific part of a schedule rate, USD per {@link #getUnit()}; null when the rate is ad valorem only. */
    public BigDecimal getPerUnit() { return row.perUnit(); }

    public String getUnit() { return row.unit(); }

    /** The whole rate in words, for messages: {@code 5% + $0.015/kg}; null in a table without rates. */
    public String getRateText() { return row.rate() == null ? null : RateText.show(row.rate(), row.perUnit(), row.unit()); }

    public String getLocation() { return row.location(); }

    /** The program an exception row is about (its {@code program} column); null when the table has none. */
    public String getProgram() { return row.program(); }

    /** The mode of transport an exception row is limited to ({@code vessel}); null: any mode. */
    public String getTransport() { return row.transport(); }

    /** An in-transit row: goods loaded before 12:01 a.m. on this day (its {@code loaded_before} column). */
    public LocalDate getLoadedBefore() { return row.loadedBefore(); }

    /**
     * The declaration the row needs the shipment to make: an exception row's {@code declaration} column, or a listed
     * duty table's declaration ({@code duties/listed_duties.csv}); null: none.
     */
    public String getDeclaration() { return row.duty() == null ? row.declaration() : row.duty().declaration(); }

    /** The table an HTS-list exception row reads (its {@code list} column). */
    public String getList() { return row.list(); }

    /** The heading of the only duty an exception row lifts (its {@code duty_heading} column); null: any. */
    public String getDutyHeading() { return row.dutyHeading(); }

    /**
     * The rows of the same exception table and program this row wins over (its {@code overrides} column, closed over
     * the rows those name): {@code overrides contains x.declaration}.
     */
    public java.util.Set<String> getOverrides() { return row.overrides(); }

    /** A replacement row (an all-in partner): the heading of the duty it replaces (its {@code replaces} column). */
    public String getReplaces() { return row.replaces(); }

    /** A relation row: the program whose duty makes the article "subject to" it (its {@code subject_to} column). */
    public String getSubjectTo() { return row.subject() == null ? null : row.subject().program(); }

    /** A relation row: the heading that duty must be under (column {@code subject_heading}); null: any heading. */
    public String getSubjectHeading() { return row.subject() == null ? null : row.subject().heading(); }

    /**
     * A relation row: the rate that duty must be above to make the article subject to it, 0 (a duty owed); null when a
     * duty at 0% counts too (column {@code subject_at_zero}). In DRL {@code subjectRateAbove == null ||
     * subjectRateAbove < a.rate}: both sides name the row's own property, so Drools keeps the pattern property-reactive.
     */
    public BigDecimal getSubjectRateAbove() {
        return row.subject() == null || row.subject().atZero() ? null : BigDecimal.ZERO;
    }

    /**
     * The basis of the duty a row of a listed duty table imposes: {@code value} (the full value) or the metal whose
     * declared content it is charged on ({@code steel}, {@code aluminum}, {@code copper}); null in any other table.
     */
    public String getBasis() { return row.duty() == null ? null : row.duty().basis(); }

    /** What an article listed in a duty table is, in words ({@code duties/listed_duties.csv}); null in any other table. */
    public String getDescription() { return row.duty() == null ? null : row.duty().description(); }

    /** The origins whose products a listed duty table's rows are for; empty: any origin (and in any other table). */
    public Set<String> getOrigins() { return row.duty() == null ? Set.of() : row.duty().origins(); }

    /**
     * The entries the row is law for, in words: {@code from 12:01 a.m. on 2025-03-12 before 12:01 a.m. on 2025-06-04},
     * either end left out when open, {@code at every entry date} when both are.
     */
    public String getWindow() {
        if (row.from() == null && row.to() == null) {
            return "at every entry date";
        }
        return ((row.from() == null ? "" : "from 12:01 a.m. on " + row.from())
                + (row.to() == null ? "" : " before 12:01 a.m. on " + row.to())).strip();
    }

    /**
     * Whether the row's shipment makes the declaration {@link #getDeclaration()} names (true when it names none). A
     * property rather than {@code declaration == null || s.declarations contains declaration} in DRL, which Drools
     * cannot compile to bytecode (it warns at every session and interprets it).
     */
    public boolean isDeclared() {
        String needed = getDeclaration();
        return needed == null || shipment.getDeclarations().contains(needed);
    }

    /**
     * Whether the row is of a listed duty table whose declaration the shipment does not make, and the table says that
     * is reported ({@code undeclared} = reported in {@code duties/listed_duties.csv}).
     */
    public boolean isUndeclaredReported() {
        return row.duty() != null && row.duty().undeclaredReported() && !isDeclared();
    }

    /** The tables whose row (for the shipment's origin) takes a listed duty's place; empty: none. */
    public Set<String> getUnless() { return row.duty() == null ? Set.of() : row.duty().unless(); }

    /**
     * Whether a column of the rule set names the row's table: an exception's or a parameter's {@code list}, a listed
     * duty's {@code unless}. Only such a row can match {@code table == x.list} or {@code table memberOf r.unless}, so
     * a rule tests {@code named == true} first in that pattern: Drools then keeps the other rows (most rows of a
     * shipment: relations, exceptions, parameters) out of the join at an alpha node, instead of holding every row of
     * every shipment in the join's memory.
     */
    public boolean isNamed() { return named; }

    /** A parameter whose value is a day: that day ({@code parameters.csv}). */
    public LocalDate getDate() { return row.date(); }

    @Override
    public String toString() {
        return "Row[" + row.table() + " " + row.key() + " " + row.heading() + " @" + row.location() + "]";
    }
}
