package dev.levy.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.io.CsvRow;
import dev.levy.io.Input;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.io.JsonLine;
import dev.levy.io.Parsed;
import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.refund.CapeLine;
import dev.levy.refund.CapeReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Evaluates one partition lazily, {@value Levy#CHUNK} inputs at a time: each chunk is parsed, validated and evaluated
 * in one Kie session ({@link Levy#evaluateAll}), against the executor's one {@link Levy} for the broadcast rules.
 * Inputs come with their 0-based position in the dataset; outputs keep the partition's order. The outputs are rows of
 * {@link Schemas#EVALUATED}, or, for the refunds per entry ({@link #capeLines()}), rows of {@link Schemas#CAPE_LINE}:
 * each input evaluated as filed, as assessed and as owed, as {@code levy refunds --cape} evaluates it.
 */
final class EvaluatePartition implements FlatMapFunction<Iterator<Tuple2<Row, Long>>, Row> {
    private static final long serialVersionUID = 1L;

    /** How the rows of the partition are read. */
    enum Mode { ROWS, JSON_LINES, CSV }

    private final Broadcast<ShippedRules> rules;
    private final Mode mode;
    private final StructType schema;        // ROWS: the input's schema
    private final List<String> csvHeader;   // CSV: the header's field names
    private final long csvHeaderIndex;      // CSV: the header line's position, skipped
    private final boolean cape;             // rows of CAPE_LINE rather than of EVALUATED

    private EvaluatePartition(Broadcast<ShippedRules> rules, Mode mode, StructType schema, List<String> csvHeader,
                              long csvHeaderIndex, boolean cape) {
        this.rules = rules;
        this.mode = mode;
        this.schema = schema;
        this.csvHeader = csvHeader == null ? null : new ArrayList<>(csvHeader);
        this.csvHeaderIndex = csvHeaderIndex;
        this.cape = cape;
    }

    /** The same inputs, each given as its entry line of the refunds per entry (a row of {@link Schemas#CAPE_LINE}). */
    EvaluatePartition capeLines() {
        return new EvaluatePartition(rules, mode, schema, csvHeader, csvHeaderIndex, true);
    }

    static EvaluatePartition rows(Broadcast<ShippedRules> rules, StructType schema) {
        return new EvaluatePartition(rules, Mode.ROWS, schema, null, -1, false);
    }

    static EvaluatePartition jsonLines(Broadcast<ShippedRules> rules) {
        return new EvaluatePartition(rules, Mode.JSON_LINES, null, null, -1, false);
    }

    static EvaluatePartition csv(Broadcast<ShippedRules> rules, List<String> header, long headerIndex) {
        return new EvaluatePartition(rules, Mode.CSV, null, header, headerIndex, false);
    }

    /** One input of the chunk: what the core parses, and the text to report with it when it is rejected. */
    private record Item(Input input, String text) {}

    @Override
    public Iterator<Row> call(Iterator<Tuple2<Row, Long>> partition) {
        Levy levy = LevyHolder.get(rules.value());
        return new Iterator<>() {
            private Iterator<Row> chunk = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!chunk.hasNext() && partition.hasNext()) {
                    chunk = evaluate(levy, partition).iterator();
                }
                return chunk.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }
        };
    }

    /** The next chunk of up to {@value Levy#CHUNK} inputs, evaluated in one session. */
    private List<Row> evaluate(Levy levy, Iterator<Tuple2<Row, Long>> partition) {
        List<Item> items = new ArrayList<>(Levy.CHUNK);
        while (items.size() < Levy.CHUNK && partition.hasNext()) {
            Tuple2<Row, Long> next = partition.next();
            Item item = item(next._1(), next._2() + 1);
            if (item != null) {
                items.add(item);
            }
        }
        if (cape) {
            List<Row> out = new ArrayList<>(items.size());
            levy.fields(CapeLine.READS).evaluate(items.stream().map(Item::input).iterator(), 1, CapeReport.VIEWS,
                    (input, views) -> CapeLine.of(input.parse(), views), line -> out.add(Schemas.capeLine(line)));
            return out;
        }
        List<Parsed> parsed = new ArrayList<>(items.size());
        List<JsonNode> nodes = new ArrayList<>(items.size());
        for (Item item : items) {
            Parsed p = item.input().parse();
            parsed.add(p);
            if (p.node() != null) {
                nodes.add(p.node());
            }
        }
        List<Evaluation> evaluated = nodes.isEmpty() ? List.of() : levy.evaluateAll(nodes);
        List<Row> out = new ArrayList<>(items.size());
        int k = 0;
        for (int i = 0; i < items.size(); i++) {
            Parsed p = parsed.get(i);
            Evaluation e = p.node() != null ? evaluated.get(k++) : p.rejection();
            String text = items.get(i).text();
            if (text == null && mode == Mode.ROWS && e instanceof Rejection) {
                text = Json.compact(p.node()); // the row as the shipment object that was rejected
            }
            out.add(Schemas.evaluated(items.get(i).input().line(), e, text));
        }
        return out;
    }

    /** The input at this 1-based position, or null for a line that is not an input (blank, the CSV header). */
    private Item item(Row row, long position) {
        if (mode == Mode.ROWS) {
            return new Item(Parsed.of(position, RowShipments.shipment(row, schema)), null);
        }
        String text = row.isNullAt(0) ? "" : row.getString(0);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank() || (mode == Mode.CSV && position - 1 == csvHeaderIndex)) {
            return null;
        }
        if (text.length() > Inputs.MAX_LINE) { // as levy eval: an over-long line is rejected in its place
            return new Item(Parsed.rejected(position, mode == Mode.CSV ? ErrorCode.INVALID_CSV : ErrorCode.INVALID_JSON,
                    null, "line " + position + " is " + text.length() + " characters long, over the limit of "
                            + Inputs.MAX_LINE + " for one shipment: skipped unread"), null);
        }
        return new Item(mode == Mode.CSV ? new CsvRow(position, text, csvHeader) : new JsonLine(position, text), text);
    }
}
