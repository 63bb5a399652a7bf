package dev.levy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.engine.Evaluator;
import dev.levy.engine.Problem;
import dev.levy.engine.RuleSet;
import dev.levy.engine.RuleSetException;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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
 * {@value #CHUNK} shipments in {@link #evaluateAll}. Results are immutable. {@link #reload()} swaps in changed rules
 * atomically while evaluations go on.
 */
public final class Levy {
    /** Shipments per Kie session in batch evaluation: large enough to amortise the session, small enough to stay flat. */
    public static final int CHUNK = 1000;

    /** A loaded rule set with what evaluates against it; swapped whole on reload, never changed in place. */
    private record Engine(RuleSet ruleSet, ShipmentReader reader, Evaluator evaluator) {
        Engine(RuleSet ruleSet) {
            this(ruleSet, new ShipmentReader(ruleSet), new Evaluator(ruleSet));
        }
    }

    /**
     * What {@link #reload()} did: applied the new rules (and their version), or kept the running ones and says why.
     */
    public record Reload(boolean applied, String rulesVersion, List<Problem> problems) {}

    private final Supplier<RuleSource> source;
    private final AtomicReference<Engine> engine;

    private Levy(Supplier<RuleSource> source) {
        this.source = source;
        this.engine = new AtomicReference<>(new Engine(RuleSetLoader.load(source.get())));
    }

    /** The rule set bundled in the jar (the project's {@code rules/}). */
    public static Levy bundled() {
        return new Levy(RuleSource::bundled);
    }

    /** An analyst's rules folder, compiled now; throws {@link dev.levy.engine.RuleSetException} with file:line problems. */
    public static Levy fromDirectory(Path rulesDir) {
        return new Levy(() -> RuleSource.fromDirectory(rulesDir));
    }

    /** A rule set given as its text (e.g. shipped to another JVM); {@link #reload()} rebuilds the same text. */
    public static Levy load(RuleSource source) {
        return new Levy(() -> source);
    }

    /**
     * Rebuilds the rules from where they came from (e.g. the folder, after an analyst's change) aside, then swaps them in
     * at once: an evaluation uses either the old rules or the new ones, never a mix. A rule set with errors is not
     * swapped in; the running one goes on serving and the problems come back.
     */
    public Reload reload() {
        RuleSet next;
        try {
            next = RuleSetLoader.load(source.get());
        } catch (RuleSetException e) {
            return new Reload(false, rulesVersion(), e.problems());
        }
        engine.set(new Engine(next));
        return new Reload(true, next.version(), next.warnings());
    }

    public RuleSet ruleSet() {
        return engine.get().ruleSet();
    }

    public String rulesVersion() {
        return ruleSet().version();
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
        Engine current = engine.get(); // one rule set for the whole call, even if a reload happens meanwhile
        List<Evaluation> out = new ArrayList<>(shipments.size());
        for (int from = 0; from < shipments.size(); from += CHUNK) {
            out.addAll(evaluateChunk(current, shipments.subList(from, Math.min(shipments.size(), from + CHUNK))));
        }
        return out;
    }

    private static List<Evaluation> evaluateChunk(Engine engine, List<JsonNode> chunk) {
        Evaluation[] out = new Evaluation[chunk.size()];
        List<Shipment> valid = new ArrayList<>(chunk.size());
        List<Integer> positions = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ShipmentReader.Read read = engine.reader().read(chunk.get(i));
            if (read.rejection() != null) {
                out[i] = read.rejection();
            } else {
                valid.add(read.shipment());
                positions.add(i);
            }
        }
        if (!valid.isEmpty()) {
            List<Result> results = engine.evaluator().evaluate(valid);
            for (int k = 0; k < results.size(); k++) {
                out[positions.get(k)] = results.get(k);
            }
        }
        return List.of(out);
    }
}
