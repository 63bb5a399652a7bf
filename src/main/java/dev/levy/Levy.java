package dev.levy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.engine.Evaluator;
import dev.levy.engine.OrderedChunks;
import dev.levy.engine.RuleSet;
import dev.levy.engine.RuleSetLoader;
import dev.levy.engine.RuleSource;
import dev.levy.io.Input;
import dev.levy.io.Json;
import dev.levy.io.Parsed;
import dev.levy.io.ShipmentReader;
import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.Shipment;
import dev.levy.model.ShipmentError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The Levy facade: build once from a rule set, then evaluate shipments from any number of threads.
 *
 * <pre>{@code
 * Levy levy = Levy.bundled();                       // or Levy.fromDirectory(Path.of("rules"))
 * Evaluation e = levy.evaluate("{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}");
 * if (e instanceof Result r) { r.totalDuty(); r.measures(); r.notApplied(); r.trace(); }
 * }</pre>
 *
 * Building compiles the rules (about a second, or a few hundred milliseconds from the compiled-rules cache); evaluating
 * opens one short-lived Kie session per call, or per chunk of {@value #CHUNK} shipments in {@link #evaluateAll} and
 * {@link #evaluate(Iterator, int, BiFunction, Consumer)}. Results are immutable.
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

    /** A facade over a rule set loaded by the caller (e.g. with a chosen {@link dev.levy.engine.KieBaseCache}). */
    public static Levy of(RuleSet ruleSet) {
        return new Levy(ruleSet);
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

    /**
     * Evaluates a stream of any length on {@code threads} worker threads, in chunks of {@value #CHUNK} inputs (one Kie
     * session each), in constant memory. Parsing, evaluation and {@code render} run on the workers; {@code sink} gets
     * the rendered outputs on the calling thread, in input order, whatever the number of threads.
     *
     * @param render turns an input and its evaluation into what the sink wants (a JSON line, a report row)
     */
    public <T> void evaluate(Iterator<? extends Input> inputs, int threads, BiFunction<Input, Evaluation, T> render,
                             Consumer<? super T> sink) {
        OrderedChunks.<Input, T>run(inputs, CHUNK, threads, chunk -> evaluateInputs(chunk, render), sink);
    }

    /** Evaluates shipment nodes as a stream: {@code sink} gets their evaluations in input order. */
    public void evaluate(Iterator<JsonNode> shipments, Consumer<Evaluation> sink, int threads) {
        Iterator<Input> inputs = new Iterator<>() {
            private long line;

            @Override
            public boolean hasNext() {
                return shipments.hasNext();
            }

            @Override
            public Input next() {
                return Parsed.of(++line, shipments.next());
            }
        };
        evaluate(inputs, threads, (input, e) -> e, sink);
    }

    private <T> List<T> evaluateInputs(List<Input> chunk, BiFunction<Input, Evaluation, T> render) {
        List<JsonNode> nodes = new ArrayList<>(chunk.size());
        List<Parsed> parsed = new ArrayList<>(chunk.size());
        for (Input input : chunk) {
            Parsed p = input.parse();
            parsed.add(p);
            if (p.node() != null) {
                nodes.add(p.node());
            }
        }
        List<Evaluation> evaluated = evaluateChunk(nodes);
        List<T> out = new ArrayList<>(chunk.size());
        int k = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Parsed p = parsed.get(i);
            out.add(render.apply(chunk.get(i), p.node() != null ? evaluated.get(k++) : p.rejection()));
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
