package dev.levy.engine;

import dev.levy.fact.Duty;
import dev.levy.fact.ShipmentFact;
import dev.levy.model.LawView;
import dev.levy.model.Shipment;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets a rule fire only when it is part of the law a {@link LawView} reads:
 * <ul>
 *   <li>a rule published after the view's day ({@code @known}) does not exist in the law as known then;</li>
 *   <li>a rule never reacts to a duty of a program the view takes out (its scenario switches it off, the program
 *       ended before the entry, or, after the rulings, a court held it unlawful): the duty is inert, as if it had not been imposed, so that no exception,
 *       stacking or all-in rule counts it (the evaluator then reports it as not applied, with the scenario's or the
 *       holding's citation). So an all-in heading that goes gives back the Chapter 1-97 line it had set to 0.</li>
 * </ul>
 * Stateless; used for views other than the final schedule, and for the final schedule only in a session with an
 * entry after the end of a program (the other sessions run unfiltered, exactly as before).
 */
final class ViewFilter implements AgendaFilter {
    private final RuleSet ruleSet;
    private final LawView view;
    private final Removals removals;

    ViewFilter(RuleSet ruleSet, LawView view, Removals removals) {
        this.ruleSet = ruleSet;
        this.view = view;
        this.removals = removals;
    }

    @Override
    public boolean accept(Match match) {
        Shipment s = shipmentOf(match);
        RuleInfo info = ruleSet.info(match.getRule());
        if (s != null && info != null && !info.knownOn(view.knownOn(s))) {
            return false;
        }
        return !touchesTakenOut(match);
    }

    private boolean touchesTakenOut(Match match) {
        for (Object o : match.getObjects()) {
            if (o instanceof Duty d && removals.of(d.getShipment(), d.getProgram()) != null) {
                return true;
            }
        }
        return false;
    }

    /** The shipment a match is about: a Shipment it binds, or the shipment of a fact it binds; null if none. */
    static Shipment shipmentOf(Match match) {
        for (Object o : match.getObjects()) {
            if (o instanceof Shipment s) {
                return s;
            }
            if (o instanceof ShipmentFact f) {
                return f.getShipment();
            }
        }
        return null;
    }
}
