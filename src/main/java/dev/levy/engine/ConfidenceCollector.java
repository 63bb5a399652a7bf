package dev.levy.engine;

import dev.levy.fact.Row;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records which facts the rules inserted rest on a source of medium confidence ({@code sources.csv}): a fact rests on
 * one when the rule that inserted it matched a {@link Row} of a medium source, or matched a fact that itself rests on
 * one (a duty an exception, stacking or all-in rule changed, carved or counted). So a duty keeps the confidence of the
 * row that imposed it through every copy, and gains that of every row that decided a change to it. Only the facts of a
 * rule's positive patterns count: a row a rule tests for absence ({@code not}) or only for existence ({@code exists})
 * is not part of the match.
 *
 * <p>Generic: no rule or fact class says anything about confidence. Cheap: the firing's facts are read only when its
 * consequence inserts a fact, once per firing.
 */
final class ConfidenceCollector extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    /** The facts that rest on medium sources: the ids of those sources, sorted. */
    private final Map<Object, Set<String>> medium = new IdentityHashMap<>();
    /** The match whose consequence runs now; null between firings (the evaluator's own inserts). */
    private Match firing;
    /** The medium sources {@link #firing} rests on (empty: none); null until a fact it inserts asks. */
    private Set<String> firingSources;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch();
        firingSources = null;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        written(event.getObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        written(event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    /** The ids of the medium sources {@code fact} rests on, sorted; empty when it rests on primary text only. */
    List<String> mediumSourcesOf(Object fact) {
        Set<String> ids = medium.get(fact);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** A fact a consequence inserted or changed rests on what the firing rule matched. */
    private void written(Object fact) {
        if (firing != null && !firingSources().isEmpty()) {
            medium.merge(fact, firingSources, (had, more) -> {
                Set<String> both = new TreeSet<>(had);
                both.addAll(more);
                return both;
            });
        }
    }

    private Set<String> firingSources() {
        if (firingSources == null) {
            Set<String> ids = null;
            for (Object o : firing.getObjects()) {
                Collection<String> more = o instanceof Row r ? r.mediumSourceIds() : medium.get(o);
                if (more != null && !more.isEmpty()) {
                    if (ids == null) {
                        ids = new TreeSet<>();
                    }
                    ids.addAll(more);
                }
            }
            firingSources = ids == null ? Set.of() : ids;
        }
        return firingSources;
    }
}
