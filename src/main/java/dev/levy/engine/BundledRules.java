package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kie.api.KieBase;

/**
 * What the build knows about the bundled rules, computed once by Maven ({@code process-classes}, {@link #main}) from
 * whatever {@code rules/} holds then, so that no start-up pays for it: the list of the rule files and their hash, the
 * compiled KieBase (serialized Drools packages), and the warnings of every lint. A rule set whose files and hash match
 * it was checked by the build, so its loading skips the lints that read only its text and takes the compiled packages
 * instead of compiling. An analyst's {@code --rules} folder is always loaded from its source (and its compiled form
 * cached by its hash, {@link KieBaseCache}), even when it holds the same files: its messages name its own paths.
 *
 * <p>Rules with errors get no precompiled form: the jar still builds, and loading them reports the errors as usual.
 */
public final class BundledRules {
    /** The class path folder of the build's output, beside {@link RuleSource#BUNDLED}. */
    static final String FOLDER = "levy-rules-built";
    private static final String INDEX = "index.txt";
    private static final String KIEBASE = "kiebase.bin";
    private static final String TABLES = "tables.bin";
    /** The code that loads the tables and the form it writes them in: a change to any of them is a new form. */
    private static final List<Class<?>> TABLE_CODE = List.of(BuiltTables.class, TableLoader.class,
            TableLoader.SpecialRows.class, TableIndex.class, TableIndex.Edition.class, TableRow.class, RateText.class,
            RowPrecedence.class, DutyTable.class, Source.class);

    /**
     * The build's record of the bundled rules.
     *
     * @param key      {@link KieBaseCache#key}: the files, the Drools version and the fact classes the packages fit
     * @param digest   {@link RuleSource#digest()} of the files
     * @param files    the files' paths under {@link RuleSource#BUNDLED}
     * @param tablesKey {@link #tablesKey}: the code that made {@code tables.bin}, the tables' built form
     * @param warnings the lints' warnings (the rules had no error)
     */
    record Index(String key, String digest, String tablesKey, List<String> files, List<Problem> warnings) {}

    /**
     * What loading takes from the build instead of computing it. The compiled packages are read on a thread of their
     * own while the loader reads the tables and the rest: neither needs the other.
     */
    record Prebuilt(CompletableFuture<KieBase> compiled, List<Problem> warnings, boolean tablesCurrent) {
        /** The compiled KieBase, or null when it cannot be read (then the rules are compiled, as any others). */
        KieBase kieBase() {
            return compiled.join();
        }

        /**
         * The tables as the build loaded them, or null when their form is missing, of other code or damaged (then they
         * are parsed from their text, as any others).
         */
        TableIndex tables() {
            if (!tablesCurrent) {
                return null;
            }
            try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(FOLDER + "/" + TABLES)) {
                return in == null ? null : BuiltTables.read(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The compiled packages {@link #readAhead} started reading, until a load takes them. */
    private static final java.util.concurrent.atomic.AtomicReference<CompletableFuture<KieBase>> readAhead =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static volatile Index index;
    private static volatile boolean indexRead;

    private BundledRules() {}

    /** The build's index on the class path, or null (rules with errors, or classes not built by Maven). */
    static Index index() {
        if (!indexRead) {
            try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(FOLDER + "/" + INDEX)) {
                index = in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                index = null; // an unreadable index costs a full load, never a wrong answer
            }
            indexRead = true;
        }
        return index;
    }

    /**
     * The compiled packages and warnings of {@code source} when it is the rule set the build checked (same hash, same
     * Drools, same fact classes), else null.
     */
    static Prebuilt prebuilt(RuleSource source) {
        Index built = index();
        if (!source.isBundled() || built == null || !built.digest().equals(source.digest())
                || !built.key().equals(KieBaseCache.key(source))) {
            return null;
        }
        CompletableFuture<KieBase> compiled = readAhead.getAndSet(null);
        return new Prebuilt(compiled != null ? compiled : readInBackground(), built.warnings(),
                tablesKey(built.key()).equals(built.tablesKey()));
    }

    /**
     * Starts reading the compiled packages as soon as the bundled rules are asked for ({@link RuleSource#bundled()}),
     * before their files are read: the next {@link #prebuilt} of a rule set that matches the build takes them (one
     * KieBase per load, as before).
     */
    static void readAhead() {
        if (index() != null && readAhead.get() == null) {
            CompletableFuture<KieBase> started = readInBackground();
            if (!readAhead.compareAndSet(null, started)) {
                started.cancel(false); // another thread started one first: this one's result is not taken
            }
        }
    }

    /** The compiled packages, read on a thread of their own. */
    private static CompletableFuture<KieBase> readInBackground() {
        CompletableFuture<KieBase> compiled = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                compiled.complete(readKieBase());
            } finally {
                compiled.complete(null); // whatever went wrong, the loader waits for nothing
            }
        }, "levy-read-compiled-rules");
        reader.setDaemon(true);
        reader.start();
        return compiled;
    }

    private static KieBase readKieBase() {
        try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(FOLDER + "/" + KIEBASE)) {
            return in == null ? null : KieBaseCache.readPackages(in);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null; // written by another build: compile, as for any rule set
        }
    }

    /**
     * The build step: {@code BundledRules CLASSES_DIR} loads {@code CLASSES_DIR/levy-rules} with every lint, then writes
     * {@code CLASSES_DIR/levy-rules-built/}. Skipped when the index there is of the same rules and classes already.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path out = classes.resolve(FOLDER);
        RuleSource source = RuleSource.fromDirectory(classes.resolve(RuleSource.BUNDLED), "rules");
        String key = KieBaseCache.key(source);
        Path indexFile = out.resolve(INDEX);
        if (Files.isRegularFile(indexFile) && Files.isRegularFile(out.resolve(KIEBASE))
                && Files.isRegularFile(out.resolve(TABLES)) && parse(Files.readString(indexFile)).key().equals(key)
                && tablesKey(key).equals(parse(Files.readString(indexFile)).tablesKey())) {
            return;
        }
        Files.deleteIfExists(indexFile);
        Files.deleteIfExists(out.resolve(KIEBASE));
        Files.deleteIfExists(out.resolve(TABLES));
        RuleSet rules;
        try {
            rules = RuleSetLoader.loadFromSource(source);
        } catch (RuleSetException e) {
            System.err.println("levy: the bundled rules have errors (levy check lists them): no precompiled form");
            return;
        }
        Files.createDirectories(out);
        KieBaseCache.writePackages(out.resolve(KIEBASE), rules.kieBase().getKiePackages());
        Files.write(out.resolve(TABLES), BuiltTables.write(rules.tables()));
        Files.writeString(indexFile, format(new Index(key, source.digest(), tablesKey(key),
                List.copyOf(source.files().keySet()), rules.warnings())));
    }

    /** What the tables' built form depends on: the rules and facts ({@link KieBaseCache#key}) and the tables' code. */
    static String tablesKey(String key) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : TABLE_CODE) {
                String name = c.getName();
                try (InputStream in = c.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
                    sha.update(in == null ? new byte[0] : in.readAllBytes());
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per entry: {@code key K}, {@code digest D}, {@code file PATH}, {@code warning FILE\tLINE\tCOLUMN\tTEXT}. */
    static String format(Index index) {
        StringBuilder out = new StringBuilder();
        out.append("key ").append(index.key()).append('\n');
        out.append("digest ").append(index.digest()).append('\n');
        out.append("tables ").append(index.tablesKey()).append('\n');
        index.files().forEach(f -> out.append("file ").append(f).append('\n'));
        for (Problem w : index.warnings()) {
            out.append("warning ").append(escape(w.file())).append('\t').append(w.line()).append('\t')
                    .append(w.column()).append('\t').append(escape(w.message())).append('\n');
        }
        return out.toString();
    }

    static Index parse(String text) {
        String key = null;
        String digest = null;
        String tablesKey = null;
        List<String> files = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            String value = line.substring(space + 1);
            switch (line.substring(0, space)) {
                case "key" -> key = value;
                case "digest" -> digest = value;
                case "tables" -> tablesKey = value;
                case "file" -> files.add(value);
                case "warning" -> {
                    String[] f = value.split("\t", 4);
                    warnings.add(new Problem(Problem.Severity.WARNING, unescape(f[0]), Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]), unescape(f[3])));
                }
                default -> throw new UncheckedIOException(new IOException("unknown line in the index: " + line));
            }
        }
        return new Index(key, digest, tablesKey, List.copyOf(files), List.copyOf(warnings));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
