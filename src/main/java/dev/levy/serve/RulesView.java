package dev.levy.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.engine.Precedence;
import dev.levy.engine.RuleInfo;
import dev.levy.engine.RuleSet;
import dev.levy.io.ShipmentReader;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/rules}: what the running rule set is and holds, for a person or the playground's form: its version,
 * the dates it covers, the programs in CBP reporting order, the declarations a shipment may make, the transport modes,
 * and every rule with its citation and where it is written. Everything here comes from the rules folder.
 */
@JsonPropertyOrder({"name", "version", "coversFrom", "coversTo", "phases", "programs", "declarations", "transports",
        "rules"})
public record RulesView(String name, String version, LocalDate coversFrom, LocalDate coversTo, List<String> phases,
                        List<Program> programs, List<Declaration> declarations, List<String> transports,
                        List<Rule> rules) {

    @JsonPropertyOrder({"code", "order", "title"})
    public record Program(String code, int order, String title) {}

    @JsonPropertyOrder({"name", "meaning"})
    public record Declaration(String name, String meaning) {}

    /**
     * A rule and its named precedence: the rules of its phase it {@code overrides} (is tried before, and wins over) and
     * the ones it runs {@code after}, as its {@code @overrides}/{@code @after} name them (omitted when it names none).
     */
    @JsonPropertyOrder({"name", "package", "phase", "overrides", "after", "citation", "message", "file", "line",
            "untestable"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String name, @JsonProperty("package") String packageName, String phase,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> overrides,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> after,
                       String citation, String message, String file, int line, String untestable) {}

    /** The view of a rule set; {@code coversTo} is the last day covered, inclusive. */
    public static RulesView of(RuleSet rules) {
        List<Program> programs = rules.programOrder().entrySet().stream()
                .map(e -> new Program(e.getKey(), e.getValue(), rules.programTitles().get(e.getKey())))
                .sorted(Comparator.comparingInt(Program::order).thenComparing(Program::code)).toList();
        List<Declaration> declarations = rules.declarations().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> new Declaration(e.getKey(), e.getValue())).toList();
        List<Rule> list = rules.rules().values().stream()
                .map(r -> rule(r, rules.precedence().rule(r.name())))
                .sorted(Comparator.comparing(Rule::file).thenComparingInt(Rule::line).thenComparing(Rule::name))
                .toList();
        return new RulesView(rules.name(), rules.version(), rules.coversFrom(), rules.coversTo().minusDays(1),
                rules.phases(), programs, declarations, ShipmentReader.TRANSPORTS, list);
    }

    private static Rule rule(RuleInfo r, Precedence.Rule named) {
        List<Precedence.Ordering> orderings = named == null ? List.of() : named.orderings();
        return new Rule(r.name(), r.packageName(), r.phase(), targets(orderings, Precedence.OVERRIDES),
                targets(orderings, Precedence.AFTER), r.citation(), r.message(), r.file(), r.line(), r.untestable());
    }

    private static List<String> targets(List<Precedence.Ordering> orderings, String key) {
        return orderings.stream().filter(o -> o.key().equals(key)).map(Precedence.Ordering::target).toList();
    }
}
