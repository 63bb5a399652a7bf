package dev.levy.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.io.CsvRow;
import dev.levy.io.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * A DataFrame row as the contract's shipment object, so that it is validated exactly as a JSON or CSV input is. Column
 * names are the contract's field names; a null (or empty string) is an absent field. Nested fields come as structs
 * ({@code metalContent: struct<steel: decimal>}) or as dotted columns ({@code metalContent.steel}), as in CSV.
 * {@code declarations} is an array of strings or a {@code ;}-separated string. Strings are read as a CSV cell is (a
 * numeric field's text becomes a number when it is one); decimals and integers are exact; a double or float column is
 * taken by its shortest decimal representation (prefer decimal or string columns for money). Any other column is a
 * field the contract does not define, and the row is rejected with {@code UNKNOWN_FIELD}, as in JSON: select the
 * contract's columns first.
 */
final class RowShipments {
    /** The contract's numeric fields, as paths (the same ones CSV reads as numbers). */
    private static final Set<String> NUMBERS = Set.of("value", "usContent", "metalContent.steel",
            "metalContent.aluminum", "metalContent.copper", "quantity.amount");
    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    private RowShipments() {}

    static ObjectNode shipment(Row row, StructType schema) {
        StructField[] fields = schema.fields();
        List<String> stringNames = new ArrayList<>();
        List<String> stringCells = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (!row.isNullAt(i) && fields[i].dataType() instanceof StringType) {
                stringNames.add(fields[i].name());
                stringCells.add(row.getString(i));
            }
        }
        // String columns read exactly as CSV cells of the same names (dotted names, numbers, declarations, blanks).
        ObjectNode node = CsvRow.shipment(stringNames, stringCells);
        for (int i = 0; i < fields.length; i++) {
            if (row.isNullAt(i) || fields[i].dataType() instanceof StringType) {
                continue;
            }
            String name = fields[i].name();
            JsonNode value = value(name, fields[i].dataType(), row.get(i));
            int dot = name.indexOf('.');
            if (dot > 0) {
                JsonNode parent = node.get(name.substring(0, dot));
                ObjectNode into = parent instanceof ObjectNode o ? o : node.putObject(name.substring(0, dot));
                into.set(name.substring(dot + 1), value);
            } else {
                node.set(name, value);
            }
        }
        return node;
    }

    private static JsonNode value(String path, DataType type, Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (type instanceof StringType) {
            String s = v.toString().strip();
            if (path.equals("declarations")) {
                ArrayNode array = NODES.arrayNode();
                for (String d : s.split(";")) {
                    if (!d.isBlank()) {
                        array.add(d.strip());
                    }
                }
                return array;
            }
            if (NUMBERS.contains(path) && s.length() <= 64) {
                try {
                    return NODES.numberNode(new BigDecimal(s));
                } catch (NumberFormatException e) {
                    return NODES.textNode(s); // validation names the field: "value must be a number ..."
                }
            }
            return NODES.textNode(s);
        }
        if (type instanceof DecimalType) {
            return NODES.numberNode((BigDecimal) v);
        }
        if (type instanceof IntegerType || type instanceof LongType || type instanceof ShortType || type instanceof ByteType) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (type instanceof DoubleType || type instanceof FloatType) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return NODES.textNode(String.valueOf(d)); // rejected by validation, naming the field
            }
            // the shortest decimal that reads back as this double: 1234.56, not 1234.5599999999999
            return NODES.numberNode(new BigDecimal(type instanceof FloatType ? Float.toString((Float) v) : Double.toString(d)));
        }
        if (type instanceof BooleanType) {
            return NODES.booleanNode((Boolean) v);
        }
        if (type instanceof ArrayType a) {
            ArrayNode array = NODES.arrayNode();
            for (Object e : elements(v)) {
                array.add(value(path + "[]", a.elementType(), e)); // an element: never split, never a number
            }
            return array;
        }
        if (type instanceof StructType s) {
            Row r = (Row) v;
            ObjectNode object = NODES.objectNode();
            StructField[] fields = s.fields();
            for (int i = 0; i < fields.length; i++) {
                if (!r.isNullAt(i)) {
                    object.set(fields[i].name(), value(path + "." + fields[i].name(), fields[i].dataType(), r.get(i)));
                }
            }
            return object;
        }
        if (type instanceof MapType m) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : JavaConverters.mapAsJavaMap((scala.collection.Map<?, ?>) v).entrySet()) {
                if (e.getValue() != null) {
                    String key = String.valueOf(e.getKey());
                    object.set(key, value(path + "." + key, m.valueType(), e.getValue()));
                }
            }
            return object;
        }
        if (type instanceof BinaryType) {
            return NODES.textNode("(binary)"); // not a contract type: validation rejects it, naming the field
        }
        // dates (ISO yyyy-MM-dd), timestamps and the rest by their text: validation says what is wrong with them
        return NODES.textNode(v.toString());
    }

    private static List<?> elements(Object v) {
        if (v instanceof List<?> list) {
            return list;
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            return JavaConverters.seqAsJavaList(seq);
        }
        if (v instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        throw new IllegalArgumentException("not an array value: " + v.getClass().getName());
    }
}
