package dev.levy.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One customs entry line. Immutable.
 *
 * <p>An embedder builds one with {@link #builder()} and passes it to {@code Levy.evaluate(Shipment)}, which validates
 * it exactly as the JSON object it stands for (the same error codes, fields and messages: {@code io.ShipmentReader}
 * reads both); only a validated, normalised shipment reaches the rules.
 *
 * <p>This is the fact the rules reason about, so it exposes JavaBean getters (Drools reads properties through
 * them) and a few derived values that rules need often: {@link #getRegimeDate()} and {@link #getUsContentShare()}.
 */
public final class Shipment {

    /**
     * Every legal change Levy models takes effect "on or after 12:01 a.m." (US Eastern) of its day, as every 2025
     * action did: an entry in the first minute of a day is still under the previous day's law.
     */
    public static final LocalTime CHANGES_TAKE_EFFECT_AT = LocalTime.of(0, 1);

    private final String id;
    private final String htsDigits;
    private final String hts;
    private final String origin;
    private final LocalDate entryDate;
    private final LocalTime entryTime;
    private final LocalDate loadedDate;
    private final String transport;
    private final BigDecimal value;
    private final BigDecimal usContent;
    private final BigDecimal steelContent;
    private final BigDecimal aluminumContent;
    private final BigDecimal copperContent;
    private final String spi;
    private final BigDecimal quantityAmount;
    private final String quantityUnit;
    private final SortedSet<String> declarations;
    private final Entry entry;

    private Shipment(Builder b) {
        this.id = b.id;
        String digits = b.hts == null ? null : b.hts.replace(".", "").replace(" ", "");
        boolean wellFormed = digits != null && digits.matches("\\d{8}|\\d{10}");
        this.htsDigits = wellFormed ? digits : null;
        this.hts = wellFormed ? dotted(digits) : b.hts;
        this.origin = b.origin;
        this.entryDate = b.entryDate;
        this.entryTime = b.entryTime == null ? LocalTime.NOON : b.entryTime;
        this.loadedDate = b.loadedDate;
        this.transport = b.transport;
        this.value = b.value;
        this.usContent = b.usContent == null ? BigDecimal.ZERO : b.usContent;
        this.steelContent = b.steelContent == null ? BigDecimal.ZERO : b.steelContent;
        this.aluminumContent = b.aluminumContent == null ? BigDecimal.ZERO : b.aluminumContent;
        this.copperContent = b.copperContent == null ? BigDecimal.ZERO : b.copperContent;
        this.spi = b.spi;
        this.quantityAmount = b.quantityAmount;
        this.quantityUnit = b.quantityUnit;
        this.declarations = Collections.unmodifiableSortedSet(new TreeSet<>(b.declarations));
        this.entry = b.entry == null ? Entry.NONE : b.entry;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getId() { return id; }

    /** The HTS number in dotted form ({@code 8703.23.01} or {@code 8703.23.01.90}); as given when not well formed. */
    public String getHts() {
        return hts;
    }

    /** HTS digits (8 or 10) in dotted form. */
    public static String dotted(String d) {
        String dotted = d.substring(0, 4) + "." + d.substring(4, 6) + "." + d.substring(6, 8);
        return d.length() == 10 ? dotted + "." + d.substring(8) : dotted;
    }

    /** The HTS number as 8 or 10 digits. */
    public String getHtsDigits() { return htsDigits; }

    public String getOrigin() { return origin; }

    public LocalDate getEntryDate() { return entryDate; }

    public LocalTime getEntryTime() { return entryTime; }

    /**
     * The day whose law governs this entry: the entry date, or the day before for an entry in the minute before
     * 12:01 a.m. Rules compare this date with the day an action starts: {@code regimeDate >= "2025-04-05"} reads
     * "entered on or after 12:01 a.m. on 2025-04-05".
     */
    public LocalDate getRegimeDate() {
        return entryTime.isBefore(CHANGES_TAKE_EFFECT_AT) ? entryDate.minusDays(1) : entryDate;
    }

    public LocalDate getLoadedDate() { return loadedDate; }

    public String getTransport() { return transport; }

    public BigDecimal getValue() { return value; }

    public BigDecimal getUsContent() { return usContent; }

    /** US content as a percentage of the value, to four decimals. */
    public BigDecimal getUsContentShare() {
        return usContent.multiply(BigDecimal.valueOf(100)).divide(value, 4, RoundingMode.HALF_UP);
    }

    public BigDecimal getNonUsContent() { return value.subtract(usContent); }

    public BigDecimal getSteelContent() { return steelContent; }

    public BigDecimal getAluminumContent() { return aluminumContent; }

    public BigDecimal getCopperContent() { return copperContent; }

    /** The metals whose content a shipment declares: what {@link #content(String)} takes. */
    public static final Set<String> METALS = Set.of("steel", "aluminum", "copper");

    /** The declared content of a metal of {@link #METALS} (zero when none is declared): a duty's basis by name. */
    public BigDecimal content(String metal) {
        return switch (metal) {
            case "steel" -> steelContent;
            case "aluminum" -> aluminumContent;
            case "copper" -> copperContent;
            default -> throw new IllegalArgumentException("no declared content of " + metal + " (one of " + METALS + ")");
        };
    }

    public String getSpi() { return spi; }

    public BigDecimal getQuantityAmount() { return quantityAmount; }

    public String getQuantityUnit() { return quantityUnit; }

    public Set<String> getDeclarations() { return declarations; }

    /** The facts of the entry the line belongs to ({@link Entry#NONE} when none is given): never read by the rules. */
    public Entry getEntry() { return entry; }

    /** This shipment under another HTS number (8 or 10 digits), every other fact the same. */
    public Shipment withHtsDigits(String digits) {
        Builder b = builder().id(id).hts(digits).origin(origin).entryDate(entryDate).entryTime(entryTime)
                .loadedDate(loadedDate).transport(transport).value(value).usContent(usContent).steelContent(steelContent)
                .aluminumContent(aluminumContent).copperContent(copperContent).spi(spi)
                .quantity(quantityAmount, quantityUnit).entry(entry);
        declarations.forEach(b::declaration);
        return b.build();
    }

    @Override
    public String toString() {
        return "Shipment[" + (id == null ? "" : id + " ") + getHts() + " " + origin + " " + entryDate + "]";
    }

    public static final class Builder {
        private String id;
        private String hts;
        private String origin;
        private LocalDate entryDate;
        private LocalTime entryTime;
        private LocalDate loadedDate;
        private String transport;
        private BigDecimal value;
        private BigDecimal usContent;
        private BigDecimal steelContent;
        private BigDecimal aluminumContent;
        private BigDecimal copperContent;
        private String spi;
        private BigDecimal quantityAmount;
        private String quantityUnit;
        private final Set<String> declarations = new TreeSet<>();
        private Entry entry;

        private Builder() {}

        public Builder id(String v) { id = v; return this; }
        /** The HTS number, dotted or not: {@code 8703.23.01}, {@code 8703230190}. */
        public Builder hts(String v) { hts = v; return this; }
        public Builder origin(String v) { origin = v; return this; }
        public Builder entryDate(LocalDate v) { entryDate = v; return this; }
        public Builder entryTime(LocalTime v) { entryTime = v; return this; }
        public Builder loadedDate(LocalDate v) { loadedDate = v; return this; }
        public Builder transport(String v) { transport = v; return this; }
        public Builder value(BigDecimal v) { value = v; return this; }
        public Builder usContent(BigDecimal v) { usContent = v; return this; }
        public Builder steelContent(BigDecimal v) { steelContent = v; return this; }
        public Builder aluminumContent(BigDecimal v) { aluminumContent = v; return this; }
        public Builder copperContent(BigDecimal v) { copperContent = v; return this; }
        public Builder spi(String v) { spi = v; return this; }
        public Builder quantity(BigDecimal amount, String unit) { quantityAmount = amount; quantityUnit = unit; return this; }
        public Builder declaration(String v) { declarations.add(v); return this; }
        public Builder entry(Entry v) { entry = v; return this; }

        public Shipment build() { return new Shipment(this); }
    }
}
