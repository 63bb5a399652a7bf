package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One rule that fired for a shipment: its name, its {@code @message} filled with the facts used, its citation. */
@JsonPropertyOrder({"rule", "message", "citation"})
public record TraceStep(String rule, String message, String citation) {
}
