package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.policy.DrlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two rules of one phase that differ only in literals are one kind of law written twice: the second copy should be a
 * row of the first one's table. A rule's shape is its code with comments, its name and its metadata removed, every
 * string and number literal replaced by a placeholder and its bindings renamed in order of appearance
 * ({@code s}, {@code d} become {@code $1}, {@code $2}); two rules with equal shapes in one phase are reported, naming
 * both: an error, as every copy is a row of a table now.
 */
final class RuleShapes {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\s*$");
    private static final Pattern PHASE = Pattern.compile("ruleflow-group\\s+\"([^\"]*)\"");
    private static final Pattern METADATA = Pattern.compile("@\\w+\\s*\\(\\s*\"[^\"]*\"\\s*\\)");
    private static final Pattern BINDING = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\s*:(?!=)");

    private RuleShapes() {}

    private static final Pattern THEN = Pattern.compile("\\bthen\\b");

    /** A rule as written: where it is, its phase, its shape and the shape of its consequence alone. */
    record Shape(String file, int line, String rule, String phase, String shape, String consequence) {}

    static List<Problem> check(Map<String, String> drl, UnaryOperator<String> display) {
        Map<String, Shape> seen = new LinkedHashMap<>();
        List<Problem> out = new ArrayList<>();
        drl.forEach((rel, text) -> {
            for (Shape s : shapes(display.apply(rel), text)) {
                Shape first = seen.putIfAbsent(s.phase() + "\n" + s.shape(), s);
                if (first != null) {
                    out.add(Problem.error(s.file(), s.line(), "rule \"" + s.rule() + "\" differs from \"" + first.rule()
                            + "\" (" + first.file() + ":" + first.line() + ") only in literals: one rule over a table"
                            + " should hold both"));
                }
            }
        });
        return out;
    }

    static List<Shape> shapes(String file, String text) {
        List<Shape> out = new ArrayList<>();
        String code = DrlText.of(text).code();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            if (!code.startsWith("rule", text.indexOf("rule", m.start()))) {
                continue; // inside a comment
            }
            Matcher end = END.matcher(code);
            if (!end.find(m.end())) {
                break;
            }
            String body = text.substring(m.end(), end.start());
            Matcher phase = PHASE.matcher(body);
            String group = phase.find() ? phase.group(1) : "";
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            Matcher then = THEN.matcher(DrlText.of(body).code());
            out.add(new Shape(file, line, m.group(1), group, shape(body), then.find() ? shape(body.substring(then.start())) : ""));
        }
        return out;
    }

    /** The rule's body without comments and metadata, literals and bindings replaced by placeholders. */
    static String shape(String body) {
        String code = METADATA.matcher(body).replaceAll("");
        DrlText blanked = DrlText.of(code);
        StringBuilder s = new StringBuilder();
        String c = blanked.code();
        for (int i = 0; i < c.length(); i++) {
            if (c.charAt(i) == '"') {
                int end = c.indexOf('"', i + 1);
                s.append("\"?\"");
                i = end < 0 ? c.length() : end;
            } else {
                s.append(c.charAt(i));
            }
        }
        String out = s.toString().replaceAll("(?<![\\w.])\\d+(\\.\\d+)?(?![\\w])", "#");
        Matcher b = BINDING.matcher(out);
        List<String> names = new ArrayList<>();
        while (b.find()) {
            if (!names.contains(b.group(1))) {
                names.add(b.group(1));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            out = out.replaceAll("(?<![\\w$.])" + Pattern.quote(names.get(i)) + "(?![\\w$])", Matcher.quoteReplacement("$" + (i + 1)));
        }
        return out.replaceAll("\\s+", " ").strip();
    }
}
