package dev.levy.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.io.Json;
import dev.levy.model.ErrorCode;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.Rejection;
import dev.levy.model.ShipmentError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code POST /v1/evaluate[?asKnown=YYYY-MM-DD][&scenario=NAME][&fields=LIST]}: one shipment object gives its result
 * (pretty JSON, as {@code levy eval}); an array gives a JSON array of results and error objects in input order, one per
 * line. A single rejected shipment is a 400 with its error object; in an array, rejections stand in their places and
 * the answer is 200. The query chooses the law (see {@link ViewParameters}) and, with {@code fields}, the fields of each
 * result written (as {@code levy eval --fields}); any other parameter is a 400, since a misspelt {@code asKnown} must not
 * quietly give the final schedule.
 */
final class EvaluateEndpoint implements Endpoint {
    static final String FIELDS = "fields";
    private static final Set<String> PARAMETERS = Set.of(ViewParameters.AS_KNOWN, ViewParameters.SCENARIO, FIELDS);

    private final Levy levy;
    private final Limits limits;
    private final Gate gate;

    EvaluateEndpoint(Levy levy, Limits limits, Gate gate) {
        this.levy = levy;
        this.limits = limits;
        this.gate = gate;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Map<String, List<String>> query = exchange.query();
        ViewParameters.refuseUnknown(query, PARAMETERS, "the shipment");
        Fields fields = fields(query);
        Levy under = ViewParameters.apply(levy, query).fields(fields);
        JsonNode input = parse(exchange.body(limits.maxBodyBytes()));
        if (input.isObject()) {
            Evaluation e = gate.run(() -> under.evaluate(input));
            exchange.sendJson(e instanceof Rejection ? 400 : 200, Json.pretty(e, fields));
        } else if (input.isArray()) {
            List<Evaluation> all = gate.run(() -> under.evaluateAll(shipments(input)));
            exchange.sendJson(200, array(all, fields));
        } else {
            throw new HttpFailure(400, rejection(ErrorCode.NOT_AN_OBJECT,
                    "the body must be a shipment object or an array of them, found " + input.getNodeType()));
        }
    }

    /** The output profile the query asks for; every field without {@code fields}; an unknown field is a 400 naming it. */
    private static Fields fields(Map<String, List<String>> query) {
        String list = ViewParameters.single(query, FIELDS);
        try {
            return list == null ? Fields.ALL : Fields.of(list);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.of(400, "INVALID_PARAMETER", FIELDS, e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new HttpFailure(400, rejection(ErrorCode.INVALID_JSON, "the body is empty: send a shipment object"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpFailure(400, rejection(ErrorCode.INVALID_JSON, Json.describe(e)));
        } catch (java.io.IOException e) {
            throw new HttpFailure(400, rejection(ErrorCode.INVALID_JSON, e.getMessage()));
        }
    }

    private List<JsonNode> shipments(JsonNode array) {
        if (array.size() > limits.maxShipments()) {
            throw HttpFailure.of(413, "TOO_MANY_SHIPMENTS", null, array.size() + " shipments in one request; the limit "
                    + "is " + limits.maxShipments() + ": split them, or use levy eval for a batch");
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    /** A JSON array with one compact result per line: deterministic, and readable line by line. */
    private static String array(List<Evaluation> all, Fields fields) {
        if (all.isEmpty()) {
            return "[]";
        }
        StringJoiner out = new StringJoiner(",\n", "[\n", "\n]");
        for (Evaluation e : all) {
            out.add(Json.compact(e, fields));
        }
        return out.toString();
    }

    private static Rejection rejection(ErrorCode code, String message) {
        return new Rejection(null, new ShipmentError(code, null, message));
    }
}
