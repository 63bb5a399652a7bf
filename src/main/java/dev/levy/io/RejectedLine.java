package dev.levy.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.model.ShipmentError;

/** A line of the {@code --errors} file: where the rejected input was, its text when it had one, and why. */
@JsonPropertyOrder({"line", "id", "error", "input"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectedLine(long line, String id, ShipmentError error, String input) {
}
