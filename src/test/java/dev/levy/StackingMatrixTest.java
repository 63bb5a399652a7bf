package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levy.engine.RuleSet;
import dev.levy.engine.StackingRelation;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.io.ShipmentReader;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * rules/stacking_matrix.csv declares how every pair of additional duties relates; every fixture's result must obey it,
 * and docs/stacking.md must show it.
 */
class StackingMatrixTest {
    /** The programs of the Chapter 1-97 line (column 1, or column 2 for general note 3(b) countries): not additional duties. */
    private static final Set<String> CHAPTER_1_97_LINE = Set.of("MFN", "COLUMN_2");

    private static List<String> additionalPrograms(RuleSet rules) {
        return rules.programOrder().entrySet().stream().filter(e -> !CHAPTER_1_97_LINE.contains(e.getKey()))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /** The relations of a pair for products of {@code origin} on a day: rows naming the origin take precedence. */
    private static List<StackingRelation> inForce(RuleSet rules, String a, String b, String origin, LocalDate day) {
        List<StackingRelation> specific = rules.stacking().stream().filter(r -> r.concerns(a, b)
                && r.origins().contains(origin) && r.inForceOn(day)).toList();
        return !specific.isEmpty() ? specific : rules.stacking().stream().filter(r -> r.concerns(a, b)
                && r.origins().isEmpty() && r.inForceOn(day)).toList();
    }

    /** Every origin the matrix names, and one it does not ("ZZ"), to check each kind of row. */
    private static Set<String> originsToCheck(RuleSet rules) {
        Set<String> origins = new TreeSet<>(Set.of("ZZ"));
        rules.stacking().forEach(r -> origins.addAll(r.origins()));
        return origins;
    }

    @Test
    void everyPairOfProgramsHasExactlyOneRelationOnEveryDayCovered() {
        RuleSet rules = TestSupport.levy().ruleSet();
        List<String> programs = additionalPrograms(rules);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            for (int j = i + 1; j < programs.size(); j++) {
                String a = programs.get(i);
                String b = programs.get(j);
                days:
                for (String origin : originsToCheck(rules)) {
                    for (LocalDate d = rules.coversFrom(); d.isBefore(rules.coversTo()); d = d.plusDays(1)) {
                        int n = inForce(rules, a, b, origin, d).size();
                        if (n != 1) {
                            problems.add(a + " / " + b + ": " + n + " relations for " + origin + " on " + d);
                            break days;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noFixtureShowsTwoProgramsMeetingAgainstTheirDeclaredRelation() {
        Levy levy = TestSupport.levy();
        RuleSet rules = levy.ruleSet();
        ShipmentReader reader = new ShipmentReader(rules);
        List<String> problems = new ArrayList<>();
        for (Fixture f : FixtureLoader.load(List.of(TestSupport.projectDir().resolve("fixtures")))) {
            if (f.shipment() == null) {
                continue;
            }
            Evaluation e = levy.evaluate(f.shipment());
            if (!(e instanceof Result r)) {
                continue;
            }
            LocalDate day = reader.read(f.shipment()).shipment().getRegimeDate();
            List<Measure> applied = r.measures().stream()
                    .filter(m -> !CHAPTER_1_97_LINE.contains(m.program()) && m.amount().signum() > 0).toList();
            for (Measure m : applied) {
                for (Measure n : applied) {
                    if (m.program().compareTo(n.program()) >= 0) {
                        continue;
                    }
                    List<StackingRelation> rel = inForce(rules, m.program(), n.program(), r.origin(), day);
                    String where = f.label() + ": " + m.program() + " and " + n.program() + " on " + day;
                    if (rel.isEmpty()) {
                        problems.add(where + ": no declared relation");
                    } else if (rel.get(0).relation() == StackingRelation.Relation.EXCLUDES
                            || rel.get(0).relation() == StackingRelation.Relation.DISJOINT) {
                        problems.add(where + ": both applied, but the matrix says " + rel.get(0).relation());
                    } else if (rel.get(0).relation() == StackingRelation.Relation.SPLITS
                            && m.basis().add(n.basis()).compareTo(r.value()) > 0) {
                        problems.add(where + ": they split the value, yet their bases add up to more than it");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    static String render(RuleSet rules) {
        StringBuilder out = new StringBuilder();
        out.append("# The stacking matrix\n\n")
                .append("How every pair of additional duties relates on one entry line, rendered from ")
                .append("`rules/stacking_matrix.csv` by `StackingMatrixTest` (run `mvn test -Dlevy.write.docs=true` ")
                .append("after changing the matrix). The Chapter 1-97 line (MFN, or COLUMN_2 for the countries of general note 3(b)) always applies on top unless an all-in heading replaces it.\n\n")
                .append("- stacks: both apply, each on its own basis\n")
                .append("- excludes: the first program applies and the second does not\n")
                .append("- splits: the first takes part of the value (metal or copper content) and the second applies to the rest\n")
                .append("- disjoint: they never meet on one line\n\n")
                .append("A row naming origins takes precedence, for products of those countries, over the row without.\n\n")
                .append("| program | other | relation | origins | in force | source |\n|---|---|---|---|---|---|\n");
        Map<String, List<StackingRelation>> sorted = new TreeMap<>();
        List<String> order = additionalPrograms(rules);
        for (StackingRelation r : rules.stacking()) {
            String key = String.format("%02d-%02d-%s-%s", order.indexOf(r.program()), order.indexOf(r.other()),
                    r.origins().isEmpty() ? "~" : String.join(" ", new TreeSet<>(r.origins())),
                    r.from() == null ? "" : r.from().toString());
            sorted.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (List<StackingRelation> rs : sorted.values()) {
            for (StackingRelation r : rs) {
                String window = r.from() == null && r.to() == null ? "the whole span covered"
                        : (r.from() == null ? "" : "from " + r.from()) + (r.from() != null && r.to() != null ? " " : "")
                        + (r.to() == null ? "" : "before " + r.to());
                out.append("| ").append(r.program()).append(" | ").append(r.other()).append(" | ")
                        .append(r.relation().name().toLowerCase()).append(" | ")
                        .append(r.origins().isEmpty() ? "others" : String.join(" ", new TreeSet<>(r.origins())))
                        .append(" | ").append(window).append(" | ")
                        .append(r.source().replace("|", "/")).append(" |\n");
            }
        }
        return out.toString();
    }

    @Test
    void docsShowTheMatrixAsDeclared() throws IOException {
        Path doc = TestSupport.projectDir().resolve("docs/stacking.md");
        String expected = render(TestSupport.levy().ruleSet());
        if (Boolean.getBoolean("levy.write.docs")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected);
        }
        assertEquals(expected, Files.exists(doc) ? Files.readString(doc) : "",
                "docs/stacking.md is stale: run mvn test -Dlevy.write.docs=true");
    }
}
