package dev.levy.engine;

import dev.levy.model.LawView;
import dev.levy.model.Scenario;
import dev.levy.model.Shipment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The programs a view of the law takes out of a shipment's duties: those its scenario switches off; those that ended
 * as a whole before the shipment's entry ({@code terminations.csv}, as known on the view's day), in every view; and, in
 * the view after the rulings, those a court has held unlawful with relief for every importer, as known on the view's
 * day. Such duties are inert for the rules ({@link ViewFilter}) and reported as not applied. Immutable.
 */
final class Removals {
    /**
     * Why a duty is removed: the label of the trace step and of the reason, the reason in words, its citation, and the
     * id of its source when that is of medium confidence (empty: primary text).
     */
    record Removal(String label, String reason, String citation, List<String> mediumSources) {}

    private final LawView view;
    private final Map<String, Ruling> reliefByProgram = new HashMap<>();
    private final Map<String, Termination> terminations = new HashMap<>();

    Removals(RuleSet ruleSet, LawView view) {
        this.view = view;
        for (Termination t : ruleSet.terminations()) {
            terminations.put(t.program(), t);
        }
        if (view.afterRulings()) {
            for (Ruling r : ruleSet.rulings()) {
                if (r.reliefForAll()) {
                    reliefByProgram.put(r.program(), r);
                }
            }
        }
    }

    /** Whether the view removes anything from any of {@code shipments}. */
    boolean anyFrom(List<Shipment> shipments) {
        if (view.scenario() != null || !reliefByProgram.isEmpty()) {
            return true;
        }
        for (Shipment s : shipments) {
            for (Termination t : terminations.values()) {
                if (ended(s, t.program())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the view takes {@code program} out of {@code s} because the program ended before its entry. */
    boolean ended(Shipment s, String program) {
        Termination t = terminations.get(program);
        return t != null && t.ended(s) && t.knownOn(view.knownOn(s));
    }

    /** Why the view removes the shipment's duties of {@code program}; null when it does not. */
    Removal of(Shipment s, String program) {
        Scenario scenario = view.scenario();
        if (scenario != null) {
            Scenario.Off off = scenario.offFor(program, s.getRegimeDate());
            if (off != null) {
                return new Removal("Scenario " + scenario.name(), off.reason(), scenario.citation(), List.of());
            }
        }
        if (ended(s, program)) {
            Termination t = terminations.get(program);
            return new Removal("Ended", "not collected on entries on or after " + t.instant() + ": " + t.reason(),
                    t.citation(), t.mediumSources());
        }
        Ruling ruling = reliefByProgram.get(program);
        if (ruling != null && ruling.knownOn(view.knownOn(s))) {
            return new Removal("Held unlawful", ruling.holding(), ruling.citation(), List.of());
        }
        return null;
    }
}
