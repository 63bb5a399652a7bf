package dev.levy.engine;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An analyst's broken rules are refused with every problem located in the analyst's own file and line. */
class RuleSetLoaderTest {
    @TempDir
    Path dir;

    /** A copy of the project's rules to break. */
    private Path rules() throws IOException {
        return TestSupport.copyOfRules(dir);
    }

    private static List<Problem> problems(Path rules) {
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(rules));
        return e.problems().stream().filter(Problem::isError).toList();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test setup: " + from + " not in " + file);
        Files.writeString(file, text.replace(from, to));
    }

    private static int lineOf(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }

    @Test
    void aRulingOnAnUnknownProgramOrWithAnUnknownReliefIsRefusedAtItsLine() throws IOException {
        Path rules = rules();
        Path rulings = rules.resolve("rulings.csv");
        replace(rulings, "IEEPA_BRAZIL,", "IEEPA_BRASIL,");
        replace(rulings, "was never owed,2026-02-20,all,cape-ieepa-refunds,learning-resources-v-trump\nIEEPA_RUSSIAN_OIL",
                "was never owed,2026-02-20,everyone,cape-ieepa-refunds,learning-resources-v-trump\nIEEPA_RUSSIAN_OIL");
        List<Problem> problems = problems(rules);
        int line = lineOf(rulings, "IEEPA_BRASIL");
        assertTrue(problems.stream().anyMatch(p -> p.line() == line
                && p.message().contains("no program IEEPA_BRASIL") && p.message().contains("IEEPA_BRAZIL")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("relief 'everyone' is not all or plaintiffs")),
                problems.toString());
    }

    @Test
    void aTerminationOnAnUnknownProgramOrAtAMalformedTimeIsRefusedAtItsLine() throws IOException {
        Path rules = rules();
        Path ends = rules.resolve("terminations.csv");
        replace(ends, "IEEPA_BRAZIL,2026-02-24,00:00,", "IEEPA_BRASIL,2026-02-24,00:00,");
        replace(ends, "IEEPA_RUSSIAN_OIL,2026-02-24,00:00,", "IEEPA_RUSSIAN_OIL,2026-02-24,midnight,");
        List<Problem> problems = problems(rules);
        int line = lineOf(ends, "IEEPA_BRASIL");
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.file().endsWith("terminations.csv")
                && p.message().contains("no program IEEPA_BRASIL") && p.message().contains("IEEPA_BRAZIL")), problems.toString());
        int time = lineOf(ends, "midnight");
        assertTrue(problems.stream().anyMatch(p -> p.line() == time && p.message().contains("at 'midnight' is not a time HH:MM")),
                problems.toString());
    }

    @Test
    void theProjectRulesLoadWithoutErrors() {
        Levy levy = Levy.fromDirectory(TestSupport.projectDir().resolve("rules"));
        assertTrue(levy.ruleSet().rules().size() > 10);
        assertEquals(TestSupport.levy().rulesVersion(), levy.rulesVersion(), "bundled rules = the rules/ folder");
    }

    @Test
    void syntaxErrorIsReportedAtTheAnalystsFileAndLine() throws IOException {
        Path rules = rules();
        Path drl = rules.resolve("mfn/mfn.drl");
        replace(drl, "r : Row(shipment == s, table == \"mfn\")", "r : Row(shipment == s, table == \"mfn\"");
        int line = lineOf(drl, "table == \"mfn\"");
        List<Problem> problems = problems(rules);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(rules + "/mfn/mfn.drl")
                && Math.abs(p.line() - line) <= 2), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.message().contains("null Package")));
        assertTrue(problems.stream().noneMatch(p -> p.file().contains("src/main/resources")), "never a virtual path");
        assertEquals(problems.size(), problems.stream().map(Problem::toString).distinct().count(), "no duplicate lines");
    }

    @Test
    void unknownPropertyIsReportedWithFileAndLine() throws IOException {
        Path rules = rules();
        Path drl = rules.resolve("mfn/mfn.drl");
        replace(drl, "s : Shipment(spi != null)", "s : Shipment(spy != null)");
        List<Problem> problems = problems(rules);
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("mfn/mfn.drl") && p.line() > 0), problems.toString());
    }

    @Test
    void ruleWithoutCitationIsAnError() throws IOException {
        Path rules = rules();
        Path drl = rules.resolve("mfn/mfn.drl");
        replace(drl, "    @citation(\"HTSUS general note 3(a); column 1 General; {r.source}\")\n", "");
        int line = lineOf(drl, "rule \"MFN: column 1 general rate\"");
        List<Problem> problems = problems(rules);
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("mfn/mfn.drl") && p.line() == line
                && p.message().contains("no @citation")), problems.toString());
    }

    @Test
    void tableRowWithoutSourceOrWithBadKeysIsAnError() throws IOException {
        Path rules = rules();
        Path csv = rules.resolve("section232/section232_autos.csv");
        Files.writeString(csv, Files.readString(csv) + "8703.99,25,9903.94.01,2025-04-03,,\n87X3,25,9903.94.01,2025-04-03,,src\n");
        int lines = Files.readAllLines(csv).size();
        Path countries = rules.resolve("reciprocal/reciprocal_excepted_countries.csv");
        Files.writeString(countries, Files.readString(countries) + "QQ,9903.01.29,2025-04-05,,src\n");
        List<Problem> problems = problems(rules);
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("section232_autos.csv") && p.line() == lines - 1
                && p.message().contains("source")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("section232_autos.csv") && p.line() == lines
                && p.message().contains("HTS")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("reciprocal_excepted_countries.csv")
                && p.message().contains("QQ")), problems.toString());
    }

    @Test
    void rowCitingAnUnknownSourceIdIsAnErrorAtItsLine() throws IOException {
        Path rules = rules();
        Path csv = rules.resolve("section232/section232_autos.csv");
        Files.writeString(csv, Files.readString(csv) + "8703.99,25,9903.94.01,2027-04-03,,usitc-hts-2052\n");
        int line = Files.readAllLines(csv).size();
        assertTrue(problems(rules).stream().anyMatch(p -> p.file().endsWith("section232_autos.csv") && p.line() == line
                && p.message().contains("'usitc-hts-2052' is not an id of sources.csv")
                && p.message().contains("usitc-hts-2025")), "an unknown id, with the id it resembles");
    }

    @Test
    void theSpanOfTheRulesCitesASourceById() throws IOException {
        Path rules = rules();
        replace(rules.resolve("ruleset.properties"), "covers.source=ruleset-covers-2025-2026", "covers.source=ruleset-covers-2052");
        assertTrue(problems(rules).stream().anyMatch(p -> p.file().endsWith("ruleset.properties")
                && p.message().contains("'covers.source': 'ruleset-covers-2052' is not an id of sources.csv")
                && p.message().contains("ruleset-covers-2025")), "an unknown id, with the id it resembles");
    }

    @Test
    void sourceWithAConfidenceOtherThanHighOrMediumIsAnError() throws IOException {
        Path rules = rules();
        Path sources = rules.resolve("sources.csv");
        Files.writeString(sources, Files.readString(sources) + "test-source,A test citation,,low\n");
        int line = Files.readAllLines(sources).size();
        assertTrue(problems(rules).stream().anyMatch(p -> p.file().endsWith("sources.csv") && p.line() == line
                && p.message().contains("confidence 'low'")));
    }

    @Test
    void ruleNamingAnUnknownTableIsAnError() throws IOException {
        Path rules = rules();
        replace(rules.resolve("mfn/mfn.drl"), "r : Row(shipment == s, table == \"mfn_special\")",
                "r : Row(shipment == s, table == \"mfn_specail\")");
        assertTrue(problems(rules).stream().anyMatch(p -> p.message().contains("no table named \"mfn_specail\"")));
    }

    @Test
    void ruleOutsideTheDeclaredPhasesIsAnError() throws IOException {
        Path rules = rules();
        replace(rules.resolve("mfn/mfn.drl"), "ruleflow-group \"duties\"", "ruleflow-group \"dutys\"");
        assertTrue(problems(rules).stream().anyMatch(p -> p.message().contains("\"dutys\" is not a phase")));
    }

    @Test
    void overlappingWindowsForOneKeyAndHeadingAreAnError() throws IOException {
        Path rules = rules();
        Path csv = rules.resolve("section232/section232_autos.csv");
        Files.writeString(csv, Files.readString(csv) + "8703.23.01,30,9903.94.01,2025-05-01,,usitc-hts-2025\n");
        int line = Files.readAllLines(csv).size();
        assertTrue(problems(rules).stream().anyMatch(p -> p.file().endsWith("section232_autos.csv") && p.line() == line
                && p.message().contains("overlaps")), "a second 8703.23.01 row overlapping the first");
    }

    @Test
    void twoRulesWithOneNameInDifferentPackagesAreAnError() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("mfn/copy.drl"), Files.readString(rules.resolve("mfn/mfn.drl"))
                .replace("package levy.mfn", "package levy.mfn.copy"));
        assertTrue(problems(rules).stream().anyMatch(p -> p.message().contains("names must be unique")));
    }
}
