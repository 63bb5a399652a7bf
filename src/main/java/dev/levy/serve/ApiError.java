package dev.levy.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An error of the service itself (not found, method not allowed, body too large, overloaded, bad parameter), in the
 * shape of the contract's error object: {@code {"id": null, "error": {"code", "field", "message"}}}.
 */
@JsonPropertyOrder({"id", "error"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String id, Detail error) {

    @JsonPropertyOrder({"code", "field", "message"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String field, String message) {}

    public static ApiError of(String code, String field, String message) {
        return new ApiError(null, new Detail(code, field, message));
    }
}
