package dev.levy.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.model.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A CSV data row, read against the header's column names, which are the contract's field names ({@code
 * metalContent.steel}, {@code quantity.amount} and {@code quantity.unit} for the nested ones). Empty cells are absent
 * fields; numeric fields become numbers (a cell that is not a number stays text, so validation names the field);
 * {@code declarations} is a {@code ;}-separated list.
 */
public record CsvRow(long line, String text, List<String> header) implements Input {
    private static final Set<String> NUMBERS = Set.of("value", "usContent", "metalContent.steel",
            "metalContent.aluminum", "metalContent.copper", "quantity.amount");
    /** The entry flags: {@code true} or {@code false} in a cell (anything else stays text, so validation names it). */
    private static final Set<String> BOOLEANS = Set.of("protestOpen", "reconciliation", "drawback", "adcvd");
    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    @Override
    public Parsed parse() {
        List<String> cells = Csv.fields(text);
        if (cells.size() != header.size()) {
            return Parsed.rejected(line, ErrorCode.INVALID_CSV, null, "line " + line + ": " + cells.size()
                    + " cells where the header has " + header.size() + " columns");
        }
        return Parsed.of(line, shipment(header, cells));
    }

    /**
     * A shipment object from contract field names and their texts, as a CSV row is read (also the query parameters of
     * the service): empty texts are absent fields, numbers become numbers, {@code declarations} is {@code ;}-separated.
     */
    public static ObjectNode shipment(List<String> fields, List<String> texts) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < texts.size(); i++) {
            String cell = texts.get(i).strip();
            if (!cell.isEmpty()) {
                put(node, fields.get(i), cell);
            }
        }
        return node;
    }

    private static void put(ObjectNode node, String field, String cell) {
        int dot = field.indexOf('.');
        if (dot > 0) {
            JsonNode parent = node.get(field.substring(0, dot));
            ObjectNode into = parent instanceof ObjectNode o ? o : node.putObject(field.substring(0, dot));
            into.set(field.substring(dot + 1), value(field, cell));
        } else {
            node.set(field, value(field, cell));
        }
    }

    private static JsonNode value(String field, String cell) {
        if (field.equals("declarations")) {
            var array = NODES.arrayNode();
            for (String d : cell.split(";")) {
                if (!d.isBlank()) {
                    array.add(d.strip());
                }
            }
            return array;
        }
        if (BOOLEANS.contains(field) && (cell.equals("true") || cell.equals("false"))) {
            return NODES.booleanNode(cell.equals("true"));
        }
        if (NUMBERS.contains(field) && cell.length() <= 64) { // as Json's maxNumberLength: no million-digit parse
            try {
                return NODES.numberNode(new BigDecimal(cell));
            } catch (NumberFormatException e) {
                return NODES.textNode(cell); // validation says: "value must be a number of US dollars, found ..."
            }
        }
        return NODES.textNode(cell);
    }
}
