package dev.levy.serve;

import dev.levy.Levy;
import dev.levy.io.ShipmentReader;
import dev.levy.model.LawView;
import dev.levy.model.Scenario;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters that choose which law an endpoint reads: {@code asKnown=YYYY-MM-DD}, the law as published on that
 * day, and {@code scenario=NAME}, a scenario shipped with the rules (the service reads no scenario file). Without them,
 * the final schedule. A result of any other law carries its {@code view}.
 */
final class ViewParameters {
    static final String AS_KNOWN = "asKnown";
    static final String SCENARIO = "scenario";
    static final Set<String> NAMES = Set.of(AS_KNOWN, SCENARIO);

    private ViewParameters() {}

    /** The Levy reading the law the query asks for; a bad parameter is a 400 naming it. */
    static Levy apply(Levy levy, Map<String, List<String>> query) {
        String day = single(query, AS_KNOWN);
        String name = single(query, SCENARIO);
        if (day == null && name == null) {
            return levy;
        }
        LawView view = day == null ? LawView.FINAL : LawView.asKnown(date(day));
        if (name != null) {
            Scenario scenario = levy.ruleSet().scenarios().get(name);
            if (scenario == null) {
                throw HttpFailure.of(400, "INVALID_PARAMETER", SCENARIO, "no scenario named '" + ShipmentReader.clip(name)
                        + "' is shipped with the rules (they ship: " + String.join(", ", levy.ruleSet().scenarios().keySet())
                        + ")");
            }
            view = view.with(scenario);
        }
        try {
            return levy.under(view);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.of(400, "INVALID_PARAMETER", SCENARIO, e.getMessage());
        }
    }

    /**
     * A 400 naming the first parameter not among {@code names}: a misspelt one must never quietly give a default.
     *
     * @param body what goes in the body instead, said in the error
     */
    static void refuseUnknown(Map<String, List<String>> query, Set<String> names, String body) {
        for (String name : query.keySet()) {
            if (!names.contains(name)) {
                throw HttpFailure.of(400, "INVALID_PARAMETER", ShipmentReader.clip(name), "unknown parameter '"
                        + ShipmentReader.clip(name) + "' (parameters: " + String.join(", ", new java.util.TreeSet<>(names))
                        + "); " + body + " goes in the body");
            }
        }
    }

    /** The parameter's value, or null when it is absent or blank; given twice is a 400. */
    static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw HttpFailure.of(400, "INVALID_PARAMETER", name, name + " is given more than once");
        }
        String value = values.get(0).strip();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw HttpFailure.of(400, "INVALID_DATE", AS_KNOWN, AS_KNOWN + " must be a date YYYY-MM-DD, found '"
                    + ShipmentReader.clip(text) + "'");
        }
    }
}
