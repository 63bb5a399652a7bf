package dev.levy.engine;

import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Reads the metadata every rule carries: {@code @citation} (the legal instrument) and {@code @message} (a plain-words
 * template such as {@code "Goods of {s.origin} pay {r.rate:pct}"}). The one place that knows how Drools returns
 * metadata values (with or without quotes, depending on the build mode).
 */
public final class RuleMetadata {
    public static final String CITATION = "citation";
    public static final String MESSAGE = "message";
    /** Why no real shipment can fire a rule today (e.g. no HTS line meets its condition): excuses it from coverage. */
    public static final String UNTESTABLE = "untestable";
    /** The day a retroactive rule was published: the law as known before that day does not have it. */
    public static final String KNOWN = "known";

    private RuleMetadata() {}

    public static String get(Rule rule, String key) {
        Map<String, Object> meta = rule.getMetaData();
        Object v = meta == null ? null : meta.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    public static String citation(Rule rule) {
        return get(rule, CITATION);
    }

    /**
     * The firing rule's citation, filled with the facts of its match: a rule over a table cites the row's source
     * ({@code @citation("{w.source}")}).
     */
    public static String citation(RuleContext ctx) {
        String template = get(ctx.getRule(), CITATION);
        return template == null || template.indexOf('{') < 0 ? template
                : MessageTemplate.of(template).render(ctx.getMatch()::getDeclarationValue);
    }

    public static String renderCitation(Rule rule, Match match) {
        String template = get(rule, CITATION);
        return template == null || template.indexOf('{') < 0 ? template
                : MessageTemplate.of(template).render(match::getDeclarationValue);
    }

    /** The firing rule's message, filled with the facts of its match. */
    public static String message(RuleContext ctx) {
        return render(ctx.getRule(), ctx.getMatch());
    }

    public static String render(Rule rule, Match match) {
        String template = get(rule, MESSAGE);
        return template == null ? rule.getName() : MessageTemplate.of(template).render(match::getDeclarationValue);
    }
}
