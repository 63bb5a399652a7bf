package dev.levy.engine;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rule's {@code @message}: text with placeholders {@code {binding.property}} or {@code {binding.property:format}}
 * that name a fact the rule binds ({@code s : Shipment(...)}) and one of its properties. Formats: {@code usd}
 * ({@code $30,000.00}) and {@code pct} ({@code 25%}). Parsed once per template and cached.
 */
public final class MessageTemplate {
    private static final Map<String, MessageTemplate> CACHE = new ConcurrentHashMap<>();
    /** Per fact class, property name to getter (empty when the class has none): no string built per look-up. */
    private static final ClassValue<Map<String, Optional<Method>>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final List<Object> parts;

    private MessageTemplate(List<Object> parts) {
        this.parts = parts;
    }

    public static MessageTemplate of(String template) {
        return CACHE.computeIfAbsent(template, MessageTemplate::parse);
    }

    /** Placeholder problems of a template (unclosed brace, malformed name, unknown format), for the linter. */
    public static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int end = template.indexOf('}', i);
            if (end < 0) {
                problems.add("unclosed '{' in message");
                break;
            }
            String p = template.substring(i + 1, end);
            if (!p.matches("[A-Za-z_$][\\w$]*\\.[A-Za-z_]\\w*(:(usd|pct))?")) {
                problems.add("placeholder {" + p + "} is not {binding.property} or {binding.property:usd|pct}");
            }
            i = end + 1;
        }
        return problems;
    }

    private static MessageTemplate parse(String template) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                parts.add(template.substring(i));
                break;
            }
            parts.add(template.substring(i, open));
            parts.add(Placeholder.parse(template.substring(open + 1, close)));
            i = close + 1;
        }
        return new MessageTemplate(List.copyOf(parts));
    }

    /** Fills the placeholders; {@code bindings} maps a binding name to its fact (null when unbound). */
    public String render(Function<String, Object> bindings) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                out.append(p.render(bindings));
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    /** The placeholders of the template, in order. */
    public List<Placeholder> placeholders() {
        return parts.stream().filter(Placeholder.class::isInstance).map(Placeholder.class::cast).toList();
    }

    /** {@code {binding.property:format}}; {@code text} is what stands between the braces. */
    public record Placeholder(String text, String binding, String property, String format) {
        static Placeholder parse(String text) {
            String[] nameAndFormat = text.split(":", 2);
            String[] bindingAndProperty = nameAndFormat[0].split("\\.", 2);
            return new Placeholder(text, bindingAndProperty[0], bindingAndProperty.length > 1 ? bindingAndProperty[1] : null,
                    nameAndFormat.length > 1 ? nameAndFormat[1] : "");
        }

        String render(Function<String, Object> bindings) {
            Object fact = property == null ? null : bindings.apply(binding);
            if (fact == null) {
                return "{" + text + "}";
            }
            return MessageTemplate.format(read(fact, property), format);
        }
    }

    private static Object read(Object fact, String property) {
        Optional<Method> getter = GETTERS.get(fact.getClass())
                .computeIfAbsent(property, k -> getter(fact.getClass(), property));
        if (getter.isEmpty()) {
            return "{?" + property + "}";
        }
        try {
            return getter.get().invoke(fact);
        } catch (ReflectiveOperationException e) {
            return "{?" + property + "}";
        }
    }

    /** The public getter a placeholder {@code {x.property}} reads on a fact of {@code type}: getX, isX or property(). */
    static Optional<Method> getter(Class<?> type, String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + cap, "is" + cap, property)) {
            try {
                Method m = type.getMethod(name);
                if (m.getReturnType() != void.class) {
                    m.setAccessible(true);
                    return Optional.of(m);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // try the next naming convention
            }
        }
        return Optional.empty();
    }

    /** The properties a placeholder can read on a fact of {@code type} (its public getters), for did-you-mean. */
    static Set<String> properties(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() != 0 || m.getReturnType() == void.class || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String bare = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n.startsWith("is") && n.length() > 2
                    ? n.substring(2) : null;
            if (bare != null) {
                out.add(Character.toLowerCase(bare.charAt(0)) + bare.substring(1));
            }
        }
        return out;
    }

    static String format(Object value, String format) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof BigDecimal d) {
            return switch (format) {
                case "usd" -> usd(d);
                case "pct" -> percent(d) + "%";
                default -> percent(d);
            };
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** {@code $30,000.00}. */
    public static String usd(BigDecimal amount) {
        String plain = amount.abs().setScale(2, RoundingMode.HALF_UP).toPlainString();
        StringBuilder out = new StringBuilder(plain.length() + 8).append(amount.signum() < 0 ? "-$" : "$");
        int whole = plain.length() - 3;
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, whole, plain.length()).toString();
    }

    /** A number without trailing zeros: {@code 25}, {@code 2.5}. */
    public static String percent(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
