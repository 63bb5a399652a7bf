package dev.levy.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.Levy;
import dev.levy.Timeline;
import dev.levy.engine.RuleSet;
import dev.levy.io.CsvRow;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/timeline?hts=&origin=[&value=][&from=&to=][&asKnown=&scenario=]}: the shipment's total rate and
 * measures on each day where they change. Every other query parameter is a field of the contract's shipment, named as
 * in CSV input ({@code usContent}, {@code metalContent.steel}, {@code spi}, {@code declarations=A;B}, ...), and is
 * validated as such. {@code from} and {@code to} default to the first and last day the rules cover; {@code asKnown}
 * and {@code scenario} choose the law, as for {@code POST /v1/evaluate}.
 *
 * <p>Without {@code value}, the timeline gives rates only (no amounts): every basis is then the value itself, so the
 * rates are the same whatever the value. A fact that makes part of the value a basis of its own ({@code usContent},
 * {@code metalContent}) or a specific rate's {@code quantity} makes the rates depend on the value: with one of them,
 * {@code value} is required.
 */
final class TimelineEndpoint implements Endpoint {
    private static final Set<String> NOT_FIELDS = Set.of("entryDate", "entryTime");
    /** The facts whose rates depend on the value (see above), as the query names them or their prefix before a dot. */
    private static final Set<String> NEED_VALUE = Set.of("usContent", "metalContent", "quantity");
    /**
     * The value a rates-only timeline is evaluated on: a million dollars, so that a rate of up to four decimals gives an
     * amount of whole cents and the total rate is exact.
     */
    private static final BigDecimal RATES_ONLY_VALUE = BigDecimal.valueOf(1_000_000);

    private final Levy levy;
    private final Gate gate;

    TimelineEndpoint(Levy levy, Gate gate) {
        this.levy = levy;
        this.gate = gate;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Map<String, List<String>> query = exchange.query();
        RuleSet rules = levy.ruleSet();
        LocalDate from = date(query, "from", rules.coversFrom());
        LocalDate to = date(query, "to", rules.coversTo().minusDays(1));
        if (from.isBefore(rules.coversFrom()) || to.isAfter(rules.coversTo().minusDays(1)) || to.isBefore(from)) {
            throw HttpFailure.of(400, "DATE_OUT_OF_RANGE", "from", "from " + from + " to " + to + " must be a span "
                    + "within the dates the rules cover, " + rules.coversFrom() + " to " + rules.coversTo().minusDays(1));
        }
        Levy under = ViewParameters.apply(levy, query);
        ObjectNode shipment = shipment(query);
        shipment.put("entryDate", to.toString()); // validates a loadedDate anywhere in the span
        boolean amounts = shipment.has("value");
        if (!amounts) {
            for (String field : NEED_VALUE) {
                if (shipment.has(field)) {
                    throw HttpFailure.of(400, "MISSING_FIELD", "value", "value is required with " + field
                            + ": the rates then depend on the value (without value, the timeline gives rates only)");
                }
            }
            shipment.put("value", RATES_ONLY_VALUE);
        }
        TimelineView view = gate.run(() -> {
            Evaluation first = under.evaluate(shipment);
            if (first instanceof Rejection r) {
                throw new HttpFailure(400, r);
            }
            return TimelineView.of((Result) first, Timeline.of(under, shipment), from, to, amounts);
        });
        exchange.sendJson(200, Json.pretty(view));
    }

    private static LocalDate date(Map<String, List<String>> query, String name, LocalDate otherwise) {
        List<String> values = query.get(name);
        if (values == null || values.get(0).isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(values.get(0).strip());
        } catch (DateTimeParseException e) {
            throw HttpFailure.of(400, "INVALID_DATE", name, name + " must be a date YYYY-MM-DD, found '"
                    + values.get(0) + "'");
        }
    }

    /** The shipment fields of the query; a repeated {@code declarations} adds to the list. */
    private static ObjectNode shipment(Map<String, List<String>> query) {
        List<String> fields = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            String name = p.getKey();
            if (name.equals("from") || name.equals("to") || ViewParameters.NAMES.contains(name)) {
                continue;
            }
            if (NOT_FIELDS.contains(name)) {
                throw HttpFailure.of(400, "INVALID_PARAMETER", name, "the timeline covers many entry dates: give "
                        + "from and to, not " + name);
            }
            if (p.getValue().size() > 1 && !name.equals("declarations")) {
                throw HttpFailure.of(400, "INVALID_PARAMETER", name, name + " is given more than once");
            }
            fields.add(name);
            texts.add(String.join(";", p.getValue()));
        }
        return CsvRow.shipment(fields, texts);
    }
}
