package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.io.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * A batch is evaluated in Kie sessions of {@link Evaluator#SESSION_SHIPMENTS} shipments: where a batch is cut into
 * sessions changes no result. Each shipment of a batch spanning several sessions gives what it gives alone. Sessions
 * come from a pool ({@link RuleSet#sessions()}) and are used again: one keeps nothing of the evaluation before it.
 */
class SessionSizeTest {
    @Test
    void aBatchCutIntoSessionsGivesEachShipmentItsOwnResult() throws Exception {
        Levy levy = TestSupport.levy();
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 5);
        List<JsonNode> batch = new ArrayList<>();
        for (int i = 0; i < 2 * Evaluator.SESSION_SHIPMENTS + 37; i++) {
            batch.add(Json.parse(generator.next()));
        }
        List<String> together = levy.evaluateAll(batch).stream().map(Json::compact).toList();
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(Json.compact(levy.evaluate(batch.get(i))), together.get(i), "shipment " + i + " of the batch");
        }
    }

    /** A session handed back to the pool is reset: no fact, firing or listener (trace, confidence) of one shipment reaches the next. */
    @Test
    void aSessionUsedAgainKeepsNothingOfTheShipmentBefore() throws Exception {
        Levy levy = TestSupport.levy();
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 11);
        List<JsonNode> shipments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            shipments.add(Json.parse(generator.next()));
        }
        List<String> forward = new ArrayList<>();
        for (JsonNode s : shipments) {
            forward.add(Json.compact(levy.evaluate(s)));
        }
        for (int i = shipments.size() - 1; i >= 0; i--) {
            assertEquals(forward.get(i), Json.compact(levy.evaluate(shipments.get(i))), "shipment " + i + ", again, in reverse");
        }
    }

    /** What the evaluator relies on when it gives a session back: Drools' reset takes its listeners away. */
    @Test
    void aSessionGivenBackLosesItsListeners() {
        var pool = TestSupport.levy().ruleSet().sessions();
        KieSession session = pool.newKieSession();
        session.addEventListener(new DefaultAgendaEventListener());
        session.addEventListener(new DefaultRuleRuntimeEventListener());
        session.dispose();
        KieSession again = pool.newKieSession();
        try {
            assertEquals(0, again.getAgendaEventListeners().size());
            assertEquals(0, again.getRuleRuntimeEventListeners().size());
            assertEquals(0, again.getFactCount());
        } finally {
            again.dispose();
        }
    }
}
