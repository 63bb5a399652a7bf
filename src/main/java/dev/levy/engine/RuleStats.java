package dev.levy.engine;

import dev.levy.policy.DrlText;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures of a rules folder's shape, read from its text alone, so that they can be taken of any folder, an old one that
 * no longer loads included: how many rules, how many distinct rule and consequence shapes ({@link RuleShapes}), how
 * many lines of DRL and of tables, how many {@code salience} keywords, law literals ({@link LawLiterals}) and pairs of
 * rules that differ only in literals.
 */
public record RuleStats(int rules, int ruleShapes, int consequenceShapes, int drlFiles, int drlLines, int csvFiles,
                        int csvLines, int saliences, int dates, int headings, int countries, int sameShapePairs) {
    private static final Pattern SALIENCE = Pattern.compile("\\bsalience\\b");

    public static RuleStats of(RuleSource source) {
        int rules = 0;
        int drlFiles = 0;
        int drlLines = 0;
        int csvFiles = 0;
        int csvLines = 0;
        int saliences = 0;
        Set<String> shapes = new HashSet<>();
        Set<String> consequences = new HashSet<>();
        Map<LawLiterals.Kind, Integer> literals = new EnumMap<>(LawLiterals.Kind.class);
        Map<String, String> drl = new java.util.TreeMap<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            String text = f.getValue();
            if (f.getKey().endsWith(".drl")) {
                drl.put(f.getKey(), text);
                drlFiles++;
                drlLines += (int) text.lines().count();
                List<RuleShapes.Shape> inFile = RuleShapes.shapes(f.getKey(), text);
                rules += inFile.size();
                inFile.forEach(s -> {
                    shapes.add(s.phase() + "\n" + s.shape());
                    consequences.add(s.consequence());
                });
                Matcher m = SALIENCE.matcher(DrlText.of(text).code());
                while (m.find()) {
                    saliences++;
                }
                LawLiterals.literals(text).forEach(l -> literals.merge(l.kind(), 1, Integer::sum));
            } else if (f.getKey().endsWith(".csv")) {
                csvFiles++;
                csvLines += (int) text.lines().count();
            }
        }
        int pairs = RuleShapes.check(drl, rel -> rel).size();
        return new RuleStats(rules, shapes.size(), consequences.size(), drlFiles, drlLines, csvFiles, csvLines, saliences,
                literals.getOrDefault(LawLiterals.Kind.DATE, 0), literals.getOrDefault(LawLiterals.Kind.HEADING, 0),
                literals.getOrDefault(LawLiterals.Kind.COUNTRY, 0), pairs);
    }

    /** One measure a line, for a person (and for a diff of two folders' measures). */
    public String text() {
        return String.join("\n",
                "rules                              " + rules,
                "distinct rule shapes               " + ruleShapes,
                "distinct consequence shapes        " + consequenceShapes,
                "rules differing only in literals   " + sameShapePairs + " (each from an earlier rule of its phase)",
                "DRL files, lines                   " + drlFiles + ", " + drlLines,
                "tables (CSV) files, lines          " + csvFiles + ", " + csvLines,
                "salience keywords in DRL           " + saliences,
                "literals in DRL code: dates        " + dates,
                "                      headings     " + headings,
                "                      countries    " + countries) + "\n";
    }
}
