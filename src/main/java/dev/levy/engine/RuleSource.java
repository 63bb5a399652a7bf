package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.io.InputStream;
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
 * (two strings and a sorted map), so a distributed engine can ship it to other JVMs and build it there.
 *
 * <p>The hash of the bundled rules was computed when the jar was built ({@link BundledRules}); any other rule set (an
 * analyst's folder, a deserialized copy) is hashed once, when first asked.
 */
public final class RuleSource implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Where the bundled rules sit in the jar: the project's {@code rules/} folder, copied there by the build. */
    public static final String BUNDLED = "levy-rules";

    private final String displayRoot;
    private final TreeMap<String, String> files;
    /** Read from the jar's (or classes folder's) bundled rules, not from an analyst's folder. */
    private final boolean bundled;
    /** The SHA-256 of the files; never sent along, so a copy cannot claim another rule set's hash. */
    private transient volatile String digest;

    /**
     * @param displayRoot how the folder is named in messages, e.g. {@code rules}
     * @param files       relative path ({@code /}-separated) to content
     */
    public RuleSource(String displayRoot, Map<String, String> files) {
        this(displayRoot, files, null, false);
    }

    private RuleSource(String displayRoot, Map<String, String> files, String digest, boolean bundled) {
        this.displayRoot = displayRoot;
        this.files = new TreeMap<>(files);
        this.digest = digest;
        this.bundled = bundled;
    }

    public static RuleSource fromDirectory(Path dir) {
        return fromDirectory(dir, dir.toString());
    }

    /** A rules folder shown in messages as {@code displayRoot}. */
    static RuleSource fromDirectory(Path dir, String displayRoot) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(Problem.error(dir.toString(), 0, "not a rules folder")));
        }
        return new RuleSource(displayRoot, readTree(dir));
    }

    /**
     * The rule set bundled in the jar (the project's {@code rules/} folder at build time). In a jar, the files listed by
     * the build ({@link BundledRules}) are read as resources and their hash is the one the build computed; from a
     * classes folder (a build in progress, an IDE) the folder is read and hashed, as it may have changed since.
     */
    public static RuleSource bundled() {
        URL marker = RuleSource.class.getClassLoader().getResource(BUNDLED + "/ruleset.properties");
        if (marker == null) {
            throw new IllegalStateException("no bundled rules on the class path (" + BUNDLED + "/ruleset.properties)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                BundledRules.Index index = BundledRules.index();
                if (index != null) {
                    BundledRules.readAhead(); // while the files are read
                    return new RuleSource("rules", readResources(index.files()), index.digest(), true);
                }
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return new RuleSource("rules", readTree(fs.getPath(BUNDLED)), null, true);
            }
            return new RuleSource("rules", readTree(Path.of(uri).getParent()), null, true);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled rules: " + e.getMessage(), e);
        }
    }

    /** The bundled files the build listed, read as class path resources (no zip file system to open). */
    private static Map<String, String> readResources(List<String> paths) throws IOException {
        Map<String, String> files = new TreeMap<>();
        ClassLoader loader = RuleSource.class.getClassLoader();
        for (String rel : paths) {
            try (InputStream in = loader.getResourceAsStream(BUNDLED + "/" + rel)) {
                if (in == null) {
                    throw new IOException(BUNDLED + "/" + rel + " is listed by the build but missing from the jar");
                }
                files.put(rel, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Whether these are the rules bundled with Levy (which the build may have compiled: {@link BundledRules}). */
    boolean isBundled() {
        return bundled;
    }

    /** How the folder is named in messages, e.g. {@code rules}. */
    public String displayRoot() {
        return displayRoot;
    }

    /** Relative path ({@code /}-separated) to content, sorted by path. */
    public Map<String, String> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSource other && displayRoot.equals(other.displayRoot) && files.equals(other.files);
    }

    @Override
    public int hashCode() {
        return displayRoot.hashCode() * 31 + files.hashCode();
    }

    @Override
    public String toString() {
        return "RuleSource[" + displayRoot + ", " + files.size() + " files]";
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
        String d = digest;
        if (d == null) {
            d = hash(files);
            digest = d;
        }
        return d;
    }

    static String hash(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
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
