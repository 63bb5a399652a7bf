package dev.levy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.levy.Levy;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.engine.OrderedChunks;
import dev.levy.io.Input;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.io.Parsed;
import dev.levy.model.Fields;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generates N realistic shipments from the rules, then measures in the same run (a) the I/O floor: "
                + "read, parse and write a result-sized JSON line per input, no evaluation; (b) levy eval of the same "
                + "file through the same streaming path. Prints lines/s for both, and last 'ratio R' = (b)/(a).")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Option(names = "--lines", paramLabel = "N", description = "Shipments to generate (default 1,000,000).")
    long lines = 1_000_000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator (default 1).")
    long seed = 1;

    @Mixin
    ThreadsOption workers;

    @Option(names = "--keep", description = "Keep the generated file (its path is printed).")
    boolean keep;

    @Option(names = "--fields", paramLabel = "LIST",
            description = "(b) writes only these fields of each result, as levy eval --fields; the floor's lines are as "
                    + "long as those results. Default: every field.")
    String fieldList;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Fields fields;
        try {
            fields = fieldList == null ? Fields.ALL : Fields.of(fieldList);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("levy bench: --fields: " + e.getMessage());
            return LevyCommand.BAD_INPUT;
        }
        Levy loaded = rules.load(spec.commandLine().getErr());
        if (loaded == null) {
            return LevyCommand.RULES_BROKEN;
        }
        Levy levy = loaded.fields(fields);
        Path file = Files.createTempFile("levy-bench", ".jsonl");
        try {
            long t0 = System.nanoTime();
            generate(levy, file);
            out.printf("generated %,d shipments (%,d MB) in %.1f s: %s%n", lines, Files.size(file) >> 20,
                    seconds(t0), file);
            out.flush();
            int pad = padding(levy, file, fields);
            double floor = measure("(a) I/O floor", out, file, sink -> OrderedChunks.<Input, String>run(sink.inputs,
                    Levy.CHUNK, workers.threads, chunk -> floorChunk(chunk, pad), sink::write));
            double eval = measure("(b) levy eval", out, file, sink -> levy.evaluate(sink.inputs, workers.threads,
                    (input, e) -> Json.compact(e, fields), sink::write));
            out.printf("ratio %.2f%n", eval / floor);
            out.flush();
            return LevyCommand.OK;
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void generate(Levy levy, Path file) throws IOException {
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < lines; i++) {
                w.write(generator.next());
                w.write('\n');
            }
        }
    }

    /** How many copies of an input node make a line as long as a result, measured on the file's first lines. */
    private static int padding(Levy levy, Path file, Fields fields) throws IOException {
        List<JsonNode> sample = new ArrayList<>();
        try (var r = Files.newBufferedReader(file)) {
            for (String line; sample.size() < Levy.CHUNK && (line = r.readLine()) != null; ) {
                sample.add(Json.MAPPER.readTree(line));
            }
        }
        long in = sample.stream().mapToLong(n -> Json.compact(n).length()).sum();
        long res = levy.evaluateAll(sample).stream().mapToLong(e -> Json.compact(e, fields).length()).sum();
        return (int) Math.max(1, Math.round((double) res / Math.max(1, in)));
    }

    private static List<String> floorChunk(List<Input> chunk, int pad) {
        List<String> out = new ArrayList<>(chunk.size());
        for (Input input : chunk) {
            Parsed p = input.parse();
            ArrayNode line = Json.MAPPER.createArrayNode();
            for (int i = 0; i < pad; i++) {
                line.add(p.node());
            }
            out.add(Json.compact(line));
        }
        return out;
    }

    /** A run over the file: the inputs, and a sink that encodes each output line and throws the bytes away. */
    static final class Run {
        final Inputs inputs;
        final Writer writer = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8), 1 << 16);
        long count;
        long rejected;

        Run(Inputs inputs) {
            this.inputs = inputs;
        }

        void write(String line) {
            try {
                writer.write(line);
                writer.write('\n');
                count++;
                if (line.startsWith("{\"id\":") && line.contains("\"error\":{")) {
                    rejected++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    interface Body {
        void run(Run run) throws IOException;
    }

    private double measure(String what, PrintWriter out, Path file, Body body) throws IOException {
        long t0 = System.nanoTime();
        Run run;
        try (Inputs inputs = Inputs.open(Files.newBufferedReader(file, StandardCharsets.UTF_8), Inputs.Format.JSON)) {
            run = new Run(inputs);
            body.run(run);
            run.writer.flush();
        }
        double s = seconds(t0);
        double rate = run.count / s;
        out.printf("%s: %,d lines in %.2f s = %,.0f lines/s%s%n", what, run.count, s, rate,
                run.rejected > 0 ? " (" + run.rejected + " rejected)" : "");
        out.flush();
        return rate;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
