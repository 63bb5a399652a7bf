package dev.levy.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.levy.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request and its response: the body within the limit, the query, and JSON or resource responses. */
final class Exchange {
    static final String JSON = "application/json; charset=utf-8";

    private final HttpExchange http;

    Exchange(HttpExchange http) {
        this.http = http;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    /** The request body, refused with 413 beyond {@code max} bytes (by its Content-Length, or as it is read). */
    byte[] body(long max) throws IOException {
        String length = http.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLength(length) > max) {
            throw tooLarge(max);
        }
        try (InputStream in = http.getRequestBody()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        }
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw HttpFailure.of(400, "BAD_REQUEST", null, "Content-Length is not a number: " + length);
        }
    }

    private static HttpFailure tooLarge(long max) {
        return new HttpFailure(413, ApiError.of("BODY_TOO_LARGE", null, "the request body is larger than the limit of "
                + max + " bytes: send fewer shipments per request"), Map.of("Connection", "close"));
    }

    /** The query parameters in order; a repeated name keeps every value. */
    Map<String, List<String>> query() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String raw = http.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.of(400, "BAD_REQUEST", null, "the query is not URL-encoded: " + s);
        }
    }

    void sendJson(int status, String json) throws IOException {
        send(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    void sendJson(int status, Object value, Map<String, String> headers) throws IOException {
        send(status, JSON, (Json.pretty(value) + "\n").getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends a complete response; a HEAD request gets the headers only. */
    void send(int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        var h = http.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-cache");
        headers.forEach(h::set);
        boolean head = method().equals("HEAD");
        http.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    void close() {
        http.close();
    }
}
