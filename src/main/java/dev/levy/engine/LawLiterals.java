package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.policy.DrlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The law's particulars written in DRL code instead of data: a date, a Chapter 99 heading, an ISO country code. A date
 * is refused: it belongs in a table ({@code from}, {@code to}, {@code loaded_before}) or a {@code parameters.csv},
 * where the timeline reads it and a source backs it; a heading belongs in a table's heading column, a country in a
 * table keyed by country or a group of {@code country_groups.csv}. Each is refused. Read on code only: comments, the rule's name and its metadata
 * ({@code @citation}, {@code @message}, {@code @untestable}, which may name what they cite in words) do not count.
 */
final class LawLiterals {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HEADING = Pattern.compile("99\\d{2}\\.\\d{2}\\.\\d{2}(\\.\\d{2})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** What precedes a literal that is not code: a rule's name, or a metadata value. */
    private static final Pattern NOT_CODE = Pattern.compile("(?:\\brule|@\\w+\\s*\\()\\s*$");

    private LawLiterals() {}

    /** What a literal written in DRL code names. */
    enum Kind { DATE, HEADING, COUNTRY }

    /** A literal of a law particular in DRL code: its kind, its text and where its opening quote is. */
    record Literal(Kind kind, String text, int offset) {}

    static List<Problem> check(String file, String drl) {
        List<Problem> out = new ArrayList<>();
        for (Literal l : literals(drl)) {
            out.add(switch (l.kind()) {
                case DATE -> Problem.errorAt(file, drl, l.offset(), "the date \"" + l.text() + "\" is written in DRL: put"
                        + " it in a table (from, to, loaded_before) or a parameters.csv with its source, and read it from"
                        + " the row (p.date, w.loadedBefore)");
                case HEADING -> Problem.errorAt(file, drl, l.offset(), "the heading \"" + l.text() + "\" is written in DRL: a"
                        + " table's heading column should carry it");
                case COUNTRY -> Problem.errorAt(file, drl, l.offset(), "the country \"" + l.text() + "\" is written in DRL: a"
                        + " table keyed by country (or a group of country_groups.csv) should name it");
            });
        }
        return out;
    }

    /** The dates, headings and country codes written in the DRL's code (not its comments, rule names or metadata). */
    static List<Literal> literals(String drl) {
        List<Literal> out = new ArrayList<>();
        String code = DrlText.of(drl).code();
        int i = 0;
        while ((i = code.indexOf('"', i)) >= 0) {
            int end = code.indexOf('"', i + 1);
            if (end < 0) {
                break;
            }
            String literal = drl.substring(i + 1, end);
            int lineStart = code.lastIndexOf('\n', i) + 1;
            if (!NOT_CODE.matcher(code.substring(lineStart, i)).find()) {
                if (DATE.matcher(literal).matches()) {
                    out.add(new Literal(Kind.DATE, literal, i));
                } else if (HEADING.matcher(literal).matches()) {
                    out.add(new Literal(Kind.HEADING, literal, i));
                } else if (COUNTRY.matcher(literal).matches() && Countries.isIsoCode(literal)) {
                    out.add(new Literal(Kind.COUNTRY, literal, i));
                }
            }
            i = end + 1;
        }
        return out;
    }
}
