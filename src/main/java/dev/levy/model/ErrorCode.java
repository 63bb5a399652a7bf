package dev.levy.model;

/** The ways a shipment can be refused. Each is documented in the README's table of error codes. */
public enum ErrorCode {
    INVALID_JSON,
    INVALID_CSV,
    NOT_AN_OBJECT,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    INVALID_ID,
    INVALID_HTS,
    UNKNOWN_HTS,
    /** An 8-digit number whose 10-digit lines would give this shipment different measures: the 10-digit line decides. */
    AMBIGUOUS_HTS,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_TIME,
    DATE_OUT_OF_RANGE,
    INVALID_TRANSPORT,
    INVALID_VALUE,
    INVALID_CONTENT,
    INVALID_SPI,
    INVALID_QUANTITY,
    INVALID_DECLARATION,
    /** An entry fact ({@code entryNumber}, {@code entryType}, or a flag such as {@code protestOpen}) malformed. */
    INVALID_ENTRY,
    UNSUPPORTED_RATE,
    /** Not the shipment's fault: the rules failed on it (a bug in a rule); the other shipments are still evaluated. */
    RULES_FAILED
}
