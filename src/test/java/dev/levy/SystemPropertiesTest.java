package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loading Levy sets no JVM-wide system property: an embedder's JVM is not Levy's. Checked in a fresh JVM (this one has
 * long since loaded every class), where every class of Levy is initialised, static initialisers and all.
 */
class SystemPropertiesTest {

    @Test
    void initialisingLevysClassesLeavesTheSystemPropertiesUnchanged() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                TestSupport.projectDir().resolve("target/classes").toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), printed);
        assertEquals("", printed, "system properties set by Levy's classes");
    }

    /** Initialises every class under the folder given and prints each system property that changed meanwhile. */
    static final class Probe {
        public static void main(String[] args) throws IOException, ClassNotFoundException {
            TimeZone.getDefault(); // the JDK records user.timezone on first use of time zones: not Levy's doing
            Map<Object, Object> before = new HashMap<>(System.getProperties());
            Path classes = Path.of(args[0]);
            List<String> names = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(classes.resolve("dev/levy"))) {
                walk.map(f -> classes.relativize(f).toString()).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted()
                        .forEach(names::add);
            }
            for (String name : names) {
                Class.forName(name, true, Probe.class.getClassLoader());
            }
            Map<Object, Object> after = new TreeMap<>();
            System.getProperties().forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    after.put(k, v);
                }
            });
            after.forEach((k, v) -> System.out.println(k + "=" + v));
        }
    }
}
