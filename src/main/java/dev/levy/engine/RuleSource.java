package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rule set: every file under a rules folder, by its path relative to the folder, plus the name under
 * which the folder is shown in messages. A rule set travels as this text and its content hash: it is {@link Serializable}
 * (a record of strings and a sorted map), so a distributed engine can ship it to other JVMs and build it there.
 *
 * @param displayRoot how the folder is named in messages, e.g. {@code rules}
 * @param files       relative path ({@code /}-separated) to content, sorted by path
 */
public record RuleSource(String displayRoot, Map<String, String> files) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the bundled rules sit in the jar: the project's {@code rules/} folder, copied there by the build. */
    public static final String BUNDLED = "levy-rules";

    public RuleSource {
        files = new TreeMap<>(files);
    }

    public static RuleSource fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(Problem.error(dir.toString(), 0, "not a rules folder")));
        }
        return new RuleSource(dir.toString(), readTree(dir));
    }

    /** The rule set bundled in the jar (the project's {@code rules/} folder at build time). */
    public static RuleSource bundled() {
        URL marker = RuleSource.class.getClassLoader().getResource(BUNDLED + "/ruleset.properties");
        if (marker == null) {
            throw new IllegalStateException("no bundled rules on the class path (" + BUNDLED + "/ruleset.properties)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return new RuleSource("rules", readTree(fs.getPath(BUNDLED)));
            }
            return new RuleSource("rules", readTree(Path.of(uri).getParent()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled rules: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readTree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            for (Path p : paths) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".drl") || rel.endsWith(".csv") || rel.endsWith(".properties") || isScenario(rel)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A scenario shipped with the rules: {@code scenarios/NAME.yaml} (or {@code .yml}, {@code .json}). */
    private static boolean isScenario(String rel) {
        return rel.startsWith("scenarios/") && (rel.endsWith(".yaml") || rel.endsWith(".yml") || rel.endsWith(".json"));
    }

    /** The path of a file as the analyst knows it, e.g. {@code rules/reciprocal/reciprocal.drl}. */
    public String display(String relative) {
        return displayRoot + "/" + relative;
    }

    /** A content hash identifying the rule set: the same files give the same version, on any machine. */
    public String version() {
        return "sha256:" + digest().substring(0, 16);
    }

    /** The full SHA-256 of the files (paths and contents, line endings normalised), in hex. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
