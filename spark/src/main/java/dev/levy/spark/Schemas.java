package dev.levy.spark;

import dev.levy.model.Entry;
import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.NotApplied;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.ShipmentError;
import dev.levy.model.View;
import dev.levy.refund.CapeLine;
import dev.levy.refund.CapeReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * The output schemas, and evaluations as rows of them. Money is {@code decimal(18,2)} and rates (percent) {@code
 * decimal(9,4)}: a value that does not fit exactly is an error, never rounded or turned into a double.
 */
public final class Schemas {
    public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
    public static final DecimalType RATE = DataTypes.createDecimalType(9, 4);

    public static final StructType MEASURE = new StructType()
            .add("program", DataTypes.StringType, false)
            .add("heading", DataTypes.StringType, true)
            .add("rate", RATE, false)
            .add("basis", MONEY, false)
            .add("amount", MONEY, false)
            .add("citation", DataTypes.StringType, true)
            .add("invalidated", DataTypes.StringType, true)
            // added in 0.3.0, last, so that positional readers of the earlier columns are unchanged
            .add("confidence", DataTypes.StringType, true);

    public static final StructType NOT_APPLIED = new StructType()
            .add("program", DataTypes.StringType, false)
            .add("heading", DataTypes.StringType, true)
            .add("reason", DataTypes.StringType, true)
            .add("citation", DataTypes.StringType, true)
            .add("basis", MONEY, true)
            .add("confidence", DataTypes.StringType, true);

    /** Which law a result read when not the final schedule (the contract's {@code view}); null for the final schedule. */
    public static final StructType VIEW = new StructType()
            .add("asKnown", DataTypes.DateType, true)
            .add("scenario", DataTypes.StringType, true);

    /** A result: the contract's result without its trace, and {@code row}, the 1-based position of the input. */
    public static final StructType RESULT = new StructType()
            .add("id", DataTypes.StringType, true)
            .add("hts", DataTypes.StringType, false)
            .add("origin", DataTypes.StringType, false)
            .add("entryDate", DataTypes.DateType, false)
            .add("value", MONEY, false)
            .add("measures", DataTypes.createArrayType(MEASURE, false), false)
            .add("totalDuty", MONEY, false)
            .add("totalRate", RATE, false)
            .add("refundable", MONEY, false)
            .add("notApplied", DataTypes.createArrayType(NOT_APPLIED, false), false)
            .add("rulesVersion", DataTypes.StringType, false)
            .add("view", VIEW, true)
            .add("row", DataTypes.LongType, false);

    /**
     * A rejected input: the contract's error, {@code row} (the 1-based line of a JSON Lines or CSV file, or the row's
     * position in the dataset) and {@code input}, the line's text (or the row as a shipment object).
     */
    public static final StructType REJECTED = new StructType()
            .add("id", DataTypes.StringType, true)
            .add("row", DataTypes.LongType, false)
            .add("code", DataTypes.StringType, false)
            .add("field", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, false)
            .add("input", DataTypes.StringType, true);

    /**
     * An entry line as the refunds per entry keep it ({@link CapeLine}): its 1-based {@code row}, its entry's facts (the
     * contract's entry fields; {@code entryNumber} alone, or nothing, for a rejected line whose facts cannot be read),
     * its IEEPA refund and other refund, or the contract's error when it was rejected.
     */
    public static final StructType CAPE_LINE = new StructType()
            .add("row", DataTypes.LongType, false)
            .add("entryNumber", DataTypes.StringType, true)
            .add("entryType", DataTypes.StringType, true)
            .add("liquidationDate", DataTypes.DateType, true)
            .add("protestOpen", DataTypes.BooleanType, false)
            .add("reconciliation", DataTypes.BooleanType, false)
            .add("drawback", DataTypes.BooleanType, false)
            .add("adcvd", DataTypes.BooleanType, false)
            .add("refundable", MONEY, true)
            .add("otherRefund", MONEY, true)
            .add("code", DataTypes.StringType, true)
            .add("field", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, true);

    /**
     * One entry of the refunds per entry: the fields of a line of {@code levy refunds --cape}'s {@code entries.jsonl}
     * ({@link CapeReport.EntryResult}), in its order.
     */
    public static final StructType REFUND_ENTRY = new StructType()
            .add("entryNumber", DataTypes.StringType, true)
            .add("lines", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("refundable", MONEY, false)
            .add("otherRefund", MONEY, false)
            .add("path", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false)
            .add("citation", DataTypes.StringType, true)
            .add("deadline", DataTypes.DateType, true)
            .add("interest", DataTypes.StringType, false);

    /** What a partition yields: one of the two per input; split into the two datasets after one evaluation. */
    static final StructType EVALUATED = new StructType()
            .add("result", RESULT, true)
            .add("rejected", REJECTED, true);

    private Schemas() {}

    static Row evaluated(long row, Evaluation e, String input) {
        if (e instanceof Result r) {
            return RowFactory.create(result(row, r), null);
        }
        Rejection x = (Rejection) e;
        return RowFactory.create(null, RowFactory.create(x.id(), row, x.error().code().name(), x.error().field(),
                x.error().message(), input));
    }

    static Row result(long row, Result r) {
        List<Row> measures = new ArrayList<>(r.measures().size());
        for (Measure m : r.measures()) {
            measures.add(RowFactory.create(m.program(), m.heading(), exact(m.rate(), RATE, r, "rate"),
                    exact(m.basis(), MONEY, r, "basis"), exact(m.amount(), MONEY, r, "amount"), m.citation(),
                    m.invalidated(), m.confidence()));
        }
        List<Row> notApplied = new ArrayList<>(r.notApplied().size());
        for (NotApplied n : r.notApplied()) {
            notApplied.add(RowFactory.create(n.program(), n.heading(), n.reason(), n.citation(),
                    n.basis() == null ? null : exact(n.basis(), MONEY, r, "notApplied basis"), n.confidence()));
        }
        return RowFactory.create(r.id(), r.hts(), r.origin(), Date.valueOf(r.entryDate()), exact(r.value(), MONEY, r, "value"),
                seq(measures), exact(r.totalDuty(), MONEY, r, "totalDuty"), exact(r.totalRate(), RATE, r, "totalRate"),
                exact(r.refundable(), MONEY, r, "refundable"), seq(notApplied), r.rulesVersion(), view(r.view()), row);
    }

    static Row capeLine(CapeLine line) {
        Entry e = line.entry() == null ? Entry.NONE : line.entry();
        ShipmentError error = line.error();
        return RowFactory.create(line.line(), e.number(), e.type(),
                e.liquidationDate() == null ? null : Date.valueOf(e.liquidationDate()), e.protestOpen(),
                e.reconciliation(), e.drawback(), e.adcvd(), line.refundable(), line.otherRefund(),
                error == null ? null : error.code().name(), error == null ? null : error.field(),
                error == null ? null : error.message());
    }

    /** The line back from its row: what {@link CapeReport#add} reads of it is what {@link #capeLine} kept. */
    static CapeLine capeLineOf(Row r) {
        Entry entry = new Entry(r.getString(1), r.getString(2), r.isNullAt(3) ? null : r.getDate(3).toLocalDate(),
                r.getBoolean(4), r.getBoolean(5), r.getBoolean(6), r.getBoolean(7));
        ShipmentError error = r.isNullAt(10) ? null
                : new ShipmentError(ErrorCode.valueOf(r.getString(10)), r.getString(11), r.getString(12));
        return new CapeLine(r.getLong(0), entry, r.getDecimal(8), r.getDecimal(9), error);
    }

    static Row refundEntry(CapeReport.EntryResult e) {
        return RowFactory.create(e.entryNumber(), seq(e.lines()), e.refundable(), e.otherRefund(), e.path(),
                e.reason(), e.citation(), e.deadline() == null ? null : Date.valueOf(e.deadline()), e.interest());
    }

    /** A row of {@link #REFUND_ENTRY} as the entry it holds: {@code Json.compact} of it is its line of entries.jsonl. */
    public static CapeReport.EntryResult entryResult(Row r) {
        List<Long> lines = r.getList(1);
        return new CapeReport.EntryResult(r.getString(0), List.copyOf(lines), r.getDecimal(2), r.getDecimal(3),
                r.getString(4), r.getString(5), r.getString(6), r.isNullAt(7) ? null : r.getDate(7).toLocalDate(),
                r.getString(8));
    }

    private static Row view(View v) {
        return v == null ? null : RowFactory.create(v.asKnown() == null ? null : Date.valueOf(v.asKnown()), v.scenario());
    }

    /** An array column's value as Spark's external rows hold it. */
    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }

    /** The decimal at the column's scale, exactly: more decimals or more digits than the column holds is an error. */
    static BigDecimal exact(BigDecimal v, DecimalType type, Result r, String what) {
        if (v == null) {
            throw new IllegalStateException("shipment " + r.id() + ": " + what + " is missing");
        }
        BigDecimal scaled;
        try {
            scaled = v.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("shipment " + r.id() + ": " + what + " " + v.toPlainString() + " has more than "
                    + type.scale() + " decimals, which " + type.simpleString() + " cannot hold exactly");
        }
        if (scaled.precision() > type.precision()) {
            throw new IllegalStateException("shipment " + r.id() + ": " + what + " " + v.toPlainString()
                    + " has more digits than " + type.simpleString() + " holds");
        }
        return scaled;
    }
}
