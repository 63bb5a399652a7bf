package dev.levy.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.model.ErrorCode;
import dev.levy.model.Rejection;
import dev.levy.model.ShipmentError;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code levy eval} input into shipments, as the contract allows: one object, a JSON array of objects, or JSON
 * Lines. A line that is not JSON becomes an {@code INVALID_JSON} rejection in its place, so nothing is lost.
 *
 * @param single  true for one shipment object (printed pretty), false for an array or JSON Lines (one line each)
 * @param entries each input in order: a parsed node, or the rejection of a line that could not be parsed
 */
public record Inputs(boolean single, List<Entry> entries) {

    /** One input: its node, or why it could not be parsed; {@code line} is its line number in JSON Lines, else 0. */
    public record Entry(int line, JsonNode node, Rejection rejection) {}

    public static Inputs parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try {
                JsonNode array = Json.parse(trimmed);
                List<Entry> entries = new ArrayList<>();
                array.forEach(n -> entries.add(new Entry(0, n, null)));
                return new Inputs(false, entries);
            } catch (JsonProcessingException e) {
                return new Inputs(false, List.of(invalid(0, e)));
            }
        }
        try {
            return new Inputs(true, List.of(new Entry(0, Json.parse(trimmed), null)));
        } catch (JsonProcessingException e) {
            if (trimmed.lines().filter(l -> !l.isBlank()).count() <= 1) {
                return new Inputs(true, List.of(invalid(1, e)));
            }
        }
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                entries.add(new Entry(i + 1, Json.parse(lines[i]), null));
            } catch (JsonProcessingException e) {
                entries.add(invalid(i + 1, e));
            }
        }
        return new Inputs(false, entries);
    }

    private static Entry invalid(int line, JsonProcessingException e) {
        String where = line > 0 ? "line " + line + ": " : "";
        return new Entry(line, null, new Rejection(null, new ShipmentError(ErrorCode.INVALID_JSON, null,
                where + Json.describe(e))));
    }
}
