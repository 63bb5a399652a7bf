package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.TestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One version: {@code levy --version}, the version the build filtered into the jar, the POMs of the core and of
 * levy-spark, and the first entry of the README's changelog agree.
 */
class VersionTest {
    /** The project's own version: the first {@code <version>} after its artifactId, outside {@code <parent>}. */
    private static final Pattern PROJECT_VERSION = Pattern.compile(
            "<artifactId>(levy|levy-spark)</artifactId>\\s*(?:<!--.*?-->\\s*)?<version>([^<]+)</version>",
            Pattern.DOTALL);

    @Test
    void versionOptionPomsAndChangelogAgree() throws IOException {
        String built = Levy.version();
        assertTrue(built.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), "the filtered version: " + built);

        StringWriter out = new StringWriter();
        CommandLine cli = LevyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("--version"));
        assertEquals("levy " + built, out.toString().strip());

        Path root = TestSupport.projectDir();
        assertEquals(built, projectVersion(root.resolve("pom.xml"), "levy"));
        assertEquals(built, projectVersion(root.resolve("spark/pom.xml"), "levy-spark"));

        String readme = Files.readString(root.resolve("README.md"));
        String changelog = readme.substring(readme.indexOf("\n## Changelog\n"));
        Matcher first = Pattern.compile("(?m)^- (\\d+\\.\\d+\\.\\d+)( \\(unreleased\\))?:").matcher(changelog);
        assertTrue(first.find(), "the changelog has no entry '- X.Y.Z:'");
        assertEquals(built, first.group(1), "the changelog's first entry");
        assertTrue(readme.contains("<version>" + built + "</version>"), "the Embedding section's coordinates");
    }

    private static String projectVersion(Path pom, String artifactId) throws IOException {
        Matcher m = PROJECT_VERSION.matcher(Files.readString(pom));
        while (m.find()) {
            if (m.group(1).equals(artifactId)) {
                return m.group(2);
            }
        }
        throw new AssertionError(pom + " has no version for " + artifactId);
    }
}
