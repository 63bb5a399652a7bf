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

/**
 * A batch is evaluated in Kie sessions of {@link Evaluator#SESSION_SHIPMENTS} shipments: where a batch is cut into
 * sessions changes no result. Each shipment of a batch spanning several sessions gives what it gives alone.
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
}
