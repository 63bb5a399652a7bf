package dev.levy.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.levy.model.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario file (YAML, or JSON, which is YAML too) and checks it against the rule set it runs on. Every field is
 * checked: an unknown field, a missing citation, a bad date or rate is an error that names the file and the entry.
 *
 * <pre>
 * name: ieepa-invalidated
 * title: IEEPA duties not owed
 * citation: Learning Resources, Inc. v. Trump, Nos. 24-1287 and 25-250 (U.S. Feb. 20, 2026)
 * off:
 *   - {program: IEEPA_RECIPROCAL, reason: "..."}
 * rows:
 *   - {table: reciprocal_suspension, origin: JP, from: 2025-07-09, to: 2025-08-07, remove: true, source: "..."}
 * </pre>
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final Set<String> TOP = Set.of("name", "title", "citation", "note", "off", "rows");
    private static final Set<String> OFF = Set.of("program", "from", "to", "reason");
    private static final Set<String> ROW = Set.of("table", "country", "hts", "origin", "rate", "heading", "from", "to",
            "remove", "source");

    /** A scenario file that cannot be used, with every reason. */
    public static final class ScenarioException extends RuntimeException {
        private final List<String> problems;

        public ScenarioException(String file, List<String> problems) {
            super(file + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private ScenarioLoader(String file) {
        this.file = file;
    }

    /**
     * Parses a scenario; {@code fallbackName} (the file name without extension) names it when it has no {@code name}.
     *
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(String file, String fallbackName, String text) {
        return new ScenarioLoader(file).read(fallbackName, text);
    }

    /** The problems of a scenario on a rule set: tables and programs it names that the rule set does not have. */
    public static List<String> check(Scenario s, Set<String> tables, Set<String> programs) {
        List<String> out = new ArrayList<>();
        for (Scenario.Off o : s.off()) {
            if (!programs.contains(o.program())) {
                out.add("off: program " + o.program() + " is not in programs.csv");
            }
        }
        for (Scenario.RowChange r : s.rows()) {
            if (!tables.contains(r.table())) {
                out.add("rows: no table named \"" + r.table() + "\"");
            }
        }
        return out;
    }

    private Scenario read(String fallbackName, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new ScenarioException(file, List.of("not YAML or JSON: " + e.getMessage().split("\n")[0]));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(file, List.of("a scenario is an object with name, citation, off and rows"));
        }
        fields(root, TOP, "the scenario");
        String name = text(root, "name", "the scenario", false);
        String citation = text(root, "citation", "the scenario", true);
        List<Scenario.Off> off = new ArrayList<>();
        int i = 0;
        for (JsonNode o : list(root, "off")) {
            off.add(off(o, "off[" + (++i) + "]"));
        }
        List<Scenario.RowChange> rows = new ArrayList<>();
        i = 0;
        for (JsonNode r : list(root, "rows")) {
            rows.add(row(r, "rows[" + (++i) + "]"));
        }
        if (off.isEmpty() && rows.isEmpty()) {
            problems.add("the scenario changes nothing: give 'off' or 'rows'");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(file, problems);
        }
        return new Scenario(name == null ? fallbackName : name, text(root, "title", "the scenario", false), citation,
                List.copyOf(off), List.copyOf(rows));
    }

    private Scenario.Off off(JsonNode o, String where) {
        fields(o, OFF, where);
        String program = text(o, "program", where, true);
        LocalDate from = date(o, "from", where);
        LocalDate to = date(o, "to", where);
        window(from, to, where);
        return new Scenario.Off(program == null ? "" : program, from, to, text(o, "reason", where, true));
    }

    private Scenario.RowChange row(JsonNode r, String where) {
        fields(r, ROW, where);
        String table = text(r, "table", where, true);
        String country = text(r, "country", where, false);
        String hts = text(r, "hts", where, false);
        if (country != null && hts != null) {
            problems.add(where + ": give 'country' or 'hts', not both");
        }
        if (hts != null) {
            hts = hts.replace(".", "");
            if (!hts.matches("\\d{2}(\\d{2}){0,4}")) {
                problems.add(where + ": hts '" + r.get("hts").asText() + "' is not an HTS prefix of 2 to 10 digits");
            }
        }
        boolean remove = r.path("remove").asBoolean(false);
        if (r.has("remove") && !r.get("remove").isBoolean()) {
            problems.add(where + ": 'remove' is true or false");
        }
        String heading = text(r, "heading", where, !remove);
        LocalDate from = date(r, "from", where);
        LocalDate to = date(r, "to", where);
        window(from, to, where);
        return new Scenario.RowChange(table, country, hts, text(r, "origin", where, false), rate(r, where), heading, from,
                to, remove, text(r, "source", where, true));
    }

    private List<JsonNode> list(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.add("'" + field + "' must be a list");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private void fields(JsonNode n, Set<String> allowed, String where) {
        if (!n.isObject()) {
            problems.add(where + ": an entry is an object");
            return;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                problems.add(where + ": unknown field '" + f + "' (fields: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                problems.add(where + ": '" + field + "' is required");
            }
            return null;
        }
        return v.asText().strip();
    }

    private LocalDate date(JsonNode n, String field, String where) {
        String t = text(n, field, where, false);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + field + "' is not a date YYYY-MM-DD: " + t);
            return null;
        }
    }

    private BigDecimal rate(JsonNode n, String where) {
        String t = text(n, "rate", where, false);
        if (t == null) {
            return null;
        }
        try {
            BigDecimal rate = new BigDecimal(t);
            if (rate.signum() >= 0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where + ": rate '" + t + "' is not a percentage such as 25 or 2.5");
        return null;
    }

    private void window(LocalDate from, LocalDate to, String where) {
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(where + ": window is empty: from " + from + " is not before to " + to);
        }
    }
}
