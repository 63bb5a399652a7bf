package dev.levy.engine;

import dev.levy.fact.Duty;
import dev.levy.fact.Exemption;
import dev.levy.fact.Row;
import dev.levy.fact.ShipmentFact;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.LawView;
import dev.levy.model.Measure;
import dev.levy.model.NotApplied;
import dev.levy.model.Result;
import dev.levy.model.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;

/**
 * Evaluates a chunk of valid shipments in one Kie session: inserts each shipment with the table rows that match it,
 * runs the phases in order, then turns the duties and exemptions left in working memory into results (amounts
 * rounded half-up to the cent per measure, totals, CBP reporting order). Stateless and thread-safe: each call has its
 * own session.
 */
public final class Evaluator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A rule set that keeps firing past this many rules per shipment has a loop; stop it rather than hang. */
    private static final int MAX_FIRINGS_PER_SHIPMENT = 10_000;
    /**
     * The most shipments one Kie session holds. The rules join only facts of one shipment, so the size changes no
     * result; a small session keeps its join memories in the processor's caches: one thread evaluates 100-shipment
     * sessions 1.1-1.45 x faster than 1,000-shipment ones (docs/performance.md, "Issue 17: Speed").
     */
    static final int SESSION_SHIPMENTS = 100;
    /** What the evaluation after the rulings gives: its total only, so no trace, no confidence, no refundable. */
    private static final Fields TOTAL_ONLY = Fields.of("totalDuty");

    private final RuleSet ruleSet;
    private final LawView view;
    /** What the view takes out of the duties (a scenario's programs, the programs held unlawful after the rulings). */
    private final Removals removals;
    /**
     * The same law after the rulings: what a shipment owes once the programs held unlawful are removed, to compute
     * {@code refundable}; null for a view that is already after the rulings.
     */
    private final Evaluator afterRulings;
    /**
     * The 8-digit numbers whose lines the tables (or the view's scenario) tell apart, in each edition of the schedule:
     * {@link TableIndex#lineClasses()}.
     */
    private final TableIndex.LineClasses lineClasses;

    public Evaluator(RuleSet ruleSet) {
        this(ruleSet, LawView.FINAL);
    }

    /** An evaluator of the law as {@code view} reads it (as known on a day, under a scenario). */
    public Evaluator(RuleSet ruleSet, LawView view) {
        this.ruleSet = ruleSet;
        this.view = view;
        this.removals = new Removals(ruleSet, view);
        this.lineClasses = ruleSet.tables().lineClasses(view.scenario());
        this.afterRulings = view.afterRulings() ? null : new Evaluator(ruleSet, view.withRulingsApplied());
    }

    /**
     * Evaluates valid shipments in sessions of at most {@link #SESSION_SHIPMENTS}, one result each in order; or, for an
     * 8-digit number that does not decide the shipment's measures, an {@code AMBIGUOUS_HTS} rejection. Such a number
     * (one of {@link #lineClasses}) is also evaluated as one 10-digit line of each class of its lines, in the batch:
     * see {@link TenDigitLines}. Every other shipment pays one hash look-up for this.
     */
    public List<Evaluation> evaluate(List<Shipment> shipments) {
        return evaluate(shipments, Fields.ALL);
    }

    /**
     * {@link #evaluate(List)}, computing only what {@code fields} show: without {@code trace}, no trace (no rule's
     * message rendered); without {@code refundable}, no evaluation after the rulings; without {@code measures} and
     * {@code notApplied}, no confidence. A result leaves what it did not compute null; every other field is that of
     * {@link #evaluate(List)}.
     */
    public List<Evaluation> evaluate(List<Shipment> shipments, Fields fields) {
        List<Shipment> batch = new ArrayList<>(shipments);
        List<List<List<String>>> classesOf = new ArrayList<>(shipments.size());
        for (Shipment s : shipments) {
            List<List<String>> classes = s.getHtsDigits().length() == 8
                    ? lineClasses.of(s.getHtsDigits(), s.getRegimeDate()) : null;
            classesOf.add(classes);
            if (classes != null) {
                for (List<String> c : classes) {
                    batch.add(s.withHtsDigits(c.get(0)));
                }
            }
        }
        List<Result> results = evaluateInSessions(batch, fields);
        List<Evaluation> out = new ArrayList<>(shipments.size());
        int next = shipments.size();
        for (int i = 0; i < shipments.size(); i++) {
            List<List<String>> classes = classesOf.get(i);
            if (classes == null) {
                out.add(results.get(i));
            } else {
                out.add(TenDigitLines.decide(shipments.get(i), results.get(i), classes,
                        results.subList(next, next + classes.size())));
                next += classes.size();
            }
        }
        return out;
    }

    /** {@link #evaluateInSession} over sessions of at most {@link #SESSION_SHIPMENTS} shipments, results in order. */
    private List<Result> evaluateInSessions(List<Shipment> shipments, Fields fields) {
        if (shipments.size() <= SESSION_SHIPMENTS) {
            return evaluateInSession(shipments, fields);
        }
        List<Result> results = new ArrayList<>(shipments.size());
        for (int from = 0; from < shipments.size(); from += SESSION_SHIPMENTS) {
            int to = Math.min(shipments.size(), from + SESSION_SHIPMENTS);
            results.addAll(evaluateInSession(shipments.subList(from, to), fields));
        }
        return results;
    }

    /**
     * @param fields what the results show (see {@link #evaluate(List, Fields)}): only the total for the evaluation after
     *               the rulings, which gives {@code refundable} its total
     */
    private List<Result> evaluateInSession(List<Shipment> shipments, Fields fields) {
        KieSession session = ruleSet.sessions().newKieSession();
        try {
            TraceCollector trace = fields.has("trace") ? new TraceCollector() : null;
            ConfidenceCollector confidence = new ConfidenceCollector();
            ReliefDuties relief = afterRulings == null || !fields.has("refundable") ? null
                    : new ReliefDuties(afterRulings.removals);
            // The listeners are added after the shipments and their rows are in: none of them wants those inserts (the
            // collectors record what a firing rule inserts, the relief what duties the rules impose), and Drools builds
            // and hands out an event for every insert while a listener is registered (about 15% of the CPU of a
            // shipment's 90-140 inserts: docs/performance.md, "Issue 17, second pass: the network").
            for (Shipment s : shipments) {
                session.insert(s);
                for (Row row : ruleSet.tables().rowsFor(s, view)) {
                    session.insert(row);
                }
            }
            if (trace != null) {
                session.addEventListener(trace);
            }
            if (fields.has("measures") || fields.has("notApplied")) { // what shows a record's confidence
                session.addEventListener((AgendaEventListener) confidence);
                session.addEventListener((RuleRuntimeEventListener) confidence);
            }
            if (relief != null) {
                session.addEventListener((RuleRuntimeEventListener) relief);
                session.addEventListener((AgendaEventListener) relief);
            }
            Agenda agenda = session.getAgenda();
            List<String> phases = ruleSet.phases();
            for (int i = phases.size() - 1; i >= 0; i--) {
                agenda.getAgendaGroup(phases.get(i)).setFocus(); // a stack: the first phase is focused last
            }
            int limit = MAX_FIRINGS_PER_SHIPMENT * Math.max(1, shipments.size());
            boolean filtered = !view.isFinal() || removals.anyFrom(shipments);
            int fired = filtered ? session.fireAllRules(new ViewFilter(ruleSet, view, removals), limit)
                    : session.fireAllRules(limit);
            if (fired >= limit) {
                throw new IllegalStateException("the rules did not settle after " + limit
                        + " firings: a rule probably re-triggers itself");
            }
            Map<Shipment, List<Duty>> duties = byShipment(session, Duty.class);
            Map<Shipment, List<Exemption>> exemptions = byShipment(session, Exemption.class);
            List<Result> results = new ArrayList<>(shipments.size());
            List<Shipment> refund = new ArrayList<>();
            for (Shipment s : shipments) {
                List<Duty> owed = new ArrayList<>(duties.getOrDefault(s, List.of()));
                List<NotApplied> off = filtered ? switchedOff(s, owed) : List.of();
                Result result = assemble(s, owed, exemptions.getOrDefault(s, List.of()), off, trace, confidence,
                        fields.has("refundable"));
                if (relief != null && relief.imposedOn(s, ruleSet, view.knownOn(s), removals)) {
                    if (relief.reactedOn(s)) {
                        refund.add(s);
                    } else {
                        result = result.withRefundable(result.totalDuty().subtract(owedAfterRulings(s, result)));
                    }
                }
                results.add(result);
            }
            return refund.isEmpty() ? results : withRefundable(shipments, results, refund);
        } finally {
            // back to the pool, reset: no fact, activation or listener of this evaluation stays (SessionSizeTest)
            session.dispose();
        }
    }

    /**
     * What a shipment on which no rule reacted to a duty held unlawful (see {@link ReliefDuties}) owes after the rulings:
     * the view after the rulings fires the very same rules on it, so it owes its measures less those the rulings take
     * out, each rounded as here. Summed as {@link #assemble} sums them, so the difference is that of a second evaluation.
     */
    private BigDecimal owedAfterRulings(Shipment s, Result result) {
        BigDecimal owed = BigDecimal.ZERO.setScale(2);
        for (Measure m : result.measures()) {
            if (afterRulings.removals.of(s, m.program()) == null) {
                owed = owed.add(m.amount());
            }
        }
        return owed;
    }

    /**
     * The results with their {@code refundable}: for each shipment on which a duty of a program held unlawful (with
     * relief) was imposed and a rule reacted to it, its duty minus what the same law owes after the rulings, evaluated
     * again in one session. A shipment on which no such duty was ever imposed owes the same after the rulings: nothing
     * to recompute; one on which no rule reacted to it, its measures less those duties ({@link #owedAfterRulings}).
     */
    private List<Result> withRefundable(List<Shipment> shipments, List<Result> results, List<Shipment> refund) {
        List<Result> owed = afterRulings.evaluateInSessions(refund, TOTAL_ONLY);
        Map<Shipment, Result> owedByShipment = new IdentityHashMap<>();
        for (int i = 0; i < refund.size(); i++) {
            owedByShipment.put(refund.get(i), owed.get(i));
        }
        List<Result> out = new ArrayList<>(results.size());
        for (int i = 0; i < shipments.size(); i++) {
            Result r = results.get(i);
            Result after = owedByShipment.get(shipments.get(i));
            out.add(after == null ? r : r.withRefundable(r.totalDuty().subtract(after.totalDuty())));
        }
        return out;
    }

    /**
     * Records the shipments on which a rule imposed a duty of a program that some ruling with relief names: only their
     * duty can change after the rulings (the view after the rulings differs only in what it does with such duties). And
     * among them those on which a fired rule matched such a duty (an exception or a stacking rule that removed it or
     * counted it): the view after the rulings holds such matches back ({@link ViewFilter}) and nothing else, so a
     * shipment where none fired goes through the same firings there, and only these need evaluating again.
     */
    private static final class ReliefDuties extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final Map<Shipment, Set<String>> programs = new IdentityHashMap<>();
        private final Set<Shipment> reacted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** What the view after the rulings takes out. */
        private final Removals afterRulings;

        ReliefDuties(Removals afterRulings) {
            this.afterRulings = afterRulings;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Duty d) {
                programs.computeIfAbsent(d.getShipment(), k -> new HashSet<>()).add(d.getProgram());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            for (Object o : event.getMatch().getObjects()) {
                if (o instanceof Duty d && afterRulings.of(d.getShipment(), d.getProgram()) != null) {
                    reacted.add(d.getShipment());
                }
            }
        }

        /** Whether a fired rule matched a duty that the view after the rulings takes out of {@code s}. */
        boolean reactedOn(Shipment s) {
            return reacted.contains(s);
        }

        boolean imposedOn(Shipment s, RuleSet ruleSet, LocalDate knownOn, Removals removals) {
            for (String program : programs.getOrDefault(s, Set.of())) {
                if (removals.ended(s, program)) {
                    continue; // never assessed: nothing of it to refund
                }
                Ruling r = ruleSet.rulingOn(program, knownOn);
                if (r != null && r.reliefForAll()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static <T extends ShipmentFact> Map<Shipment, List<T>> byShipment(KieSession session, Class<T> type) {
        Map<Shipment, List<T>> out = new IdentityHashMap<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            T fact = type.cast(o);
            out.computeIfAbsent(fact.getShipment(), k -> new ArrayList<>()).add(fact);
        }
        return out;
    }

    /**
     * Takes out of {@code duties} those of programs the view takes out: its scenario's, those that ended before the
     * entry, or (after the rulings) those held unlawful (the rules never reacted to them: see {@link ViewFilter}), and
     * says so with the scenario's, the end's or the holding's citation.
     */
    private List<NotApplied> switchedOff(Shipment s, List<Duty> duties) {
        List<NotApplied> out = new ArrayList<>();
        for (java.util.Iterator<Duty> it = duties.iterator(); it.hasNext(); ) {
            Duty d = it.next();
            Removals.Removal off = removals.of(s, d.getProgram());
            if (off != null) {
                it.remove();
                out.add(new NotApplied(d.getProgram(), d.getHeading(), off.label() + ": " + off.reason(), off.citation(),
                        null, off.mediumSources()));
            }
        }
        // the session hands its duties back in no fixed order: the trace steps follow this list, so order it
        out.sort(Comparator.comparingInt((NotApplied n) -> ruleSet.programRank(n.program()))
                .thenComparing(NotApplied::heading).thenComparing(NotApplied::reason));
        return out;
    }

    /**
     * @param trace      the rules that fired; null when the results leave the trace out
     * @param confidence which duties and exemptions rest on a source of medium confidence; empty when the results show
     *                   neither measures nor not-applied records
     * @param refundable whether the result shows {@code refundable} (0.00 here, the caller computes it); else null
     */
    private Result assemble(Shipment s, List<Duty> duties, List<Exemption> exemptions, List<NotApplied> off,
                            TraceCollector trace, ConfidenceCollector confidence, boolean refundable) {
        List<Measure> measures = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        LocalDate knownOn = view.knownOn(s);
        for (Duty d : duties) {
            Ruling held = ruleSet.rulingOn(d.getProgram(), knownOn);
            BigDecimal basis = d.getBasis().setScale(2, RoundingMode.HALF_UP);
            BigDecimal exact = d.getRate().multiply(d.getBasis()).divide(HUNDRED, 10, RoundingMode.HALF_UP)
                    .add(d.specificAmount());
            BigDecimal amount = exact.setScale(2, RoundingMode.HALF_UP);
            measures.add(new Measure(d.getProgram(), d.getHeading(), plain(d.getRate()), basis, amount,
                    d.getCitation(), d.getRule(), specific(d, s), held == null ? null : held.citation(),
                    confidence.mediumSourcesOf(d)));
            total = total.add(amount);
        }
        measures.sort(Comparator.comparingInt((Measure m) -> ruleSet.programRank(m.program()))
                .thenComparing(Measure::heading).thenComparing(Measure::description)
                .thenComparing(Measure::basis).thenComparing(Measure::amount));
        List<NotApplied> notApplied = new ArrayList<>(off);
        for (Exemption e : exemptions) {
            if (removals.ended(s, e.getProgram())) {
                continue; // a program that has ended has no exceptions left to report: its end is the record
            }
            notApplied.add(new NotApplied(e.getProgram(), e.getHeading(), e.getReason(), e.getCitation(),
                    e.getBasis() == null ? null : e.getBasis().setScale(2, RoundingMode.HALF_UP), confidence.mediumSourcesOf(e)));
        }
        notApplied.sort(Comparator.comparingInt((NotApplied n) -> ruleSet.programRank(n.program()))
                .thenComparing(NotApplied::heading, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(NotApplied::reason, Comparator.nullsFirst(Comparator.naturalOrder())));
        BigDecimal rate = plain(total.multiply(HUNDRED).divide(s.getValue(), 4, RoundingMode.HALF_UP));
        return new Result(s.getId(), s.getHts(), s.getOrigin(), s.getEntryDate(), s.getValue(), measures, total, rate,
                notApplied, trace == null ? null : steps(s, trace.stepsOf(s), off), ruleSet.version(), view.of(s),
                refundable ? BigDecimal.ZERO.setScale(2) : null);
    }

    /** The trace, with a last step per program the view took out (its scenario, or a ruling). */
    private List<dev.levy.model.TraceStep> steps(Shipment s, List<dev.levy.model.TraceStep> fired, List<NotApplied> off) {
        if (off.isEmpty()) {
            return fired;
        }
        List<dev.levy.model.TraceStep> out = new ArrayList<>(fired);
        for (NotApplied n : off) {
            out.add(new dev.levy.model.TraceStep(removals.of(s, n.program()).label(), n.program() + " " + n.heading() + ": "
                    + n.reason(), n.citation()));
        }
        return out;
    }

    /** The specific part of a duty in words: {@code $0.044/kg x 1000 kg = $44.00}; null for an ad valorem duty. */
    private static String specific(Duty d, Shipment s) {
        if (d.getPerUnit() == null) {
            return null;
        }
        return RateText.show(BigDecimal.ZERO, d.getPerUnit(), d.getUnit()) + " x "
                + plain(s.getQuantityAmount()).toPlainString() + " " + s.getQuantityUnit() + " = "
                + MessageTemplate.usd(d.specificAmount().setScale(2, RoundingMode.HALF_UP));
    }

    /** A percentage without trailing zeros ({@code 25}, {@code 2.5}), never in exponent form. */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
