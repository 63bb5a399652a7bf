package dev.levy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.fixture.ShipmentDiff;
import dev.levy.io.Inputs;
import dev.levy.io.Parsed;
import java.nio.charset.StandardCharsets;
import dev.levy.model.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Evaluates the same shipments or fixtures under two rule sets and reports every shipment whose "
                + "result changed, with the rules responsible.")
final class DiffCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", required = true, arity = "1",
            description = "Give it twice: the old rules folder, then the new one.")
    List<Path> rules;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Shipment files (JSON, array or JSON Lines) or fixture files and folders.")
    List<Path> inputs;

    @Option(names = "--fail-on-change", description = "Exit 1 when any result changed.")
    boolean failOnChange;

    @Spec
    CommandSpec spec;

    /** A shipment to compare, with the label it is reported under. */
    private record Labelled(String label, JsonNode shipment) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rules.size() != 2) {
            err.println("levy diff: give --rules twice, the old folder then the new one");
            return LevyCommand.BAD_INPUT;
        }
        Levy before = load(rules.get(0), err);
        Levy after = before == null ? null : load(rules.get(1), err);
        if (after == null) {
            return LevyCommand.RULES_BROKEN;
        }
        List<Labelled> shipments = new ArrayList<>();
        for (Path input : inputs) {
            shipments.addAll(read(input));
        }
        List<JsonNode> nodes = shipments.stream().map(Labelled::shipment).toList();
        List<Evaluation> a = before.evaluateAll(nodes);
        List<Evaluation> b = after.evaluateAll(nodes);
        int changed = 0;
        Map<String, Integer> byRule = new TreeMap<>();
        for (int i = 0; i < shipments.size(); i++) {
            ShipmentDiff d = ShipmentDiff.of(shipments.get(i).label(), a.get(i), b.get(i));
            if (!d.changed()) {
                continue;
            }
            changed++;
            out.println("CHANGED " + d.label());
            d.lines().forEach(l -> out.println("  " + l));
            if (!d.rules().isEmpty()) {
                out.println("  rules: " + String.join("; ", d.rules()));
            }
            d.rules().forEach(r -> byRule.merge(r, 1, Integer::sum));
        }
        byRule.forEach((rule, n) -> out.printf("rule \"%s\" changed %d result(s)%n", rule, n));
        out.printf("%d shipments, %d changed, %d unchanged (rules %s -> %s)%n", shipments.size(), changed,
                shipments.size() - changed, before.rulesVersion(), after.rulesVersion());
        out.flush();
        return failOnChange && changed > 0 ? LevyCommand.FAILED : LevyCommand.OK;
    }

    private static Levy load(Path dir, PrintWriter err) {
        RulesOption option = new RulesOption();
        option.dir = dir;
        return option.load(err);
    }

    private static List<Labelled> read(Path input) throws IOException {
        List<Labelled> out = new ArrayList<>();
        if (Files.isDirectory(input) || isFixtureFile(input)) {
            for (Fixture f : FixtureLoader.load(List.of(input))) {
                if (f.shipment() != null) {
                    out.add(new Labelled(f.label(), f.shipment()));
                }
            }
            return out;
        }
        try (Inputs inputs = Inputs.open(Files.newBufferedReader(input, StandardCharsets.UTF_8), Inputs.Format.JSON)) {
            while (inputs.hasNext()) {
                Parsed p = inputs.next().parse();
                if (p.node() != null) {
                    String id = p.node().path("id").asText("");
                    out.add(new Labelled(input + ":" + p.line() + (id.isEmpty() ? "" : " (" + id + ")"), p.node()));
                }
            }
        }
        return out;
    }

    private static boolean isFixtureFile(Path input) throws IOException {
        String name = input.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        String head = Files.readString(input).strip();
        return head.startsWith("{") && (head.contains("\"shipment\"") || head.contains("\"cases\""));
    }
}
