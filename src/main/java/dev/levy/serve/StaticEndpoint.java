package dev.levy.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A file of the jar served as it is, read once: the playground's files and the OpenAPI description. The page loads
 * only from this origin (Content-Security-Policy).
 */
final class StaticEndpoint implements Endpoint {
    static final String PLAYGROUND_ROOT = "/dev/levy/serve/playground/";
    /** The OpenAPI description of the service; the build writes the project version into it. */
    static final String OPENAPI = "/dev/levy/serve/openapi.json";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "json", Exchange.JSON);
    private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", "default-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private final byte[] content;
    private final String type;

    /** The resource at {@code path} in the jar, e.g. {@code PLAYGROUND_ROOT + "app.js"}. */
    StaticEndpoint(String path) {
        this.content = read(path);
        this.type = TYPES.getOrDefault(path.substring(path.lastIndexOf('.') + 1), "application/octet-stream");
    }

    private static byte[] read(String path) {
        try (InputStream in = StaticEndpoint.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        exchange.send(200, type, content, HEADERS);
    }
}
