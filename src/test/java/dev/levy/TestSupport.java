package dev.levy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.io.Csv;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared by the tests: one Levy over the bundled rules (built once per JVM, as an embedder would), and paths. */
public final class TestSupport {
    private static Levy bundled;

    private TestSupport() {}

    public static synchronized Levy levy() {
        if (bundled == null) {
            bundled = Levy.bundled();
        }
        return bundled;
    }

    /** The project folder: where Maven runs the tests from. */
    public static Path projectDir() {
        return Path.of(System.getProperty("levy.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** {@code ../shared} beside the project, or null when this clone has none (a user's clone). */
    public static Path sharedDir() {
        Path shared = projectDir().resolve("../shared").normalize();
        return Files.isDirectory(shared) ? shared : null;
    }

    /** A copy of the project's rules folder in {@code dir}, for a test to change. */
    /**
     * A DRL file of the copied rules' {@code brazil} folder for a test's own rules (package, imports, no rule yet): the
     * bundled program files hold few rules now that most law is rows of tables.
     */
    public static Path testDrl(Path rules) throws IOException {
        Path drl = rules.resolve("brazil/test.drl");
        if (!Files.exists(drl)) {
            Files.writeString(drl, """
                    package levy.brazil

                    import dev.levy.model.Shipment;
                    import dev.levy.fact.Row;
                    import dev.levy.fact.Duty;
                    import dev.levy.fact.Exemption;
                    """);
        }
        return drl;
    }

    public static Path copyOfRules(Path dir) throws IOException {
        Path src = projectDir().resolve("rules");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    /**
     * An analyst confirming facts from primary text: in a copy of the rules ({@link #copyOfRules}), each named source of
     * {@code sources.csv}, which must be of medium confidence, becomes high.
     */
    public static void confirmSources(Path rules, String... ids) throws IOException {
        Path sources = rules.resolve("sources.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(sources));
        for (String id : ids) {
            int at = -1;
            for (int i = 0; i < lines.size() && at < 0; i++) {
                at = lines.get(i).startsWith(id + ",") ? i : -1;
            }
            if (at < 0 || !lines.get(at).endsWith(",medium")) {
                throw new AssertionError("sources.csv has no medium source " + id);
            }
            lines.set(at, lines.get(at).substring(0, lines.get(at).length() - "medium".length()) + "high");
        }
        Files.write(sources, lines);
    }

    /**
     * Every 10-digit statistical line of the USITC export (chapter 99 aside) whose effective rate in column
     * {@code rateColumn} (its own, or its 8-digit line's) is {@code Free} or ad valorem: pairs {hts, rate}, in file order.
     */
    public static List<String[]> officialAdValoremLines(String usitc, int rateColumn) {
        List<String[]> lines = new ArrayList<>();
        String parent = "";
        String parentRate = "";
        for (Csv.Line l : Csv.parse(usitc)) {
            String hts = l.get(0);
            if (hts.matches("\\d{4}\\.\\d{2}\\.\\d{2}")) {
                parent = hts;
                parentRate = l.get(rateColumn);
            } else if (hts.matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}") && !hts.startsWith("99")) {
                String rate = !l.get(rateColumn).isEmpty() ? l.get(rateColumn) : hts.startsWith(parent) ? parentRate : "";
                if (rate.matches("Free|\\d+(\\.\\d+)?%")) {
                    lines.add(new String[] {hts, rate});
                }
            }
        }
        return lines;
    }

    public static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result result(Evaluation e) {
        if (e instanceof Result r) {
            return r;
        }
        throw new AssertionError("expected a result, got " + Json.compact(e));
    }
}
