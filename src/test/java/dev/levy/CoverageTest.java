package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levy.fixture.Coverage;
import dev.levy.fixture.FixtureRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coverage gate: every rule in rules/ is exercised by at least one fixture. */
class CoverageTest {

    @Test
    void everyRuleIsExercisedByAFixture() {
        Levy levy = TestSupport.levy();
        Coverage coverage = new Coverage(levy.ruleSet(),
                new FixtureRunner(levy).run(List.of(TestSupport.projectDir().resolve("fixtures"))));
        assertEquals(List.of(), coverage.uncovered().stream()
                .map(r -> r.file() + ":" + r.line() + ": " + r.name()).toList(),
                "rules that no fixture exercises: add a fixture for each");
    }
}
