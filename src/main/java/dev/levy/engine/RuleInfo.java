package dev.levy.engine;

/**
 * What the rule set knows about one rule: its metadata and where it is written.
 *
 * @param phase    the agenda group the rule runs in
 * @param file     the DRL file as the analyst knows it
 * @param line     the line of {@code rule "..."} in that file
 * @param untestable why no real shipment can fire the rule today ({@code @untestable("...")}), or null: such a rule is
 *                 excused from the coverage gate, and the reason is reported instead
 */
public record RuleInfo(String packageName, String name, String citation, String message, String phase, int salience,
                       String file, int line, String untestable) {
}
