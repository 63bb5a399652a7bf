package dev.levy.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.levy.model.ErrorCode;

/** A line of JSON Lines; a line that is not JSON becomes an {@code INVALID_JSON} rejection naming its line. */
public record JsonLine(long line, String text) implements Input {

    @Override
    public Parsed parse() {
        try {
            return Parsed.of(line, Json.parse(text));
        } catch (JsonProcessingException e) {
            return Parsed.rejected(line, ErrorCode.INVALID_JSON, null, "line " + line + ": " + Json.describe(e));
        }
    }
}
