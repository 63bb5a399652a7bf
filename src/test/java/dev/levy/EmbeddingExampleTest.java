package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Embedding example is a program a Java 17 user can paste: its Java block compiles with
 * {@code --release 17} against Levy and its dependencies alone, and running it prints what its comment says.
 */
class EmbeddingExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesOnJava17AndPrintsTheDuty() throws Exception {
        String source = readmeExample();
        assertTrue(source.contains("public class Duties"), source);
        Path file = dir.resolve("Duties.java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("--release", "17", "-classpath",
                        System.getProperty("java.class.path"), "-d", dir.toString(), "-Xlint:all", "-Werror"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
                .call();
        assertTrue(compiled, diagnostics.toString());

        String printed = run(dir);
        assertTrue(printed.startsWith("8250.00 = 27.5% of the value\n"), printed);
        assertEquals(3, printed.lines().count(), "the total and the two measures: " + printed);
        assertTrue(printed.contains("SECTION_232_AUTOS 9903.94.01 7500.00 [Proclamation 10908"), printed);
    }

    /** The Java block of the README's Embedding section. */
    static String readmeExample() throws IOException {
        String readme = Files.readString(TestSupport.projectDir().resolve("README.md"));
        int embedding = readme.indexOf("\n## Embedding\n");
        String section = readme.substring(embedding, readme.indexOf("\n## ", embedding + 1));
        int start = section.indexOf("```java\n") + "```java\n".length();
        return section.substring(start, section.indexOf("```", start));
    }

    /** Runs Duties.main with its output captured (the tests of a class run one at a time). */
    private static String run(Path classes) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                EmbeddingExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("Duties").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
