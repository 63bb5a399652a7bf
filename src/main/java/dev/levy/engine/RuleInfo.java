package dev.levy.engine;

/**
 * What the rule set knows about one rule: its metadata and where it is written.
 *
 * @param phase    the agenda group the rule runs in
 * @param file     the DRL file as the analyst knows it
 * @param line     the line of {@code rule "..."} in that file
 * @param untestable why no real shipment can fire the rule today ({@code @untestable("...")}), or null: such a rule is
 *                 excused from the coverage gate, and the reason is reported instead
 * @param known    the day the rule's law was published ({@code @known("YYYY-MM-DD")}) when it applies retroactively to
 *                 entries before that day; null when it was known from the dates it tests. The law as known on an
 *                 earlier day does not have the rule
 */
public record RuleInfo(String packageName, String name, String citation, String message, String phase, int salience,
                       String file, int line, String untestable, java.time.LocalDate known) {

    public RuleInfo(String packageName, String name, String citation, String message, String phase, int salience,
                    String file, int line, String untestable) {
        this(packageName, name, citation, message, phase, salience, file, line, untestable, null);
    }

    /** Whether the rule is part of the law as known on {@code asKnown} (null: the final schedule, which has every rule). */
    public boolean knownOn(java.time.LocalDate asKnown) {
        return asKnown == null || known == null || !asKnown.isBefore(known);
    }
}
