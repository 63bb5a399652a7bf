package dev.levy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.io.TextRenderer;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluates shipments: one JSON object, a JSON array, or JSON Lines, from FILE or standard input.")
final class EvalCommand implements Callable<Integer> {
    enum Format { json, text }

    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Input file, or - for standard input (the default).")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default) or text, an explanation for a person.")
    Format format = Format.json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = file == null || file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("levy eval: no such file: " + file);
            return LevyCommand.BAD_INPUT;
        }
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        Inputs inputs = Inputs.parse(text);
        List<Evaluation> results = evaluate(levy, inputs);
        int rejected = 0;
        int i = 0;
        for (Evaluation e : results) {
            Inputs.Entry entry = inputs.entries().get(i++);
            if (e instanceof Rejection) {
                rejected++;
            }
            if (format == Format.text) {
                out.println(TextRenderer.render(e, e instanceof Result r ? Timeline.hints(levy, entry.node(), r) : List.of()));
            } else {
                out.println(inputs.single() ? Json.pretty(e) : Json.compact(e));
            }
        }
        out.flush();
        if (!inputs.single()) {
            err.printf("read %d, evaluated %d, rejected %d%n", results.size(), results.size() - rejected, rejected);
        } else if (rejected > 0) {
            Rejection r = (Rejection) results.get(0);
            err.println("levy eval: " + r.error().code() + (r.error().field() == null ? "" : " " + r.error().field())
                    + ": " + r.error().message());
        }
        err.flush();
        return rejected == 0 ? LevyCommand.OK : LevyCommand.BAD_INPUT;
    }

    private static List<Evaluation> evaluate(Levy levy, Inputs inputs) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Inputs.Entry e : inputs.entries()) {
            if (e.node() != null) {
                nodes.add(e.node());
            }
        }
        List<Evaluation> evaluated = levy.evaluateAll(nodes);
        List<Evaluation> out = new ArrayList<>(inputs.entries().size());
        int k = 0;
        for (Inputs.Entry e : inputs.entries()) {
            out.add(e.node() != null ? evaluated.get(k++) : e.rejection());
        }
        return out;
    }
}
