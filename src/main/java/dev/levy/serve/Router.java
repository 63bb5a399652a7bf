package dev.levy.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends each request to the endpoint of its exact path and method; anything else gets 404 or 405. */
final class Router implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private record Route(Set<String> methods, Endpoint endpoint) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** Adds a path; a GET route answers HEAD too. */
    Router route(String path, String method, Endpoint endpoint) {
        Set<String> methods = new TreeSet<>(Set.of(method));
        if (method.equals("GET")) {
            methods.add("HEAD");
        }
        routes.put(path, new Route(methods, endpoint));
        return this;
    }

    /** Each path with the methods it takes (HEAD with every GET). */
    Map<String, Set<String>> methods() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        routes.forEach((path, route) -> out.put(path, route.methods()));
        return out;
    }

    @Override
    public void handle(HttpExchange http) {
        Exchange exchange = new Exchange(http);
        try {
            dispatch(exchange);
        } catch (HttpFailure f) {
            respond(exchange, f);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request to " + exchange.path() + " failed", e);
            respond(exchange, HttpFailure.of(500, "INTERNAL_ERROR", null, "the service failed on this request: "
                    + e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    private void dispatch(Exchange exchange) throws Exception {
        Route route = routes.get(exchange.path());
        if (route == null) {
            throw HttpFailure.of(404, "NOT_FOUND", null, "no endpoint at " + exchange.path() + "; the paths are "
                    + String.join(", ", new TreeSet<>(routes.keySet())));
        }
        if (!route.methods().contains(exchange.method())) {
            throw new HttpFailure(405, ApiError.of("METHOD_NOT_ALLOWED", null, exchange.path() + " takes "
                    + String.join(" or ", route.methods()) + ", not " + exchange.method()),
                    Map.of("Allow", String.join(", ", route.methods())));
        }
        route.endpoint().handle(exchange);
    }

    private static void respond(Exchange exchange, HttpFailure f) {
        try {
            exchange.sendJson(f.status, f.body, f.headers);
        } catch (IOException | RuntimeException e) {
            // the client has gone, or the response was already started: nothing more to say to it
        }
    }
}
