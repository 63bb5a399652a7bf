package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.policy.DrlText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string literals of DRL that name a program or a declaration, each checked against {@code programs.csv} and
 * {@code declarations.csv}: a misspelt one compiles, matches nothing and silently drops a duty or an exception. Read
 * on the code with comments and string contents blanked ({@link DrlText}), so a comment never counts, and reported at
 * the literal's line and column with the nearest known names.
 *
 * <p>Where a program is expected: {@code program ==}/{@code !=} a literal, {@code program in (...)}, the prefix of
 * {@code program.startsWith(...)} (or {@code getProgram()}), the third argument of {@code Duty.of(...)} and of the
 * four-argument {@code Exemption.of(kcontext, s, PROGRAM, heading)}. Where a declaration is expected:
 * {@code declarations contains} a literal, {@code getDeclarations().contains(...)}.
 */
final class DrlLiterals {
    private static final String PROGRAM = "(?<![\\w$])(?:program|getProgram\\s*\\(\\s*\\))";
    private static final Pattern PROGRAM_EQUALS = Pattern.compile(PROGRAM
            + "\\s*(?:(?:==|!=)\\s*|\\.\\s*equals\\s*\\(\\s*)(?=\")");
    private static final Pattern PROGRAM_IN = Pattern.compile(PROGRAM + "\\s+(?:not\\s+)?in\\s*\\(");
    private static final Pattern PROGRAM_PREFIX = Pattern.compile(PROGRAM + "\\s*\\.\\s*startsWith\\s*\\(\\s*(?=\")");
    private static final Pattern DUTY_OF = Pattern.compile("(?<![\\w$.])Duty\\s*\\.\\s*of\\s*\\(");
    private static final Pattern EXEMPTION_OF = Pattern.compile("(?<![\\w$.])Exemption\\s*\\.\\s*of\\s*\\(");
    private static final Pattern DECLARATION = Pattern.compile(
            "(?<![\\w$])(?:declarations\\s+(?:not\\s+)?contains\\s*|getDeclarations\\s*\\(\\s*\\)\\s*\\.\\s*contains\\s*\\(\\s*)(?=\")");

    private final String file;
    private final String raw;
    private final String code;
    private final Set<String> programs;
    private final Set<String> declarations;
    private final List<Problem> out = new ArrayList<>();

    private DrlLiterals(String file, String raw, Set<String> programs, Set<String> declarations) {
        this.file = file;
        this.raw = raw;
        this.code = DrlText.of(raw).code();
        this.programs = programs;
        this.declarations = declarations;
    }

    /** The program and declaration literals of one DRL file that are not in the rule set's lists. */
    static List<Problem> check(String file, String drl, Set<String> programs, Set<String> declarations) {
        return new DrlLiterals(file, drl, programs, declarations).run();
    }

    private List<Problem> run() {
        Matcher m = PROGRAM_EQUALS.matcher(code);
        while (m.find()) {
            program(m.end());
        }
        m = PROGRAM_IN.matcher(code);
        while (m.find()) {
            int close = closing(m.end() - 1);
            literalsAtTopLevel(m.end(), close).forEach(this::program);
        }
        m = PROGRAM_PREFIX.matcher(code);
        while (m.find()) {
            programPrefix(m.end());
        }
        m = DUTY_OF.matcher(code);
        while (m.find()) {
            List<int[]> args = arguments(m.end() - 1);
            if (args.size() >= 3) {
                literalsAtTopLevel(args.get(2)[0], args.get(2)[1]).forEach(this::program);
            }
        }
        m = EXEMPTION_OF.matcher(code);
        while (m.find()) {
            List<int[]> args = arguments(m.end() - 1);
            if (args.size() == 4) { // Exemption.of(kcontext, shipment, program, heading)
                literalsAtTopLevel(args.get(2)[0], args.get(2)[1]).forEach(this::program);
            }
        }
        m = DECLARATION.matcher(code);
        while (m.find()) {
            String name = literal(m.end());
            if (!declarations.contains(name)) {
                out.add(Problem.errorAt(file, raw, m.end(), "declaration \"" + name + "\" is not in "
                        + RuleSetLoader.DECLARATIONS + Names.didYouMean(name, declarations)
                        + ": the rule would never see it declared"));
            }
        }
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return out;
    }

    /** The literal opening at {@code quote} names a program. */
    private void program(int quote) {
        String name = literal(quote);
        if (!programs.contains(name)) {
            out.add(Problem.errorAt(file, raw, quote, "program \"" + name + "\" is not in " + RuleSetLoader.PROGRAMS
                    + Names.didYouMean(name, programs) + ": the rule would never match it"));
        }
    }

    /** The literal opening at {@code quote} is the start of a program code. */
    private void programPrefix(int quote) {
        String prefix = literal(quote);
        if (programs.stream().noneMatch(p -> p.startsWith(prefix))) {
            Set<String> starts = new TreeSet<>();
            programs.forEach(p -> { // the whole code and each of its leading words: SECTION, SECTION_232, ...
                starts.add(p);
                for (int end = p.indexOf('_'); end > 0; end = p.indexOf('_', end + 1)) {
                    starts.add(p.substring(0, end));
                }
            });
            out.add(Problem.errorAt(file, raw, quote, "no program of " + RuleSetLoader.PROGRAMS + " starts with \""
                    + prefix + "\"" + Names.didYouMean(prefix, starts) + ": the rule would never match one"));
        }
    }

    /** The text of the string literal whose opening quote is at {@code quote}. */
    private String literal(int quote) {
        int close = code.indexOf('"', quote + 1); // contents are blanked: the next quote closes it
        return raw.substring(quote + 1, close < 0 ? raw.length() : close);
    }

    /** Offsets of the opening quotes of the literals in {@code [from, to)} outside any nested parentheses. */
    private List<Integer> literalsAtTopLevel(int from, int to) {
        List<Integer> quotes = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '"') {
                if (depth == 0) {
                    quotes.add(i);
                }
                int close = code.indexOf('"', i + 1);
                i = close < 0 ? to : close;
            }
        }
        return quotes;
    }

    /** The offset of the parenthesis closing the one at {@code open}, or the end of the code. */
    private int closing(int open) {
        return DrlText.closing(code, open);
    }

    /** The {@code [start, end)} of each argument of the call whose parenthesis opens at {@code open}. */
    private List<int[]> arguments(int open) {
        List<int[]> args = new ArrayList<>();
        int close = closing(open);
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (close > open + 1 && !code.substring(start, close).isBlank()) {
            args.add(new int[] {start, close});
        }
        return args;
    }
}
