package dev.levy.model;

import java.time.LocalDate;

/**
 * Which law an evaluation reads. By default ({@link #FINAL}) the schedule as finally amended: every retroactive
 * correction applies back to its effective date. {@code asKnown} reads the law as it was published on a day (what a broker
 * filed then): rows and rules that became known later do not exist, and rows a later correction superseded still apply.
 * {@code atEntry} takes that day from each shipment (its regime date: the law as known when it was entered). A scenario
 * changes the law on top of either. {@code afterRulings} reads what the entry owes once the measures a court has held
 * unlawful, with relief for every importer ({@code rules/rulings.csv}, as known on the view's day), are removed and the
 * rest recomputed: the duty after the refund. Immutable.
 */
public record LawView(LocalDate asKnown, boolean atEntry, Scenario scenario, boolean afterRulings) {
    /** The schedule as finally amended, no scenario: the contract's behaviour. */
    public static final LawView FINAL = new LawView(null, false, null, false);

    /** The law as known on {@code day}, for every shipment. */
    public static LawView asKnown(LocalDate day) {
        return new LawView(day, false, null, false);
    }

    /** The law as known on each shipment's own (regime) date: what was filed at entry. */
    public static LawView asKnownAtEntry() {
        return new LawView(null, true, null, false);
    }

    public LawView with(Scenario s) {
        return new LawView(asKnown, atEntry, s, afterRulings);
    }

    /** This view once the measures held unlawful (with relief for every importer) are removed: what is owed after refund. */
    public LawView withRulingsApplied() {
        return new LawView(asKnown, atEntry, scenario, true);
    }

    public boolean isFinal() {
        return asKnown == null && !atEntry && scenario == null && !afterRulings;
    }

    /** The day whose knowledge applies to the shipment; null for the schedule as finally amended. */
    public LocalDate knownOn(Shipment s) {
        return atEntry ? s.getRegimeDate() : asKnown;
    }

    /**
     * What a result of {@code s} says about the law it read: the day of the law as known (each shipment's own regime date
     * as known at entry) and the scenario's name; null for the final schedule, whose results carry no view.
     */
    public View of(Shipment s) {
        return isFinal() ? null : new View(knownOn(s), scenario == null ? null : scenario.name(),
                afterRulings ? Boolean.TRUE : null);
    }

    /** The view in words, for reports: {@code final}, {@code as known on 2025-08-20}, {@code ... under scenario X}. */
    public String describe() {
        String base = atEntry ? "as known at entry" : asKnown != null ? "as known on " + asKnown : "final";
        String read = scenario == null ? base : base + " under scenario " + scenario.name();
        return afterRulings ? read + ", after the rulings" : read;
    }
}
