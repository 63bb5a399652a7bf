package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An input that could not be evaluated, in its place in the output: {@code {"id": ..., "error": {...}}}. */
@JsonPropertyOrder({"id", "error"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Rejection(String id, ShipmentError error) implements Evaluation {
}
