package dev.levy.spark;

import dev.levy.Levy;
import dev.levy.engine.RuleSource;
import dev.levy.io.Json;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code spark-submit} entry point: reads Parquet, CSV or JSON Lines, evaluates every row, and writes the results
 * and the rejected rows as Parquet, in two folders under {@code --output}. Exit codes as {@code levy eval}: 0 all
 * evaluated, 2 some rows rejected (or bad usage), 3 the rules do not compile; 1 the job itself failed.
 */
@Command(name = "levy-spark", mixinStandardHelpOptions = true, versionProvider = LevySparkJob.Version.class,
        description = "Evaluates shipments on Spark: --input Parquet, CSV or JSON Lines; --output Parquet "
                + "(OUTPUT/results and OUTPUT/rejected).")
public final class LevySparkJob implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int RULES_BROKEN = 3;

    enum Format { parquet, csv, json }

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "A file or folder, any path Spark reads.")
    String input;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "parquet, csv or json (JSON Lines); default from the input's extension (.parquet, .csv, "
                    + ".jsonl/.ndjson/.json), else parquet.")
    Format format;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Where OUTPUT/results and OUTPUT/rejected are written (Parquet).")
    String output;

    @Option(names = "--overwrite", description = "Replace OUTPUT/results and OUTPUT/rejected if they exist.")
    boolean overwrite;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder on the driver's file system (default: the bundled rules). It is shipped to the "
                    + "executors as text.")
    Path rules;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Writes the totals of value and duty by program, origin and month (JSON, as levy eval "
                    + "--summary), on the driver's file system.")
    Path summary;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private SparkSession spark;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LevySparkJob());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("levy-spark: the job failed: " + e);
            e.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return FAILED;
        });
        return cl;
    }

    /** Runs on the given session (tests, notebooks) instead of creating one. */
    static int run(SparkSession session, String... args) {
        CommandLine cl = commandLine();
        ((LevySparkJob) cl.getCommand()).spark = session;
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RuleSource source;
        try {
            source = rules == null ? RuleSource.bundled() : RuleSource.fromDirectory(rules);
        } catch (RuleSetException e) {
            return problems(err, e);
        }
        SparkSession session = spark != null ? spark : session();
        Format f = format != null ? format : formatOf(input);
        Evaluated evaluated;
        try {
            evaluated = switch (f) {
                case parquet -> LevySpark.evaluate(session.read().parquet(input), source);
                case json -> LevySpark.evaluateJsonLines(session.read().text(input), source);
                case csv -> LevySpark.evaluateCsvLines(session.read().text(input), source);
            };
        } catch (RuleSetException e) {
            return problems(err, e);
        }
        try (evaluated) {
            SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            Dataset<Row> results = evaluated.results();
            results.write().mode(mode).parquet(output + "/results");
            evaluated.rejected().write().mode(mode).parquet(output + "/rejected");
            Evaluated.Counts c = evaluated.counts();
            if (summary != null) {
                Files.writeString(summary, Json.pretty(evaluated.summary()) + "\n", StandardCharsets.UTF_8);
            }
            err.printf("read %d, evaluated %d, rejected %d (rules %s)%n", c.read(), c.evaluated(), c.rejected(),
                    evaluated.rulesVersion());
            err.flush();
            return c.rejected() == 0 ? OK : BAD_INPUT;
        } finally {
            if (spark == null) {
                session.stop();
            }
        }
    }

    private static int problems(PrintWriter err, RuleSetException e) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        err.flush();
        return RULES_BROKEN;
    }

    /** The session of spark-submit; run without it (java -cp ...), Spark runs locally on every core. */
    private static SparkSession session() {
        SparkConf conf = new SparkConf().setAppName("levy-spark");
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    static Format formatOf(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (p.endsWith(".csv")) {
            return Format.csv;
        }
        if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) {
            return Format.json;
        }
        return Format.parquet;
    }

    /** levy-spark is released with the core, at its version (the spark POM depends on the core at its own version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"levy-spark " + Levy.version()};
        }
    }
}
