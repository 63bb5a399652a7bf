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
import dev.levy.model.Fields;
import dev.levy.model.LawView;
import dev.levy.model.Problem;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.RuleSetException;
import dev.levy.model.Scenario;
import dev.levy.model.Shipment;
import dev.levy.model.ShipmentError;
import dev.levy.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
 * Building reads the rules and their tables; the bundled rules come with the KieBase the build compiled, a folder is
 * compiled (a few seconds, less from the compiled-rules cache). Evaluating opens one short-lived Kie session per
 * call; {@link #evaluateAll} and {@link #evaluate(Iterator, int, BiFunction, Consumer)} take chunks of {@value #CHUNK}
 * shipments, each evaluated in sessions of at most 100. Results are immutable. {@link #reload()} swaps in changed rules
 * atomically while evaluations go on.
 *
 * <p>The API is this class and {@code dev.levy.model}, the two packages the module {@code dev.levy} exports. The methods
 * that take or give a type of another package ({@link #ruleSet()}, {@link #of}, {@link #load}, the {@code Input}
 * streams) serve Levy's own command line, service and Spark adapter, which run on the class path.
 */
public final class Levy {
    /**
     * Shipments per chunk in batch evaluation (what a worker parses, evaluates and hands back in order): large enough
     * to amortise the hand-over, small enough to stay flat. The evaluator cuts a chunk into smaller Kie sessions.
     */
    public static final int CHUNK = 1000;

    /** A loaded rule set with what evaluates against it; swapped whole on reload, never changed in place. */
    private record Engine(RuleSet ruleSet, ShipmentReader reader, Evaluator evaluator) {
        Engine(RuleSet ruleSet) {
            this(ruleSet, new ShipmentReader(ruleSet), new Evaluator(ruleSet));
        }

        /** The evaluator of a view: the shared one for the final schedule, else a new one (cheap: no state). */
        Evaluator evaluator(LawView view) {
            return view.isFinal() ? evaluator : new Evaluator(ruleSet, view);
        }
    }

    /**
     * What {@link #reload()} did: applied the new rules (and their version), or kept the running ones and says why.
     */
    public record Reload(boolean applied, String rulesVersion, List<Problem> problems) {}

    /** Where {@link #reload()} reads the rules again; null for a Levy over a rule set the caller loaded. */
    private final Supplier<RuleSource> source;
    private final AtomicReference<Engine> engine;
    /** The law this facade evaluates: the final schedule unless made by {@link #under(LawView)}. */
    private final LawView view;
    /** What its results show: every field unless made by {@link #fields(Fields)}. */
    private final Fields fields;

    private Levy(Supplier<RuleSource> source, RuleSet ruleSet) {
        this(source, new AtomicReference<>(new Engine(ruleSet)), LawView.FINAL, Fields.ALL);
    }

    private Levy(Supplier<RuleSource> source, AtomicReference<Engine> engine, LawView view, Fields fields) {
        this.source = source;
        this.engine = engine;
        this.view = view;
        this.fields = fields;
    }

    private Levy(Supplier<RuleSource> source) {
        this(source, RuleSetLoader.load(source.get()));
    }

    /**
     * Levy's version: the project version of the build ({@code pom.xml}), filtered into the jar.
     * {@code levy --version}, the OpenAPI description of {@code levy serve} and levy-spark all give this one.
     */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Levy.class.getResourceAsStream("/dev/levy/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/levy/version.properties is missing: build Levy with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    /** The rule set bundled in the jar (the project's {@code rules/}). */
    public static Levy bundled() {
        return new Levy(RuleSource::bundled);
    }

    /** An analyst's rules folder, compiled now; throws {@link dev.levy.model.RuleSetException} with file:line problems. */
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
        if (source == null) {
            return new Reload(false, rulesVersion(), List.of(Problem.error(ruleSet().name(), 0,
                    "this Levy was made from a loaded RuleSet: build it from a folder or a RuleSource to reload")));
        }
        RuleSet next;
        try {
            next = RuleSetLoader.load(source.get());
        } catch (RuleSetException e) {
            return new Reload(false, rulesVersion(), e.problems());
        }
        engine.set(new Engine(next));
        return new Reload(true, next.version(), next.warnings());
    }

    /** A facade over a rule set loaded by the caller (e.g. with a chosen {@link dev.levy.engine.KieBaseCache}). */
    public static Levy of(RuleSet ruleSet) {
        return new Levy(null, ruleSet);
    }

    public RuleSet ruleSet() {
        return engine.get().ruleSet();
    }

    /**
     * This Levy reading the law as {@code view} does (as known on a day, at entry, under a scenario). It shares the rules,
     * and a reload of either shows in both.
     *
     * @throws IllegalArgumentException when the view's scenario names a table or program the rules do not have
     */
    public Levy under(LawView view) {
        if (view.scenario() != null) {
            List<String> problems = ScenarioLoader.check(view.scenario(), ruleSet().tables().tableNames(),
                    ruleSet().programOrder().keySet());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("scenario " + view.scenario().name() + ": " + String.join("; ", problems));
            }
        }
        return new Levy(source, engine, view, fields);
    }

    /** The law this Levy reads. */
    public LawView view() {
        return view;
    }

    /**
     * This Levy computing only what {@code fields} show (an output profile, {@code levy eval --fields}): without
     * {@code trace}, its results have no trace (null) and no rule's message is rendered for it; without
     * {@code refundable}, no {@code refundable} (null) and no second evaluation of the law after the rulings. Every field
     * it does compute is the same as this Levy's. Write its results with {@link #json(Evaluation, Fields)}. It shares the
     * rules and the view, and a reload of either shows in both.
     */
    public Levy fields(Fields fields) {
        return new Levy(source, engine, view, fields);
    }

    /** What this Levy's results show: {@link Fields#ALL} unless made by {@link #fields(Fields)}. */
    public Fields fields() {
        return fields;
    }

    /**
     * A scenario by name (one shipped with the rules, {@code rules/scenarios/NAME.yaml}) or by file (YAML or JSON).
     *
     * @throws IllegalArgumentException when there is no such scenario, or the file is not a valid scenario
     */
    public Scenario scenario(String nameOrFile) {
        Scenario shipped = ruleSet().scenarios().get(nameOrFile);
        if (shipped != null) {
            return shipped;
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no scenario named " + nameOrFile + " (the rules ship: "
                    + String.join(", ", ruleSet().scenarios().keySet()) + "), and no such file");
        }
        try {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            return ScenarioLoader.parse(nameOrFile, name, Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the scenario " + nameOrFile + ": " + e.getMessage());
        } catch (ScenarioLoader.ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
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
     * Evaluates one shipment built in Java ({@link Shipment#builder()}). It is validated exactly as the JSON object it
     * stands for: bad data gets the same {@link Rejection}, error code, field and message as in JSON.
     */
    public Evaluation evaluate(Shipment shipment) {
        Engine current = engine.get();
        ShipmentReader.Read read = current.reader().read(shipment);
        if (read.rejection() != null) {
            return read.rejection();
        }
        return evaluateValid(current.evaluator(view), List.of(read.shipment()), fields).get(0);
    }

    /** An evaluation as one line of JSON, exactly as {@code levy eval} writes it. */
    public static String json(Evaluation evaluation) {
        return Json.compact(evaluation);
    }

    /**
     * An evaluation as one line of JSON with only the {@code fields} of a result, exactly as {@code levy eval --fields}
     * writes it: each field's bytes as in {@link #json(Evaluation)}, in the result's order; an error object whole.
     */
    public static String json(Evaluation evaluation, Fields fields) {
        return Json.compact(evaluation, fields);
    }

    /**
     * Evaluates shipments in order: one result or rejection per input, in input order. A bad input never stops the
     * others.
     */
    public List<Evaluation> evaluateAll(List<JsonNode> shipments) {
        Engine current = engine.get(); // one rule set for the whole call, even if a reload happens meanwhile
        List<Evaluation> out = new ArrayList<>(shipments.size());
        for (int from = 0; from < shipments.size(); from += CHUNK) {
            out.addAll(evaluateChunk(current, view, fields, shipments.subList(from, Math.min(shipments.size(), from + CHUNK))));
        }
        return out;
    }

    /**
     * Evaluates a stream of any length on {@code threads} worker threads, in chunks of {@value #CHUNK} inputs (Kie
     * sessions of 100), in constant memory. Parsing, evaluation and {@code render} run on the workers; {@code sink} gets
     * the rendered outputs on the calling thread, in input order, whatever the number of threads.
     *
     * @param render turns an input and its evaluation into what the sink wants (a JSON line, a report row)
     */
    public <T> void evaluate(Iterator<? extends Input> inputs, int threads, BiFunction<Input, Evaluation, T> render,
                             Consumer<? super T> sink) {
        evaluate(inputs, threads, List.of(view), (input, all) -> render.apply(input, all.get(0)), sink);
    }

    /**
     * Like {@link #evaluate(Iterator, int, BiFunction, Consumer)}, each input evaluated under several views of the law (as
     * filed, as owed, under a scenario): {@code render} gets the evaluations in the order of {@code views}. Each input is
     * parsed and validated once; the stream stays in constant memory.
     */
    public <T> void evaluate(Iterator<? extends Input> inputs, int threads, List<LawView> views,
                             BiFunction<Input, List<Evaluation>, T> render, Consumer<? super T> sink) {
        Engine current = engine.get(); // one rule set for the whole stream, even if a reload happens meanwhile
        List<LawView> fixed = List.copyOf(views);
        OrderedChunks.<Input, T>run(inputs, CHUNK, threads, chunk -> evaluateInputs(current, fixed, fields, chunk, render),
                sink);
    }

    /**
     * Evaluates shipment objects as a stream of any length on {@code threads} worker threads: {@code sink} gets their
     * evaluations on the calling thread, in input order. The streaming overloads take their arguments in one order:
     * inputs, threads, (views), (render), sink.
     */
    public void evaluate(Iterator<JsonNode> shipments, int threads, Consumer<Evaluation> sink) {
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

    private static <T> List<T> evaluateInputs(Engine engine, List<LawView> views, Fields fields, List<Input> chunk,
                                              BiFunction<Input, List<Evaluation>, T> render) {
        List<JsonNode> nodes = new ArrayList<>(chunk.size());
        List<Parsed> parsed = new ArrayList<>(chunk.size());
        for (Input input : chunk) {
            Parsed p = input.parse();
            parsed.add(p);
            if (p.node() != null) {
                nodes.add(p.node());
            }
        }
        List<List<Evaluation>> evaluated = evaluateChunk(engine, views, fields, nodes);
        List<T> out = new ArrayList<>(chunk.size());
        int k = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Parsed p = parsed.get(i);
            Input read = new ReadInput(chunk.get(i), p);
            if (p.node() != null) {
                int at = k++;
                out.add(render.apply(read, evaluated.stream().map(e -> e.get(at)).toList()));
            } else {
                out.add(render.apply(read, java.util.Collections.nCopies(views.size(), p.rejection())));
            }
        }
        return out;
    }

    /** An input as read, handed to a renderer: its {@code parse()} is the one already done, not a second parse. */
    private record ReadInput(Input input, Parsed parsed) implements Input {
        @Override
        public long line() {
            return input.line();
        }

        @Override
        public String text() {
            return input.text();
        }

        @Override
        public Parsed parse() {
            return parsed;
        }
    }

    private static List<Evaluation> evaluateChunk(Engine engine, LawView view, Fields fields, List<JsonNode> chunk) {
        return evaluateChunk(engine, List.of(view), fields, chunk).get(0);
    }

    /** The evaluations of a chunk under each view: the shipments are read once, then evaluated once per view. */
    private static List<List<Evaluation>> evaluateChunk(Engine engine, List<LawView> views, Fields fields,
                                                        List<JsonNode> chunk) {
        Evaluation[] rejected = new Evaluation[chunk.size()];
        List<Shipment> valid = new ArrayList<>(chunk.size());
        List<Integer> positions = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ShipmentReader.Read read = engine.reader().read(chunk.get(i));
            if (read.rejection() != null) {
                rejected[i] = read.rejection();
            } else {
                valid.add(read.shipment());
                positions.add(i);
            }
        }
        List<List<Evaluation>> all = new ArrayList<>(views.size());
        for (LawView view : views) {
            Evaluation[] out = rejected.clone();
            if (!valid.isEmpty()) {
                List<? extends Evaluation> results = evaluateValid(engine.evaluator(view), valid, fields);
                for (int k = 0; k < results.size(); k++) {
                    out[positions.get(k)] = results.get(k);
                }
            }
            all.add(List.of(out));
        }
        return all;
    }

    /**
     * Evaluates valid shipments in one session; if the rules fail (a bug in a rule, not in the input), each shipment is
     * evaluated alone, and the ones the rules fail on get a {@code RULES_FAILED} rejection: nothing is lost.
     */
    private static List<? extends Evaluation> evaluateValid(Evaluator evaluator, List<Shipment> valid, Fields fields) {
        try {
            return evaluator.evaluate(valid, fields);
        } catch (RuntimeException e) {
            List<Evaluation> out = new ArrayList<>(valid.size());
            for (Shipment s : valid) {
                try {
                    out.add(evaluator.evaluate(List.of(s), fields).get(0));
                } catch (RuntimeException alone) {
                    out.add(new Rejection(s.getId(), new ShipmentError(ErrorCode.RULES_FAILED, null, "the rules failed on"
                            + " this shipment, which is not its fault: " + alone + "; report it with the shipment")));
                }
            }
            return out;
        }
    }
}
