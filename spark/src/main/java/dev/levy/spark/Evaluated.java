package dev.levy.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.io.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The evaluation of a dataset, computed once and kept (persisted, memory and disk) so that its results, its rejected
 * rows, its counts and its summary all come from the same single evaluation. {@link #close()} releases it.
 */
public final class Evaluated implements AutoCloseable {
    /** Rows in, and what became of them: {@code read = evaluated + rejected}, always. */
    public record Counts(long read, long evaluated, long rejected) {}

    private final Dataset<Row> all;
    private final String rulesVersion;

    Evaluated(Dataset<Row> all, String rulesVersion) {
        this.all = all;
        this.rulesVersion = rulesVersion;
    }

    /** One row per evaluated input, in input order within each partition: see {@link Schemas#RESULT}. */
    public Dataset<Row> results() {
        return all.filter(col("result").isNotNull()).select("result.*");
    }

    /** One row per rejected input, with its error: see {@link Schemas#REJECTED}. */
    public Dataset<Row> rejected() {
        return all.filter(col("rejected").isNotNull()).select("rejected.*");
    }

    /** The version ({@code sha256:...}) of the rule set every result was evaluated with. */
    public String rulesVersion() {
        return rulesVersion;
    }

    public Counts counts() {
        Row r = all.agg(count(lit(1)), count(col("result")), count(col("rejected"))).first();
        return new Counts(r.getLong(0), r.getLong(1), r.getLong(2));
    }

    /**
     * The totals of value, duty and refundable by program, origin and month of entry, and the duty resting on sources of
     * medium confidence, as {@code levy eval --summary} writes them
     * (the same fields, order and exact decimals): aggregated on the cluster, only the groups come to the driver.
     */
    public ObjectNode summary() {
        Counts counts = counts();
        Dataset<Row> results = results();
        Row totals = results.agg(sum("value"), sum("totalDuty"), sum("refundable")).first();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("read", counts.read());
        out.put("evaluated", counts.evaluated());
        out.put("rejected", counts.rejected());
        out.put("totalValue", money(totals.getDecimal(0)));
        out.put("totalDuty", money(totals.getDecimal(1)));
        out.put("totalRefundable", money(totals.getDecimal(2)));
        // the shipments with a measure resting on a medium source, their value, and the duty of those measures alone
        Row medium = results.select(col("row"), col("value"), explode(col("measures")).as("m"))
                .filter(col("m.confidence").isNotNull())
                .groupBy(col("row")).agg(first("value").as("value"), sum("m.amount").as("duty"))
                .agg(count(lit(1)), sum("value"), sum("duty")).first();
        ObjectNode mediumConfidence = out.putObject("mediumConfidence");
        mediumConfidence.put("shipments", medium.getLong(0));
        mediumConfidence.put("value", money(medium.getDecimal(1)));
        mediumConfidence.put("duty", money(medium.getDecimal(2)));
        Dataset<Row> byShipmentAndProgram = results
                .select(col("row"), col("value"), explode(col("measures")).as("m"))
                .groupBy(col("row"), col("m.program").as("key"))
                .agg(first("value").as("value"), sum("m.amount").as("duty"));
        // a program has no refundable of its own (removing a measure held unlawful can give back another's line)
        out.set("byProgram", groups(byShipmentAndProgram, col("key"), "duty", null));
        out.set("byOrigin", groups(results, col("origin"), "totalDuty", "refundable"));
        out.set("byMonth", groups(results, date_format(col("entryDate"), "yyyy-MM"), "totalDuty", "refundable"));
        return out;
    }

    private static ObjectNode groups(Dataset<Row> rows, Column key, String duty, String refundable) {
        Map<String, ObjectNode> sorted = new TreeMap<>();
        List<Column> sums = new ArrayList<>(List.of(sum("value"), sum(duty)));
        if (refundable != null) {
            sums.add(sum(refundable));
        }
        for (Row g : rows.groupBy(key.as("key")).agg(count(lit(1)), sums.toArray(new Column[0])).collectAsList()) {
            ObjectNode totals = Json.MAPPER.createObjectNode();
            totals.put("shipments", g.getLong(1));
            totals.put("value", money(g.getDecimal(2)));
            totals.put("duty", money(g.getDecimal(3)));
            if (refundable != null) {
                totals.put("refundable", money(g.getDecimal(4)));
            }
            sorted.put(g.getString(0), totals);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        sorted.forEach(out::set);
        return out;
    }

    private static BigDecimal money(BigDecimal sum) {
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
    }

    @Override
    public void close() {
        all.unpersist();
    }
}
