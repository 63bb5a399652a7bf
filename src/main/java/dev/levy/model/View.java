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
 */
@JsonPropertyOrder({"asKnown", "scenario"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record View(LocalDate asKnown, String scenario) {

    /** The view in words, for a person: which law this is, and that it is not the final schedule. */
    public String describe() {
        if (scenario == null) {
            return "Law as known on " + asKnown + " (not the final schedule)";
        }
        String what = "Scenario: " + scenario + " (a what-if, not the law as assessed)";
        return asKnown == null ? what : what + ", on the law as known on " + asKnown;
    }
}
