package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A measure that was considered and not applied, wholly or (when {@code basis} is given) for part of the value.
 *
 * @param program  program code of the measure not applied
 * @param heading  the exception heading to report, where there is one
 * @param reason   plain words, rendered from the rule's {@code @message}
 * @param citation the legal instrument of the exception
 * @param basis    for a partial exception, the USD value the measure does not apply to; otherwise absent
 * @param mediumSources the ids of the sources of medium confidence ({@code sources.csv}) of the table rows the rule
 *                 that produced the record read (or of the program's end), sorted; empty when the law behind it is
 *                 primary text. The result shows it as {@link #confidence()}
 */
@JsonPropertyOrder({"program", "heading", "reason", "citation", "confidence", "basis"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotApplied(String program, String heading, String reason, String citation, BigDecimal basis,
                         @JsonIgnore List<String> mediumSources) {

    /** {@code medium} when the record rests on a source of medium confidence; null (absent) when on primary text. */
    @JsonProperty("confidence")
    public String confidence() {
        return mediumSources.isEmpty() ? null : "medium";
    }
}
