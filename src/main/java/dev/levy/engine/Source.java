package dev.levy.engine;

import java.util.List;

/**
 * A legal source of {@code sources.csv}, cited by id from table rows and parameters: the citation text shown in
 * messages and traces, a link to the instrument, and how sure the rules are of it.
 *
 * @param id         the id rows name in their {@code source} column
 * @param citation   the instrument, section and heading in words, as messages print it
 * @param link       where to read it (empty when there is no stable address)
 * @param confidence {@code high} when read from the instrument; {@code medium} when a date or scope is inferred or taken
 *                   from a secondary source
 */
public record Source(String id, String citation, String link, String confidence) {
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";

    /** This source's id when it is of medium confidence, as a record lists its medium sources; else none. */
    public List<String> mediumIds() {
        return MEDIUM.equals(confidence) ? List.of(id) : List.of();
    }

    /** The source of a scenario's row: the scenario's own citation, not a law in force. */
    static Source ofScenario(String scenario, String citation) {
        return new Source("scenario:" + scenario, citation, "", MEDIUM);
    }
}
