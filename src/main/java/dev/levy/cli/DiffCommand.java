package dev.levy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.engine.MessageTemplate;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.fixture.ShipmentDiff;
import dev.levy.io.Inputs;
import dev.levy.io.Parsed;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Evaluates the same shipments or fixtures under two rule sets, two scenarios, or the law as known on "
                + "a day and as finally amended, and reports every shipment whose result changed, with the rules responsible, "
                + "and every shipment rejected on either side. Ends with 'N shipments, C changed, U unchanged, R rejected'.")
final class DiffCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", arity = "1", converter = OptionValues.RulesFolder.class,
            description = "Twice: the old rules folder, then the new one. Once: the rules of both sides (default: bundled).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME|FILE", arity = "1",
            description = "Twice: a scenario on each side. Once: the final schedule against the scenario.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--as-known", paramLabel = "DATE", arity = "1",
            description = "Twice: the law as known on each day. Once: the law as known then (what was filed) against the "
                    + "schedule as finally amended.")
    List<java.time.LocalDate> asKnown = new ArrayList<>();

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Shipment files (JSON, array or JSON Lines) or fixture files and folders.")
    List<Path> inputs;

    @Option(names = "--fail-on-change", description = "Exit 1 when any result changed, or a shipment is rejected on "
            + "one side only or with another error.")
    boolean failOnChange;

    @Spec
    CommandSpec spec;

    /**
     * An input to compare, with the label it is reported under: a shipment node, or why it could not be read as one
     * ({@code unread}: then it is rejected on both sides).
     */
    private record Labelled(String label, JsonNode shipment, String unread) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = usage();
        if (usage != null) {
            err.println("levy diff: " + usage);
            return LevyCommand.BAD_INPUT;
        }
        Levy before = load(rules.isEmpty() ? null : rules.get(0), err);
        Levy after = before == null ? null : rules.size() == 2 ? load(rules.get(1), err) : before;
        if (after == null) {
            return LevyCommand.RULES_BROKEN;
        }
        before = ViewOption.apply(before, side(asKnown, 0, true), side(scenarios, 0, false), err, "diff");
        after = before == null ? null : ViewOption.apply(after, side(asKnown, 1, true), side(scenarios, 1, false), err, "diff");
        if (after == null) {
            return LevyCommand.BAD_INPUT;
        }
        List<Labelled> shipments = new ArrayList<>();
        for (Path input : inputs) {
            try {
                shipments.addAll(read(input));
            } catch (Inputs.LooksLikeCsv e) {
                err.println("levy diff: " + input + ": " + e.getMessage() + ": name the file *.csv");
                return LevyCommand.BAD_INPUT;
            }
        }
        List<Labelled> readable = shipments.stream().filter(l -> l.shipment() != null).toList();
        List<JsonNode> nodes = readable.stream().map(Labelled::shipment).toList();
        List<Evaluation> a = before.evaluateAll(nodes);
        List<Evaluation> b = after.evaluateAll(nodes);
        int changed = 0;
        int rejected = 0;
        int rejectedBefore = 0;
        int rejectedAfter = 0;
        boolean rejectionsDiffer = false;
        Map<String, Integer> byRule = new TreeMap<>();
        int k = 0;
        for (Labelled item : shipments) {
            if (item.unread() != null) {
                rejected++;
                rejectedBefore++;
                rejectedAfter++;
                out.println("REJECTED " + item.label());
                out.println("  both: " + item.unread());
                continue;
            }
            Evaluation ea = a.get(k);
            Evaluation eb = b.get(k++);
            if (ea instanceof Rejection || eb instanceof Rejection) {
                rejected++;
                rejectedBefore += ea instanceof Rejection ? 1 : 0;
                rejectedAfter += eb instanceof Rejection ? 1 : 0;
                String was = describe(ea);
                String now = describe(eb);
                rejectionsDiffer |= !was.equals(now);
                out.println("REJECTED " + item.label());
                if (was.equals(now)) {
                    out.println("  both: " + was);
                } else {
                    out.println("  before: " + was);
                    out.println("  after: " + now);
                }
                continue;
            }
            ShipmentDiff d = ShipmentDiff.of(item.label(), (Result) ea, (Result) eb);
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
        // every input counts once: read = changed + unchanged + rejected (on either side)
        out.printf("%d shipments, %d changed, %d unchanged, %d rejected (%d before, %d after; rules %s -> %s%s)%n",
                shipments.size(), changed, shipments.size() - changed - rejected, rejected, rejectedBefore, rejectedAfter,
                before.rulesVersion(), after.rulesVersion(), views(before, after));
        out.flush();
        return failOnChange && (changed > 0 || rejectionsDiffer) ? LevyCommand.FAILED : LevyCommand.OK;
    }

    /** A side's outcome in the list of rejections: its error (code, field, message), or its total when it was evaluated. */
    private static String describe(Evaluation e) {
        if (e instanceof Rejection r) {
            return r.error().code() + (r.error().field() == null ? "" : " " + r.error().field()) + ": " + r.error().message();
        }
        return "evaluated, total " + MessageTemplate.usd(((Result) e).totalDuty());
    }

    /** Why the options do not make two sides, or null. */
    private String usage() {
        if (rules.size() > 2 || scenarios.size() > 2 || asKnown.size() > 2) {
            return "give --rules, --scenario and --as-known at most twice each";
        }
        if (rules.size() < 2 && scenarios.isEmpty() && asKnown.isEmpty()) {
            return "give --rules twice (old folder, new folder), or --scenario, or --as-known";
        }
        return null;
    }

    /**
     * What side {@code i} (0 = before, 1 = after) reads from an option given once or twice: twice, one each; once, the
     * first side for an as-known date (filed, against the final schedule), the second for a scenario.
     */
    private static <T> T side(List<T> values, int i, boolean onceIsBefore) {
        if (values.size() == 2) {
            return values.get(i);
        }
        if (values.size() == 1 && (i == 0) == onceIsBefore) {
            return values.get(0);
        }
        return null;
    }

    private static String views(Levy before, Levy after) {
        String a = before.view().describe();
        String b = after.view().describe();
        return a.equals(b) && a.equals("final") ? "" : "; " + a + " -> " + b;
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
                out.add(new Labelled(f.label(), f.shipment(), f.shipment() == null ? "not a case: " + f.problem() : null));
            }
            return out;
        }
        try (Inputs inputs = Inputs.open(Files.newBufferedReader(input, StandardCharsets.UTF_8),
                InputFile.format(input.toString(), null))) {
            while (inputs.hasNext()) {
                Parsed p = inputs.next().parse();
                if (p.node() != null) {
                    String id = p.node().path("id").asText("");
                    out.add(new Labelled(input + ":" + p.line() + (id.isEmpty() ? "" : " (" + id + ")"), p.node(), null));
                } else {
                    out.add(new Labelled(input + ":" + p.line(), null, describe(p.rejection())));
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
