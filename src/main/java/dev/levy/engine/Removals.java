package dev.levy.engine;

import dev.levy.model.LawView;
import dev.levy.model.Scenario;
import dev.levy.model.Shipment;
import java.util.HashMap;
import java.util.Map;

/**
 * The programs a view of the law takes out of a shipment's duties: those its scenario switches off, and, in the view
 * after the rulings, those a court has held unlawful with relief for every importer, as known on the view's day. Such
 * duties are inert for the rules ({@link ViewFilter}) and reported as not applied. Immutable.
 */
final class Removals {
    /** Why a duty is removed: the label of the trace step and of the reason, the reason in words, its citation. */
    record Removal(String label, String reason, String citation) {}

    private final LawView view;
    private final Map<String, Ruling> reliefByProgram = new HashMap<>();

    Removals(RuleSet ruleSet, LawView view) {
        this.view = view;
        if (view.afterRulings()) {
            for (Ruling r : ruleSet.rulings()) {
                if (r.reliefForAll()) {
                    reliefByProgram.put(r.program(), r);
                }
            }
        }
    }

    /** Whether the view removes anything at all. */
    boolean any() {
        return view.scenario() != null || !reliefByProgram.isEmpty();
    }

    /** Why the view removes the shipment's duties of {@code program}; null when it does not. */
    Removal of(Shipment s, String program) {
        Scenario scenario = view.scenario();
        if (scenario != null) {
            Scenario.Off off = scenario.offFor(program, s.getRegimeDate());
            if (off != null) {
                return new Removal("Scenario " + scenario.name(), off.reason(), scenario.citation());
            }
        }
        Ruling ruling = reliefByProgram.get(program);
        if (ruling != null && ruling.knownOn(view.knownOn(s))) {
            return new Removal("Held unlawful", ruling.holding(), ruling.citation());
        }
        return null;
    }
}
