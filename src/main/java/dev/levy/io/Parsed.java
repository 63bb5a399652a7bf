package dev.levy.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.model.ErrorCode;
import dev.levy.model.Rejection;
import dev.levy.model.ShipmentError;

/** An input once parsed: a node to validate and evaluate, or the rejection of input that is not even a node. */
public record Parsed(long line, JsonNode node, Rejection rejection) implements Input {

    public static Parsed of(long line, JsonNode node) {
        return new Parsed(line, node, null);
    }

    public static Parsed rejected(long line, ErrorCode code, String field, String message) {
        return new Parsed(line, null, new Rejection(null, new ShipmentError(code, field, message)));
    }

    @Override
    public String text() {
        return null;
    }

    @Override
    public Parsed parse() {
        return this;
    }
}
