package dev.levy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.engine.Evaluator;
import dev.levy.engine.RuleSet;
import dev.levy.engine.RuleSetLoader;
import dev.levy.engine.RuleSource;
import dev.levy.io.Json;
import dev.levy.io.ShipmentReader;
import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.Shipment;
import dev.levy.model.ShipmentError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Levy facade: build once from a rule set, then evaluate shipments from any number of threads.
 *
 * <pre>{@code
 * Levy levy = Levy.bundled();                       // or Levy.fromDirectory(Path.of("rules"))
 * Evaluation e = levy.evaluate("{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}");
 * if (e instanceof Result r) { r.totalDuty(); r.measures(); r.notApplied(); r.trace(); }
 * }</pre>
 *
 * Building compiles the rules (about a second); evaluating opens one short-lived Kie session per call, or per chunk of
 * {@value #CHUNK} shipments in {@link #evaluateAll}. Results are immutable.
 */
public final class Levy {
    /** Shipments per Kie session in batch evaluation: large enough to amortise the session, small enough to stay flat. */
    public static final int CHUNK = 1000;

    private final RuleSet ruleSet;
    private final ShipmentReader reader;
    private final Evaluator evaluator;

    private Levy(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.reader = new ShipmentReader(ruleSet);
        this.evaluator = new Evaluator(ruleSet);
    }

    /** The rule set bundled in the jar (the project's {@code rules/}). */
    public static Levy bundled() {
        return load(RuleSource.bundled());
    }

    /** An analyst's rules folder, compiled now; throws {@link dev.levy.engine.RuleSetException} with file:line problems. */
    public static Levy fromDirectory(Path rulesDir) {
        return load(RuleSource.fromDirectory(rulesDir));
    }

    public static Levy load(RuleSource source) {
        return new Levy(RuleSetLoader.load(source));
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public String rulesVersion() {
        return ruleSet.version();
    }

    /** Evaluates one shipment given as JSON text. */
    public Evaluation evaluate(String shipmentJson) {
        try {
            return evaluate(Json.parse(shipmentJson));
        } catch (JsonProcessingException e) {
            return new Rejection(null, new ShipmentError(ErrorCode.INVALID_JSON, null, Json.describe(e)));
        }
    }

    /** Evaluates one shipment object of the contract. */
    public Evaluation evaluate(JsonNode shipment) {
        return evaluateAll(List.of(shipment)).get(0);
    }

    /**
     * Evaluates shipments in order: one result or rejection per input, in input order. A bad input never stops the
     * others.
     */
    public List<Evaluation> evaluateAll(List<JsonNode> shipments) {
        List<Evaluation> out = new ArrayList<>(shipments.size());
        for (int from = 0; from < shipments.size(); from += CHUNK) {
            out.addAll(evaluateChunk(shipments.subList(from, Math.min(shipments.size(), from + CHUNK))));
        }
        return out;
    }

    private List<Evaluation> evaluateChunk(List<JsonNode> chunk) {
        Evaluation[] out = new Evaluation[chunk.size()];
        List<Shipment> valid = new ArrayList<>(chunk.size());
        List<Integer> positions = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ShipmentReader.Read read = reader.read(chunk.get(i));
            if (read.rejection() != null) {
                out[i] = read.rejection();
            } else {
                valid.add(read.shipment());
                positions.add(i);
            }
        }
        if (!valid.isEmpty()) {
            List<Result> results = evaluator.evaluate(valid);
            for (int k = 0; k < results.size(); k++) {
                out[positions.get(k)] = results.get(k);
            }
        }
        return List.of(out);
    }
}
