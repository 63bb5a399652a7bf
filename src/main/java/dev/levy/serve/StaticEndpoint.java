package dev.levy.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** A file of the playground, read once from the jar. The page loads only from this origin (Content-Security-Policy). */
final class StaticEndpoint implements Endpoint {
    static final String ROOT = "/dev/levy/serve/playground/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");
    private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", "default-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private final byte[] content;
    private final String type;

    StaticEndpoint(String file) {
        this.content = read(file);
        this.type = TYPES.getOrDefault(file.substring(file.lastIndexOf('.') + 1), "application/octet-stream");
    }

    private static byte[] read(String file) {
        try (InputStream in = StaticEndpoint.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("the playground file " + file + " is missing from the jar");
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
