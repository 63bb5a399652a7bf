package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./levy}, run on a copy of itself with stand-ins for {@code mvn} and {@code java} first on the PATH
 * (a real build takes a minute): it says on stderr when it builds, and stdout stays the command's alone.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run launch(Path project, Path bin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve("levy").toString(), "--version");
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("LEVY_CDS", "off");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Run(exit, Files.readString(out), Files.readString(err));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n", StandardCharsets.UTF_8);
        file.toFile().setExecutable(true);
    }

    @Test
    void aBuildIsAnnouncedOnStderrOnceAndStdoutStaysClean() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "the launcher is a bash script");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.copy(TestSupport.projectDir().resolve("levy"), project.resolve("levy"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(project.resolve("src/main"));
        Files.createDirectories(project.resolve("rules"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), "echo 'maven talks'; mkdir -p target && touch target/levy-0-cli.jar");
        script(bin.resolve("java"), "echo \"levy 0 $*\"");
        Run first = launch(project, bin);
        assertEquals(0, first.exit(), first.err());
        assertEquals("levy: building the jar with Maven (first run or sources changed; about a minute)...\n", first.err());
        assertEquals("levy 0 -jar " + project.toRealPath().resolve("target/levy-0-cli.jar") + " --version\n", first.out());
        Run again = launch(project, bin);
        assertEquals("", again.err(), "no build, nothing said");
        assertEquals(first.out(), again.out());
    }
}
