package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * A measure that was considered and not applied, wholly or (when {@code basis} is given) for part of the value.
 *
 * @param program  program code of the measure not applied
 * @param heading  the exception heading to report, where there is one
 * @param reason   plain words, rendered from the rule's {@code @message}
 * @param citation the legal instrument of the exception
 * @param basis    for a partial exception, the USD value the measure does not apply to; otherwise absent
 */
@JsonPropertyOrder({"program", "heading", "reason", "citation", "basis"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotApplied(String program, String heading, String reason, String citation, BigDecimal basis) {
}
