package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Why a shipment could not be evaluated.
 *
 * @param code    a stable code from {@link ErrorCode}
 * @param field   the input field at fault, or absent when the whole line is at fault
 * @param message what is wrong, in words a person can act on
 */
@JsonPropertyOrder({"code", "field", "message"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentError(ErrorCode code, String field, String message) {
}
