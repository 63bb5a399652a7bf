package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * Which law a result read, when it is not the final schedule (the schedule as finally amended, the contract's default):
 * the law as known (published) on a day, a scenario, or a scenario on the law as known on a day. A result of the final
 * schedule has no view, so that it reads exactly as it always did.
 *
 * @param asKnown  the day whose published law was read; absent when every retroactive correction applies
 * @param scenario the name of the scenario (a what-if) the law was read under; absent for none
 * @param afterRulings true when the measures a court has held unlawful (with relief for every importer) were removed and
 *                 the rest recomputed: what the entry owes after the refund ({@code levy refunds}, column {@code owed});
 *                 absent otherwise
 */
@JsonPropertyOrder({"asKnown", "scenario", "afterRulings"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record View(LocalDate asKnown, String scenario, Boolean afterRulings) {

    /** A view of the law as known on a day and/or a scenario, before any ruling is applied. */
    public View(LocalDate asKnown, String scenario) {
        this(asKnown, scenario, null);
    }

    /** The view in words, for a person: which law this is, and that it is not the final schedule. */
    public String describe() {
        String law = describeLaw();
        if (!Boolean.TRUE.equals(afterRulings)) {
            return law;
        }
        String after = "fter the rulings: the measures held unlawful removed (what is owed once refunded)";
        return law == null ? "A" + after : law + "; a" + after;
    }

    /** The law read, before any ruling is applied; null for the final schedule. */
    private String describeLaw() {
        if (asKnown == null && scenario == null) {
            return null;
        }
        if (scenario == null) {
            return "Law as known on " + asKnown + " (not the final schedule)";
        }
        String what = "Scenario: " + scenario + " (a what-if, not the law as assessed)";
        return asKnown == null ? what : what + ", on the law as known on " + asKnown;
    }
}
