package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * An applied tariff measure: {@code rate} percent of {@code basis} gives {@code amount}, rounded half-up to the cent.
 *
 * @param program     program code of the contract, e.g. {@code SECTION_232_AUTOS}
 * @param heading     the Chapter 99 heading, or the HTS number for the Chapter 1-97 line (column 1 or column 2)
 * @param rate        percent
 * @param basis       USD value the rate applies to
 * @param amount      USD, to the cent
 * @param citation    the legal instrument, from the rule's {@code @citation}
 * @param description the rule that applied it, in plain words
 * @param specific    the specific part of a specific or compound rate, e.g. {@code $0.044/kg x 1000 kg = $44.00}; absent
 *                    for an ad valorem measure ({@code amount} includes it)
 * @param invalidated the citation of a court's holding that the measure is unlawful ({@code rules/rulings.csv}), as
 *                    known on the day of the law read; absent otherwise. It stays in the result: it was assessed
 * @param mediumSources the ids of the sources of medium confidence ({@code sources.csv}) of the table rows that the
 *                    rules which imposed or changed the measure read, sorted; empty when the law behind it is primary
 *                    text. The result shows it as {@link #confidence()}
 */
@JsonPropertyOrder({"program", "heading", "rate", "basis", "amount", "citation", "confidence", "invalidated", "description", "specific"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measure(String program, String heading, BigDecimal rate, BigDecimal basis, BigDecimal amount,
                      String citation, String description, String specific, String invalidated,
                      @JsonIgnore List<String> mediumSources) {

    /** The contract's program code of the Chapter 1-97 line at its column 1 rate. */
    public static final String MFN = "MFN";

    /**
     * Whether this is an additional duty, reported under a Chapter 99 heading; the Chapter 1-97 line (column 1 or column
     * 2) is reported under the shipment's own HTS number.
     */
    @JsonIgnore
    public boolean isAdditionalDuty() {
        return heading.startsWith("99");
    }

    /** {@code medium} when the measure rests on a source of medium confidence; null (absent) when on primary text. */
    @JsonProperty("confidence")
    public String confidence() {
        return mediumSources.isEmpty() ? null : "medium";
    }
}
