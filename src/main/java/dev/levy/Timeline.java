package dev.levy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.engine.MessageTemplate;
import dev.levy.engine.RuleSet;
import dev.levy.io.ShipmentReader;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.Shipment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How one shipment's treatment changes with its entry date: the shipment evaluated as if entered on each day where a
 * table row or parameter matching it starts, ends or names a day, or a program ends ({@code terminations.csv}) (the DRL writes no dates: {@code levy check}). From it, the plain-words hints of the text
 * format: "would apply if entered on or after ...".
 */
public final class Timeline {

    /**
     * The result for entries from 12:01 a.m. on {@code from} until the next point; or, where the shipment cannot be
     * evaluated from that day (an 8-digit number that no longer decides its measures: {@code AMBIGUOUS_HTS}), its
     * rejection and no result.
     */
    public record Point(LocalDate from, Result result, Rejection rejection) {
        Point(LocalDate from, Result result) {
            this(from, result, null);
        }
    }

    private Timeline() {}

    /** The points where the shipment's measures change, within the dates the rules cover. */
    public static List<Point> of(Levy levy, JsonNode shipment) {
        Shipment s = new ShipmentReader(levy.ruleSet()).read(shipment).shipment();
        return s == null ? List.of() : of(levy, shipment, s);
    }

    private static List<Point> of(Levy levy, JsonNode shipment, Shipment s) {
        RuleSet rules = levy.ruleSet();
        SortedSet<LocalDate> days = new TreeSet<>(rules.tables().changeDates(s));
        days.add(rules.coversFrom());
        rules.terminations().forEach(t -> days.add(t.endsOn())); // a program's end changes every shipment it reached
        List<JsonNode> variants = new ArrayList<>();
        List<LocalDate> from = new ArrayList<>();
        for (LocalDate d : days) {
            if (d.isBefore(rules.coversFrom()) || !d.isBefore(rules.coversTo())
                    || s.getLoadedDate() != null && d.isBefore(s.getLoadedDate())) {
                continue;
            }
            ObjectNode v = ((ObjectNode) shipment).deepCopy();
            v.put("entryDate", d.toString());
            v.remove("entryTime");
            variants.add(v);
            from.add(d);
        }
        List<Point> points = new ArrayList<>();
        List<Evaluation> results = levy.evaluateAll(variants);
        String previous = null;
        for (int i = 0; i < results.size(); i++) {
            String key = results.get(i) instanceof Result r ? additionalDuties(r).toString()
                    : ((Rejection) results.get(i)).error().toString();
            if (!key.equals(previous)) {
                points.add(results.get(i) instanceof Result r ? new Point(from.get(i), r)
                        : new Point(from.get(i), null, (Rejection) results.get(i)));
                previous = key;
            }
        }
        return points;
    }

    /** For each additional program not applied to this entry, the nearest entry date at which it would apply or did. */
    public static List<String> hints(Levy levy, JsonNode shipment, Result result) {
        Shipment s = new ShipmentReader(levy.ruleSet()).read(shipment).shipment();
        LocalDate day = s.getRegimeDate();
        Map<String, Measure> now = additionalDuties(result);
        Map<String, String> hints = new LinkedHashMap<>();
        List<Point> points = of(levy, shipment, s);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            for (Measure m : additionalDuties(p.result()).values()) {
                if (now.containsKey(m.program()) || hints.containsKey(m.program())) {
                    continue;
                }
                if (p.from().isAfter(day)) {
                    hints.put(m.program(), m.program() + " would apply if entered on or after " + p.from()
                            + " 12:01 a.m. (" + m.heading() + ", " + MessageTemplate.percent(m.rate()) + "%)");
                } else if (i + 1 < points.size() && !points.get(i + 1).from().isAfter(day)
                        && !additionalDuties(points.get(i + 1).result()).containsKey(m.program())) {
                    hints.put(m.program(), m.program() + " applied to entries before " + points.get(i + 1).from()
                            + " 12:01 a.m. (" + m.heading() + ", " + MessageTemplate.percent(m.rate()) + "%)");
                }
            }
        }
        return List.copyOf(hints.values());
    }

    /**
     * Additional programs applied with a non-zero amount: the first measure of each, in reporting order; none for a
     * rejection (null).
     */
    public static Map<String, Measure> additionalDuties(Result r) {
        Map<String, Measure> out = new LinkedHashMap<>();
        for (Measure m : r == null ? List.<Measure>of() : r.measures()) {
            if (m.isAdditionalDuty() && m.amount().signum() > 0) {
                out.putIfAbsent(m.program(), m);
            }
        }
        return out;
    }
}
