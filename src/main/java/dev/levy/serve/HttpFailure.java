package dev.levy.serve;

import java.util.Map;

/** Ends a request with an HTTP status and a JSON body (an {@link ApiError} or a contract rejection). */
final class HttpFailure extends RuntimeException {
    final int status;
    final Object body;
    final Map<String, String> headers;

    HttpFailure(int status, Object body, Map<String, String> headers) {
        super(String.valueOf(status), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    HttpFailure(int status, Object body) {
        this(status, body, Map.of());
    }

    static HttpFailure of(int status, String code, String field, String message) {
        return new HttpFailure(status, ApiError.of(code, field, message));
    }
}
