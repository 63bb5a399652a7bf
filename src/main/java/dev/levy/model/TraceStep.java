package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One rule that fired for a shipment: its name, its {@code @message} filled with the facts used, its citation.
 *
 * @param mediumSources the ids of the sources of medium confidence of the table rows the rule matched, sorted; empty
 *                      when it matched none. Not part of the result's JSON: {@code levy check --confidence} reads it to
 *                      list the rules that read each medium source
 */
@JsonPropertyOrder({"rule", "message", "citation"})
public record TraceStep(String rule, String message, String citation, @JsonIgnore List<String> mediumSources) {

    /** A step that read no table row: a view's removal, the 10-digit lines' decision. */
    public TraceStep(String rule, String message, String citation) {
        this(rule, message, citation, List.of());
    }
}
