package dev.levy.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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

    @JsonPropertyOrder({"name", "package", "phase", "salience", "citation", "message", "file", "line", "untestable"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String name, @JsonProperty("package") String packageName,
                       String phase, int salience, String citation, String message, String file, int line,
                       String untestable) {}

    /** The view of a rule set; {@code coversTo} is the last day covered, inclusive. */
    public static RulesView of(RuleSet rules) {
        List<Program> programs = rules.programOrder().entrySet().stream()
                .map(e -> new Program(e.getKey(), e.getValue(), rules.programTitles().get(e.getKey())))
                .sorted(Comparator.comparingInt(Program::order).thenComparing(Program::code)).toList();
        List<Declaration> declarations = rules.declarations().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> new Declaration(e.getKey(), e.getValue())).toList();
        List<Rule> list = rules.rules().values().stream()
                .map(RulesView::rule)
                .sorted(Comparator.comparing(Rule::file).thenComparingInt(Rule::line).thenComparing(Rule::name))
                .toList();
        return new RulesView(rules.name(), rules.version(), rules.coversFrom(), rules.coversTo().minusDays(1),
                rules.phases(), programs, declarations, ShipmentReader.TRANSPORTS, list);
    }

    private static Rule rule(RuleInfo r) {
        return new Rule(r.name(), r.packageName(), r.phase(), r.salience(), r.citation(), r.message(), r.file(),
                r.line(), r.untestable());
    }
}
