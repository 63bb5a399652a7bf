package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Levy as a module, {@code dev.levy}, exporting the facade and the model only: the README's Embedding example compiles
 * as a module that {@code requires dev.levy}, the implementation packages stay out of its reach, and the example runs
 * on the module path, where Drools (automatic modules) compiles the rules at run time over Levy's facts.
 */
class ModulePathTest {
    private static final Path CLASSES = TestSupport.projectDir().resolve("target/classes");
    private static final Path RUNTIME = TestSupport.projectDir().resolve("target/runtime-classpath.txt");

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleIsAModuleThatRunsOnTheModulePath() throws Exception {
        String source = "package duties;\n" + EmbeddingExampleTest.readmeExample();
        Path out = dir.resolve("out");
        String errors = compile(source, out);
        assertEquals("", errors, "the README example uses only what dev.levy exports");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", out + File.pathSeparator + modulePath(),
                "--module", "duties/duties.Duties"));
        Path log = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), printed + Files.readString(log));
        assertTrue(printed.startsWith("8250.00 = 27.5% of the value\n"), printed);
    }

    @Test
    void theImplementationIsNotExported() throws Exception {
        String source = "package duties;\nimport dev.levy.engine.RuleSet;\npublic class Duties { RuleSet rules; }\n";
        String errors = compile(source, dir.resolve("out"));
        assertFalse(errors.isEmpty(), "dev.levy.engine must not be visible to a module that requires dev.levy");
        assertTrue(errors.contains("package dev.levy.engine is not visible"), errors);
    }

    /** Compiles {@code module duties { requires dev.levy; }} with the class given; the compiler's errors, or "". */
    private String compile(String duties, Path out) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("duties"));
        Files.writeString(src.resolve("module-info.java"), "module duties { requires dev.levy; }\n");
        Files.writeString(src.resolve("duties/Duties.java"), duties);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("--release", "17", "--module-path",
                        modulePath(), "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(
                        src.resolve("module-info.java").toFile(), src.resolve("duties/Duties.java").toFile()))
                .call();
        return compiled ? "" : diagnostics.toString();
    }

    /** Levy's classes and its run-time dependencies (written by the build: maven-dependency-plugin). */
    private static String modulePath() throws IOException {
        return CLASSES + File.pathSeparator + Files.readString(RUNTIME).strip();
    }
}
