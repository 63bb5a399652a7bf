package dev.levy.policy;

import dev.levy.model.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DRL may name: the fact model and a few value types, nothing else. DRL is code (a consequence is Java, a
 * condition can call any method), so a rule set is checked before it is compiled: every import, every type and every
 * qualified name must be on the allow-list of {@link AllowList}, and the code (comments and string literals blanked)
 * must not reach I/O, the network, processes, reflection, System, threads, class loading or the engine beyond
 * insert/delete, unless {@code ruleset.properties} allows that {@link Category} with {@code policy.allow}. Some
 * things are refused whatever the policy: inexact arithmetic (decimal literals, {@code double}, {@code accumulate}),
 * unicode escapes (Java decodes them before it reads the code, so they could hide a name), text blocks, a package
 * of Java or of a library, and ordering by number ({@code salience}, {@code agenda-group}, {@code activation-group},
 * {@code auto-focus}): the order of rules is named ({@code @overrides}, {@code @after}) and derived by the loader.
 */
public final class RulePolicy {
    /** The key of {@code ruleset.properties} that names the allowed categories, comma-separated. */
    public static final String ALLOW = "policy.allow";

    private static final Pattern PACKAGE = Pattern.compile("^[ \\t]*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^[ \\t]*import\\s+(?:(static|function|accumulate)\\s+)?([\\w.$]+(?:\\s*\\.\\s*\\*)?)[^\\n;]*;?", Pattern.MULTILINE);
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(?:trait\\s+)?([\\w$]+)");
    private static final Pattern BINDING = Pattern.compile("([$\\w]+)\\s*:(?!:)");
    private static final Pattern CHAIN = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)");
    private static final Pattern MEMBER = Pattern.compile("\\.\\s*([A-Za-z_$][\\w$]*)");
    private static final Pattern RULE = Pattern.compile("^\\s*(rule|function|query)\\s+(?:\"([^\"\\n]*)\"|([\\w$]+))",
            Pattern.MULTILINE);
    /** A decimal literal that Java or MVEL reads as a double: 2.5, .5, 1e3, 2d, 2f (MVEL's exact 2.5B is fine). */
    private static final Pattern INEXACT_NUMBER = Pattern.compile(
            "(?<![\\w$.])(?:\\d+\\.\\d*|\\.\\d+|\\d+(?=[eEdDfF]))(?:[eE][+-]?\\d+)?[dDfF]?(?![\\w$.])");
    private static final Pattern MVEL = Pattern.compile("\\bdialect\\s+[\"']mvel[\"']");
    private static final Pattern CLOCK_ATTRIBUTE = Pattern.compile("\\b(date-effective|date-expires)\\b");
    /** Attributes that order rules by number or by engine mechanics instead of by the names of the rules. */
    private static final Pattern ORDER_ATTRIBUTE = Pattern.compile("(?<![\\w-])(salience|agenda-group|activation-group|auto-focus)(?![\\w-])");
    private static final Pattern HOLE = Pattern.compile("\\\\u|\"\"\"");
    /** Packages a rule file must not claim: it would see their package-private types without importing them. */
    private static final Set<String> RESERVED_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "dev", "mvel", "mvel2", "kotlin", "scala", "groovy");

    private final Set<Category> allowed;

    private RulePolicy(Set<Category> allowed) {
        this.allowed = allowed;
    }

    /** Nothing outside the fact model allowed. */
    public static RulePolicy strict() {
        return new RulePolicy(EnumSet.noneOf(Category.class));
    }

    /** The policy of {@code ruleset.properties}; an unknown category is a problem at {@code file}. */
    public static RulePolicy of(Properties props, String file, List<Problem> problems) {
        Set<Category> allowed = EnumSet.noneOf(Category.class);
        String value = props == null ? null : props.getProperty(ALLOW);
        if (value != null) {
            for (String key : value.split(",")) {
                String k = key.strip().toLowerCase();
                if (k.isEmpty()) {
                    continue;
                }
                Category.byKey(k).ifPresentOrElse(allowed::add, () -> problems.add(Problem.error(file, 0, ALLOW + ": '"
                        + k + "' is not a category (" + String.join(", ", Arrays.stream(Category.values())
                        .map(Category::key).toList()) + ")")));
            }
        }
        return new RulePolicy(allowed);
    }

    public Set<Category> allowed() {
        return Set.copyOf(allowed);
    }

    /** The refusals of one DRL file, each at its line and column. */
    public List<Problem> check(String file, String drl) {
        return new Scan(file, drl).run();
    }

    /** One file's scan: collects refusals as it goes. */
    private final class Scan {
        private final String file;
        private final String raw;
        private final String code;
        private final List<Problem> out = new ArrayList<>();
        private final Set<String> names = new TreeSet<>(AllowList.JAVA_LANG);

        Scan(String file, String raw) {
            this.file = file;
            this.raw = raw;
            DrlText text = DrlText.of(raw);
            this.code = text.code();
            if (text.unterminated() >= 0) {
                always(text.unterminated(), "a string or comment that does not end (on this line)");
            }
        }

        List<Problem> run() {
            holes();
            strangeCharacters();
            String rest = packageAndImports();
            declaredNames(rest);
            inexact(rest);
            attributes(rest);
            chains(rest);
            members(rest);
            return out;
        }

        private void holes() {
            Matcher m = HOLE.matcher(raw);
            while (m.find()) {
                always(m.start(), m.group().startsWith("\\")
                        ? "unicode escape \\u...: Java decodes it before reading the code, so it could hide a name; write the character itself"
                        : "text block \"\"\": write ordinary strings");
            }
            Matcher d = MVEL.matcher(raw);
            while (d.find()) {
                refuse(Category.MVEL, d.start(), "dialect \"mvel\"");
            }
        }

        /**
         * Outside strings and comments, only printable ASCII: Java ignores some characters inside identifiers (a soft
         * hyphen in {@code java\u00ADio}), so anything else could hide a name from the scan.
         */
        private void strangeCharacters() {
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c > 126 || (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                    always(i, String.format("character U+%04X outside a string or comment: write code in plain ASCII", (int) c));
                }
            }
        }

        /** Every member access ({@code .name}), wherever it is: after a call, an index or a cast as well. */
        private void members(String rest) {
            Matcher m = MEMBER.matcher(rest);
            while (m.find()) {
                String name = m.group(1);
                Denied.member(name).ifPresent(c -> refuse(c, m.start(1), "." + name + " reaches " + c.what()));
                if (Keyword.INEXACT_MEMBERS.contains(name)) {
                    always(m.start(1), "." + name + " computes in floating point; money stays BigDecimal");
                }
            }
        }

        /** Checks the package and the imports, and returns the code with those lines blanked. */
        private String packageAndImports() {
            StringBuilder rest = new StringBuilder(code);
            Matcher p = PACKAGE.matcher(code);
            while (p.find()) {
                String root = p.group(1).split("\\.")[0];
                if (RESERVED_ROOTS.contains(root)) {
                    always(p.start(1), "package " + p.group(1) + " belongs to Java or a library: give the rules their own"
                            + " package (e.g. levy.mfn)");
                }
                blank(rest, p.start(), p.end());
            }
            Matcher m = IMPORT.matcher(code);
            while (m.find()) {
                importOf(m.group(1), m.group(2).replaceAll("\\s", ""), m.start(2));
                blank(rest, m.start(), m.end());
            }
            return rest.toString();
        }

        private void importOf(String kind, String name, int at) {
            if ("accumulate".equals(kind)) {
                always(at, "import accumulate " + name + ": custom accumulate functions run Java code and compute in"
                        + " doubles");
                return;
            }
            boolean member = kind != null; // import static / import function name a member of a type
            String type = member ? name.substring(0, Math.max(0, name.lastIndexOf('.'))) : name;
            if (type.endsWith(".*")) {
                String pkg = type.substring(0, type.length() - 2);
                if (member ? AllowList.isType(pkg) : AllowList.isPackage(pkg)) {
                    names.addAll(member ? Set.of() : AllowList.typesIn(pkg));
                    return;
                }
            } else if (AllowList.isType(type)) {
                if (!member) {
                    names.add(simple(type));
                }
                String memberName = member ? name.substring(name.lastIndexOf('.') + 1) : null;
                if (memberName == null || !Denied.member(memberName).isPresent()) {
                    return;
                }
            }
            refuse(Denied.category(type), at, "import " + (member ? kind + " " : "") + name + " reaches "
                    + type + ", outside the fact model (allowed: " + AllowList.describe() + ")");
        }

        /** Types declared in the DRL and binding names: names the code may use, unless they shadow java.lang. */
        private void declaredNames(String rest) {
            Matcher d = DECLARE.matcher(rest);
            while (d.find()) {
                String name = d.group(1);
                if (AllowList.shadowsJavaLang(name) || Denied.simpleName(name).isPresent()) {
                    always(d.start(1), "declare " + name + ": the name of a Java class; choose another");
                } else {
                    names.add(name);
                }
            }
            Matcher b = BINDING.matcher(rest);
            while (b.find()) {
                String name = b.group(1);
                if (!AllowList.shadowsJavaLang(name) && Denied.simpleName(name).isEmpty()) {
                    names.add(name);
                }
            }
        }

        private void inexact(String rest) {
            Matcher m = INEXACT_NUMBER.matcher(rest);
            while (m.find()) {
                always(m.start(), "number " + m.group() + " is a double: put rates in a table, or write new BigDecimal(\""
                        + m.group().replaceAll("[dDfF]$", "") + "\")");
            }
        }

        private void attributes(String rest) {
            Matcher m = CLOCK_ATTRIBUTE.matcher(rest);
            while (m.find()) {
                refuse(Category.SYSTEM, m.start(), m.group() + " reads the machine's clock: compare regimeDate instead");
            }
            Matcher o = ORDER_ATTRIBUTE.matcher(rest);
            while (o.find()) {
                always(o.start(), o.group() + " orders rules by number or by engine mechanics: say which rule this one"
                        + " overrides with @overrides(\"Rule name\"), or runs after with @after(\"Rule name\"); the loader"
                        + " derives the order (rules/README.md, Precedence)");
            }
        }

        private void chains(String rest) {
            Matcher m = CHAIN.matcher(rest);
            while (m.find()) {
                List<String> parts = Arrays.stream(m.group(1).split("\\.")).map(String::strip).toList();
                chain(parts, m.start(1), followedBy(rest, m.end()));
            }
        }

        private char followedBy(String rest, int end) {
            int i = end;
            while (i < rest.length() && Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            return i < rest.length() ? rest.charAt(i) : ' ';
        }

        private void chain(List<String> parts, int at, char next) {
            String first = parts.get(0);
            String shown = String.join(".", parts);
            if (RESERVED_ROOTS.contains(first) && parts.size() > 1) {
                qualified(parts, at);
            } else if (Keyword.of(first, next, parts.size()).isPresent()) {
                Keyword k = Keyword.of(first, next, parts.size()).get();
                report(k.category(), at, shown + ": " + k.why());
            } else if (Character.isUpperCase(first.charAt(0)) && !names.contains(first)) {
                report(Denied.simpleName(first).orElse(Category.TYPES), at, "type " + first
                        + " is not one the rules may use (allowed: " + AllowList.describe() + ")");
            } else if ((first.equals("kcontext") || first.equals("drools")) && parts.size() > 1
                    && !AllowList.CONTEXT_MEMBERS.contains(parts.get(1))) {
                refuse(Category.KIE_RUNTIME, at, shown + ": a rule may use " + first + " only to insert and delete facts");
            }
        }

        /** A name such as {@code java.io.File}: its type must be on the allow-list. */
        private void qualified(List<String> parts, int at) {
            int t = 0;
            while (t < parts.size() && !Character.isUpperCase(parts.get(t).charAt(0))) {
                t++;
            }
            String pkg = String.join(".", parts.subList(0, Math.min(t, parts.size())));
            if (t == parts.size()) {
                refuse(Denied.category(pkg + ".?"), at, pkg + " names a package outside the fact model");
                return;
            }
            String type = pkg + "." + parts.get(t);
            if (!AllowList.isType(type)) {
                refuse(Denied.category(type), at, type + " is outside the fact model (allowed: " + AllowList.describe()
                        + ")");
            }
        }

        private void report(Category c, int at, String message) {
            if (c == null) {
                always(at, message);
            } else {
                refuse(c, at, message);
            }
        }

        private void refuse(Category c, int at, String message) {
            if (!allowed.contains(c)) {
                add(at, message + " [" + c.key() + ": refused unless " + ALLOW + " in ruleset.properties names "
                        + c.key() + "]");
            }
        }

        private void always(int at, String message) {
            add(at, message);
        }

        private void add(int at, String message) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at && i < raw.length(); i++) {
                if (raw.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String where = enclosing(at);
            Problem p = new Problem(Problem.Severity.ERROR, file, line, at - lineStart + 1,
                    (where == null ? "" : where + ": ") + "refused: " + message);
            if (out.stream().noneMatch(q -> q.line() == p.line() && q.message().equals(p.message()))) {
                out.add(p);
            }
        }

        /** The rule, function or query the offset is in, as {@code rule "name"}, or null. */
        private String enclosing(int at) {
            Matcher m = RULE.matcher(raw);
            String found = null;
            while (m.find() && m.start() <= at) {
                found = m.group(1) + " " + (m.group(2) != null ? "\"" + m.group(2) + "\"" : m.group(3));
            }
            return found;
        }
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static void blank(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '\n') {
                s.setCharAt(i, ' ');
            }
        }
    }
}
