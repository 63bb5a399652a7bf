package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import dev.levy.io.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The named order of the bundled rules is the order the numbered saliences gave them before (commit 9941517), for every
 * pair of rules of one phase that {@link Precedence.Effects#interacts interacts}: the conversion from salience to
 * {@code @overrides}/{@code @after} changed no outcome. {@code precedence/order-9941517.csv} is the order Drools
 * actually tried the rules in then: salience, then its own tie-break (load order, then terminal node), read from the
 * KieBase compiled from the rules of 9941517.
 */
class PrecedenceConversionTest {

    @Test
    void namedOrderIsTheOldSalienceOrderForEveryPairThatCanMeet() throws IOException {
        Map<String, List<String>> old = new HashMap<>();
        List<Csv.Line> lines = Csv.parse(Files.readString(TestSupport.projectDir()
                .resolve("src/test/resources/precedence/order-9941517.csv")));
        for (Csv.Line line : lines.subList(1, lines.size())) {
            old.computeIfAbsent(line.get(0), k -> new ArrayList<>()).add(line.get(4));
        }
        Precedence precedence = Precedence.of(RuleSource.fromDirectory(TestSupport.projectDir().resolve("rules"))
                .files().entrySet().stream().filter(f -> f.getKey().endsWith(".drl"))
                .collect(java.util.stream.Collectors.toMap(f -> "rules/" + f.getKey(), Map.Entry::getValue,
                        (a, b) -> a, java.util.TreeMap::new)), TestSupport.levy().ruleSet().tables().tablePrograms());
        assertEquals(List.of(), precedence.problems());
        int pairs = 0;
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, List<String>> phase : old.entrySet()) {
            List<String> before = phase.getValue();
            List<String> now = precedence.order(phase.getKey()).stream().map(Precedence.Rule::name).toList();
            for (int i = 0; i < before.size(); i++) {
                for (int j = i + 1; j < before.size(); j++) {
                    Precedence.Rule a = precedence.rule(before.get(i));
                    Precedence.Rule b = precedence.rule(before.get(j));
                    if (a == null || b == null || !a.effects().interacts(b.effects())) {
                        continue; // a rule since removed or renamed, or a pair whose order changes nothing
                    }
                    pairs++;
                    if (now.indexOf(a.name()) > now.indexOf(b.name())) {
                        changed.add(phase.getKey() + ": \"" + a.name() + "\" ran before \"" + b.name() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), changed);
        // the rules merged into tables (129 -> 61 rules) took their old names with them: 56 pairs of the old order remain
        assertTrue(pairs > 50, "the old order still covers the bundled rules: " + pairs + " pairs compared");
    }
}
