package dev.levy.engine;

import dev.levy.fact.Duty;
import dev.levy.fact.Exemption;
import dev.levy.fact.Row;
import dev.levy.fact.ShipmentFact;
import dev.levy.model.Shipment;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk, so that a fresh JVM skips compiling the DRL (about a second) and only
 * deserializes the packages it compiled before. Keyed by the full content hash of the rule files, the Drools version
 * and the bytecode of the fact classes the rules see and of the code that rewrites the DRL: any change to a rule file (or to Levy's facts) is a new key, so
 * a stale entry is never read. An unreadable entry is ignored and rebuilt. Writes are atomic (temporary file, then
 * rename), so concurrent JVMs are safe.
 */
public final class KieBaseCache {
    /** System property naming the cache folder; unset means no cache (the library default), {@code off} too. */
    public static final String DIR_PROPERTY = "levy.cache.dir";
    public static final KieBaseCache NONE = new KieBaseCache(null);

    private static final List<Class<?>> FACT_CLASSES = List.of(Shipment.class, ShipmentFact.class, Row.class,
            Duty.class, Exemption.class, TableRow.class);
    /** Classes that rewrite the DRL before it is compiled: {@link Precedence} writes each rule's derived salience. */
    private static final List<Class<?>> REWRITERS = List.of(Precedence.class);

    private final Path dir;
    private final AtomicLong hits = new AtomicLong();

    private KieBaseCache(Path dir) {
        this.dir = dir;
    }

    public static KieBaseCache in(Path dir) {
        return new KieBaseCache(dir);
    }

    /** The cache named by {@value #DIR_PROPERTY}, or {@link #NONE}. */
    public static KieBaseCache fromSystemProperty() {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() || dir.equals("off") ? NONE : in(Path.of(dir));
    }

    /** How many rule sets this cache has given (rather than compiled). */
    public long hits() {
        return hits.get();
    }

    /** The file the compiled packages of this rule set are (or would be) kept in; null without a cache. */
    public Path entry(RuleSource source) {
        return dir == null ? null : dir.resolve(key(source) + ".kpkg");
    }

    /** The KieBase compiled before from the same rules, or null (no cache, no entry, or an unreadable entry). */
    KieBase read(RuleSource source) {
        Path file = entry(source);
        Timings.mark("cache key (rules hashed)");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KieBase base = readPackages(in);
            hits.incrementAndGet();
            return base;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null; // written by another version or damaged: compile again and overwrite it
        }
    }

    /** A KieBase of the packages {@link #writePackages} wrote. */
    static KieBase readPackages(InputStream stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(stream),
                KieBaseCache.class.getClassLoader())) {
            List<KiePackage> packages = new ArrayList<>();
            for (Object o : (List<?>) in.readObject()) {
                packages.add((KiePackage) o);
            }
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
            base.addPackages(packages);
            return base;
        }
    }

    /** Writes compiled packages, to be read by {@link #readPackages}. */
    static void writePackages(Path file, Collection<KiePackage> packages) throws IOException {
        try (ObjectOutputStream out = new DroolsObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeObject(new ArrayList<>(packages));
        }
    }

    /** Keeps the packages of a freshly compiled KieBase; a cache that cannot be written is skipped silently. */
    void write(RuleSource source, Collection<KiePackage> packages) {
        Path file = entry(source);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "kpkg", ".tmp");
            writePackages(tmp, packages);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk costs the next run a compilation, nothing more
        }
    }

    /**
     * The Drools build the packages were compiled with, from its Maven metadata: the manifest's implementation version is
     * the CLI jar's own once the jars are shaded into one.
     */
    private static byte[] droolsVersion() throws IOException {
        try (InputStream in = KieBase.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    /**
     * What a compiled form of these rules depends on: their files, the Drools version, and the bytecode of the facts
     * and of the DRL rewriters.
     */
    static String key(RuleSource source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source.digest().getBytes(StandardCharsets.UTF_8));
            sha.update(droolsVersion());
            for (Class<?> c : Stream.concat(FACT_CLASSES.stream(), REWRITERS.stream()).toList()) {
                try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    sha.update(in == null ? new byte[0] : in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
