package dev.levy.engine;

import dev.levy.fact.Row;
import dev.levy.model.Shipment;
import dev.levy.model.TraceStep;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records, per shipment and in firing order, every rule that fired: its name, message and citation, and the medium
 * sources of the rows it matched.
 */
final class TraceCollector extends DefaultAgendaEventListener {
    private final Map<Shipment, List<TraceStep>> steps = new IdentityHashMap<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        Shipment shipment = shipmentOf(match);
        String message = RuleMetadata.render(match.getRule(), match);
        steps.computeIfAbsent(shipment, k -> new ArrayList<>())
                .add(new TraceStep(match.getRule().getName(), message, RuleMetadata.renderCitation(match.getRule(), match),
                        mediumSources(match)));
    }

    /** The ids of the medium sources of the rows the match binds, sorted. */
    private static List<String> mediumSources(Match match) {
        Set<String> ids = null;
        for (Object o : match.getObjects()) {
            if (o instanceof Row r && !r.mediumSourceIds().isEmpty()) {
                if (ids == null) {
                    ids = new TreeSet<>();
                }
                ids.addAll(r.mediumSourceIds());
            }
        }
        return ids == null ? List.of() : List.copyOf(ids);
    }

    List<TraceStep> stepsOf(Shipment shipment) {
        return steps.getOrDefault(shipment, List.of());
    }

    private static Shipment shipmentOf(Match match) {
        Shipment s = ViewFilter.shipmentOf(match);
        if (s == null) {
            throw new IllegalStateException("rule \"" + match.getRule().getName()
                    + "\" fired without a Shipment or a fact of one: every rule must match its shipment");
        }
        return s;
    }
}
