package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.io.Json;
import dev.levy.model.LawView;
import dev.levy.model.Result;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code refundable} is what a shipment owes less what the same view owes after the rulings. The evaluator evaluates
 * again only the shipments on which a rule matched a duty held unlawful, and takes the others' duties held unlawful
 * out of their measures: each batch result must equal the difference with a whole evaluation after the rulings.
 */
class RefundableTest {
    private static final int SHIPMENTS = 600;

    @Test
    void refundableIsTheDutyLessAWholeEvaluationAfterTheRulingsInEveryView() throws Exception {
        Levy levy = TestSupport.levy();
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 11);
        List<JsonNode> shipments = new ArrayList<>();
        for (int i = 0; i < SHIPMENTS; i++) {
            shipments.add(Json.MAPPER.readTree(generator.next()));
        }
        List<LawView> views = List.of(LawView.FINAL, LawView.asKnown(LocalDate.parse("2026-03-01")),
                LawView.asKnownAtEntry(), LawView.FINAL.with(levy.scenario("japan-24-resumed")));
        for (LawView view : views) {
            Levy batch = levy.under(view);
            Levy afterRulings = levy.under(view.withRulingsApplied());
            List<Result> results = batch.evaluateAll(shipments).stream().map(TestSupport::result).toList();
            int refunded = 0;
            for (int i = 0; i < SHIPMENTS; i++) {
                Result owed = TestSupport.result(afterRulings.evaluate(shipments.get(i)));
                Result r = results.get(i);
                assertEquals(r.totalDuty().subtract(owed.totalDuty()), r.refundable(),
                        view.describe() + ": " + shipments.get(i));
                refunded += r.refundable().signum();
            }
            if (view.equals(LawView.FINAL)) {
                assertTrue(refunded > 0, "generated shipments paid IEEPA duties held unlawful");
            }
        }
    }
}
