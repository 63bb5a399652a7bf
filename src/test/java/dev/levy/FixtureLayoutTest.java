package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.cli.CliRunner;
import dev.levy.fixture.FixtureLayout;
import dev.levy.fixture.FixtureLoader;
import dev.levy.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fixtures mirror the rules: one folder per program folder, plus the cross-cutting ones; nothing else. */
class FixtureLayoutTest {
    private static final Path RULES = TestSupport.projectDir().resolve("rules");
    private static final Path FIXTURES = TestSupport.projectDir().resolve("fixtures");

    @Test
    void everyProgramHasAFixturesFolderAndEveryFixturesFolderAProgram() {
        List<String> programs = FixtureLayout.programs(RULES);
        List<String> folders = FixtureLayout.folders(FIXTURES);
        List<String> untested = new ArrayList<>(programs);
        untested.removeAll(folders);
        assertEquals(List.of(), untested, "rules folders without fixtures/<program>/");
        List<String> stray = new ArrayList<>(folders);
        stray.removeAll(programs);
        stray.removeAll(FixtureLayout.CROSS_CUTTING);
        assertEquals(List.of(), stray, "fixture folders that mirror no rules folder and are not one of "
                + FixtureLayout.CROSS_CUTTING + ": name them after the program whose rules they test");
        for (String p : programs) {
            assertTrue(!FixtureLoader.load(List.of(FIXTURES.resolve(p))).isEmpty(), "fixtures/" + p + " holds no case");
        }
    }

    /** The contract also reads one case per file and YAML (external suites do); the project's own fixtures use one style. */
    @Test
    void everyFixtureFileHoldsACasesArrayOfNamedSourcedCases() throws IOException {
        List<String> odd = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = FIXTURES.relativize(f).toString();
                if (rel.startsWith("crosscheck/")) {
                    continue;
                }
                JsonNode root = rel.endsWith(".json") ? Json.parse(Files.readString(f)) : null;
                if (root == null || root.size() != 1 || !root.path("cases").isArray()) {
                    odd.add(rel + ": not a .json file holding only {\"cases\": [...]}");
                    continue;
                }
                for (JsonNode c : root.get("cases")) {
                    if (!c.path("name").isTextual() || !c.path("source").isTextual()) {
                        odd.add(rel + ": a case without a name or a source");
                    }
                }
            }
        }
        assertEquals(List.of(), odd);
    }

    /** A fixture file named in a case's source or in the docs exists: moving a fixture moves its mentions too. */
    @Test
    void everyFixtureFileNamedInSourcesAndDocsExists() throws IOException {
        Pattern named = Pattern.compile("fixtures/[a-z0-9_]+/[a-z0-9_.]+\\.json");
        List<Path> texts = new ArrayList<>(List.of(TestSupport.projectDir().resolve("README.md"),
                TestSupport.projectDir().resolve("docs/open-questions.md"), RULES.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            walk.filter(f -> f.toString().endsWith(".json")).sorted().forEach(texts::add);
        }
        List<String> missing = new ArrayList<>();
        for (Path text : texts) {
            Matcher m = named.matcher(Files.readString(text));
            while (m.find()) {
                if (!Files.isRegularFile(TestSupport.projectDir().resolve(m.group()))) {
                    missing.add(TestSupport.projectDir().relativize(text) + " names " + m.group());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aRulesFolderNamesItsFixtures() {
        assertEquals(FIXTURES.resolve("reciprocal"), FixtureLayout.fixturesOf(RULES.resolve("reciprocal")));
        assertEquals(FIXTURES, FixtureLayout.fixturesOf(RULES));
        Path file = FIXTURES.resolve("errors");
        assertEquals(file, FixtureLayout.fixturesOf(file));
    }

    @Test
    void levyTestOnARulesFolderRunsItsProgramsCases() {
        int cases = FixtureLoader.load(List.of(FIXTURES.resolve("section232_copper"))).size();
        CliRunner.Run r = CliRunner.run("test", RULES.resolve("section232_copper").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().endsWith(cases + " passed, 0 failed\n"), r.out());
    }
}
