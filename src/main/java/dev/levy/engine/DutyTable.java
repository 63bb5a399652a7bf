package dev.levy.engine;

import dev.levy.model.Shipment;
import java.util.List;
import java.util.Set;

/**
 * What a listed duty table imposes ({@code duties/listed_duties.csv}): a shipment matched by a row of the table pays
 * {@code program}'s duty at the row's rate under the row's heading, on {@code basis}, when its origin is one of
 * {@code origins} (empty: any origin). One generic rule per basis reads it ({@code duties/listed_duties.drl}), so a
 * new listed duty is rows, never a rule.
 *
 * @param table       the table whose rows impose the duty
 * @param program     the program whose duty it is (a code of {@code programs.csv})
 * @param basis       {@link #FULL_VALUE}, or the metal whose declared content is the basis ({@link #CONTENTS})
 * @param origins     the countries whose products pay it (a group of {@code country_groups.csv} expanded); empty: any
 * @param declaration the declaration a shipment must make for it ({@code declarations.csv}); null: none
 * @param undeclaredReported whether a shipment the table lists that does not make the declaration is told so in a
 *                    not-applied record: where the declaration is a fact about the article that its HTS number does not
 *                    give (a ship-to-shore crane among the cranes of its subheading), not an act of the importer's own
 *                    (a certification), whose absence decides the law
 * @param unless      tables whose row, matching the shipment and for its origin, takes the duty's place (a more
 *                    specific listing: a vehicle, not its parts); empty: none
 * @param description what a listed article is, in words, for the rule's message ("a steel article of Proclamation 9705")
 * @param source      the legal source of the listing, by its id in {@code sources.csv}
 */
public record DutyTable(String table, String program, String basis, Set<String> origins, String declaration,
                        boolean undeclaredReported, Set<String> unless, String description, Source source) {
    /** {@code undeclared}: a shipment that does not make the declaration gets a not-applied record saying so. */
    public static final String REPORTED = "reported";
    /** {@code undeclared}: the declaration is the importer's own act (a certification): its absence decides. */
    public static final String DECIDES = "decides";
    /** The values of {@code undeclared} in a table with a declaration. */
    public static final List<String> UNDECLARED = List.of(REPORTED, DECIDES);

    /** The duty is charged on the shipment's full value. */
    public static final String FULL_VALUE = "value";
    /** The metals whose declared content can be a duty's basis: each a content field of the shipment. */
    public static final Set<String> CONTENTS = Shipment.METALS;
}
