package dev.levy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.fixture.FixtureRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case under fixtures/ as a JUnit test, through the same runner as {@code levy test}. */
class FixturesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        FixtureRunner runner = new FixtureRunner(TestSupport.levy());
        List<Fixture> cases = FixtureLoader.load(List.of(TestSupport.projectDir().resolve("fixtures")));
        assertTrue(cases.size() >= 40, "the fixtures are the regression suite: at least 40 cases, found " + cases.size());
        Path root = TestSupport.projectDir();
        return cases.stream().map(f -> DynamicTest.dynamicTest(root.relativize(Path.of(f.file())) + ": " + f.name(), () -> {
            FixtureRunner.Outcome o = runner.run(f);
            assertTrue(o.passed(), () -> String.join("\n", o.differences()));
        }));
    }
}
