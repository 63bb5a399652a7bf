package dev.levy.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;

import dev.levy.engine.RuleSource;
import dev.levy.refund.CapeReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Levy on Apache Spark: evaluates the shipments of a dataset on the executors and gives the results and the rejected
 * rows as two datasets whose counts reconcile with the input.
 *
 * <pre>{@code
 * try (Evaluated e = LevySpark.evaluate(spark.read().parquet("entries"), RuleSource.bundled())) {
 *     e.results().write().parquet("out/results");      // id, hts, origin, entryDate, value, measures, totalDuty, ...
 *     e.rejected().write().parquet("out/rejected");    // id, row, code, field, message, input
 * }
 * }</pre>
 *
 * The rule set goes to the executors once, as a broadcast of its text and content hash; each executor JVM compiles it
 * once, lazily ({@link LevyHolder}), and evaluates each partition in chunks of 1,000 rows, one Kie session per chunk.
 * The rules are compiled on the driver first, so a rule set with errors fails here with its problems
 * ({@link dev.levy.model.RuleSetException}), before any task runs.
 */
public final class LevySpark {
    private LevySpark() {}

    /**
     * Evaluates rows whose columns are the contract's fields (see {@link RowShipments}): {@code hts}, {@code origin},
     * {@code entryDate}, {@code value}, and the optional ones; {@code row} in the outputs is the row's 1-based position.
     */
    public static Evaluated evaluate(Dataset<Row> entries, RuleSource rules) {
        return run(entries, rules, b -> EvaluatePartition.rows(b, entries.schema()));
    }

    /**
     * Evaluates JSON Lines as {@code levy eval} does, line by line: {@code lines} has one string column, e.g. {@code
     * spark.read().text(path)}; blank lines are skipped and {@code row} is the line number.
     */
    public static Evaluated evaluateJsonLines(Dataset<Row> lines, RuleSource rules) {
        requireOneStringColumn(lines);
        return run(lines, rules, EvaluatePartition::jsonLines);
    }

    /**
     * Evaluates CSV lines as {@code levy eval --input-format csv} does: the first non-blank line is the header of
     * contract field names, and any later line equal to it (the header of another part file) is skipped.
     */
    public static Evaluated evaluateCsvLines(Dataset<Row> lines, RuleSource rules) {
        requireOneStringColumn(lines);
        Tuple2<Row, Long> header = lines.javaRDD().zipWithIndex()
                .filter(t -> !t._1().isNullAt(0) && !t._1().getString(0).isBlank())
                .first();
        String text = header._1().getString(0);
        List<String> fields = dev.levy.io.Csv.fields(text.startsWith("\uFEFF") ? text.substring(1) : text).stream()
                .map(String::strip).toList();
        return run(lines, rules, b -> EvaluatePartition.csv(b, fields, header._2()));
    }

    /**
     * The refunds per entry of rows of entry lines (the contract's columns, as {@link #evaluate}, with the entry fields
     * {@code entryNumber}, {@code entryType}, {@code liquidationDate}, {@code protestOpen}, {@code reconciliation},
     * {@code drawback}, {@code adcvd}): one row of {@link Schemas#REFUND_ENTRY} per entry with its path on {@code asOf},
     * as {@code levy refunds --cape --as-of} writes {@code entries.jsonl}, in its order (see {@link #refundsOfJsonLines}).
     */
    public static Dataset<Row> refunds(Dataset<Row> entries, RuleSource rules, LocalDate asOf) {
        return cape(entries, rules, asOf, b -> EvaluatePartition.rows(b, entries.schema()).capeLines());
    }

    /**
     * The refunds per entry of JSON Lines, line by line as {@code levy refunds --cape} reads them: {@code lines} has one
     * string column. The lines of an entry are gathered on the cluster (grouped by {@code entryNumber}) and summed in
     * line order by the core's own {@link CapeReport}, so each row is the entry's line of {@code entries.jsonl}
     * ({@link Schemas#entryResult}); the rows are in its order: entries by first line, then the lines without an entry
     * number. Every line is in exactly one row.
     */
    public static Dataset<Row> refundsOfJsonLines(Dataset<Row> lines, RuleSource rules, LocalDate asOf) {
        requireOneStringColumn(lines);
        return cape(lines, rules, asOf, b -> EvaluatePartition.jsonLines(b).capeLines());
    }

    private static Dataset<Row> cape(Dataset<Row> input, RuleSource rules, LocalDate asOf,
                                     Function<Broadcast<ShippedRules>, EvaluatePartition> partitionFunction) {
        SparkSession spark = input.sparkSession();
        Broadcast<ShippedRules> broadcast = broadcast(spark, rules);
        JavaRDD<Row> lines = input.javaRDD().zipWithIndex().mapPartitions(partitionFunction.apply(broadcast), true);
        JavaRDD<Row> entries = lines
                // a line without an entry number is an entry object of its own, keyed apart from every entry number
                .keyBy(r -> r.isNullAt(1) ? "#" + r.getLong(0) : r.getString(1))
                .groupByKey()
                .map(group -> {
                    List<Row> rows = new ArrayList<>();
                    group._2().forEach(rows::add);
                    rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
                    CapeReport report = new CapeReport();
                    rows.forEach(r -> report.add(Schemas.capeLineOf(r)));
                    List<CapeReport.EntryResult> one = report.results(
                            LevyHolder.get(broadcast.value()).ruleSet().refundPaths(), asOf);
                    return Schemas.refundEntry(one.get(0));
                });
        return spark.createDataFrame(entries, Schemas.REFUND_ENTRY)
                .orderBy(col("entryNumber").isNull(), element_at(col("lines"), 1));
    }

    private static Evaluated run(Dataset<Row> input, RuleSource rules,
                                 Function<Broadcast<ShippedRules>, EvaluatePartition> partitionFunction) {
        SparkSession spark = input.sparkSession();
        Broadcast<ShippedRules> broadcast = broadcast(spark, rules);
        JavaRDD<Row> evaluated = input.javaRDD().zipWithIndex().mapPartitions(partitionFunction.apply(broadcast), true);
        Dataset<Row> all = spark.createDataFrame(evaluated, Schemas.EVALUATED).persist(StorageLevel.MEMORY_AND_DISK());
        return new Evaluated(all, broadcast.value().version());
    }

    /** The rules compiled on the driver first, so that rule errors surface before any task, then broadcast. */
    private static Broadcast<ShippedRules> broadcast(SparkSession spark, RuleSource rules) {
        ShippedRules shipped = ShippedRules.of(rules);
        LevyHolder.get(shipped);
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(shipped);
    }

    private static void requireOneStringColumn(Dataset<Row> lines) {
        if (lines.schema().fields().length != 1 || lines.schema().fields()[0].dataType() != DataTypes.StringType) {
            throw new IllegalArgumentException("expected lines of text (one string column, as spark.read().text(path) "
                    + "gives), found " + lines.schema().simpleString());
        }
    }
}
