package dev.levy.engine;

import java.time.LocalDate;
import java.util.Set;

/**
 * How two additional-duty programs relate on one entry line, from {@code stacking_matrix.csv}: the rule set's
 * declaration of the stacking law, which tests check every evaluation against.
 */
public record StackingRelation(String program, String other, Relation relation, Set<String> origins, LocalDate from,
                               LocalDate to, String source) {

    public enum Relation {
        /** Both apply, each on its own basis. */
        STACKS,
        /** {@code program} applies and {@code other} does not. */
        EXCLUDES,
        /** {@code program} takes part of the value; {@code other} applies to the rest. */
        SPLITS,
        /** They never meet on one line. */
        DISJOINT
    }

    public boolean appliesTo(String origin, LocalDate regimeDate) {
        return (origins.isEmpty() || origins.contains(origin)) && inForceOn(regimeDate);
    }

    public boolean inForceOn(LocalDate regimeDate) {
        return (from == null || !regimeDate.isBefore(from)) && (to == null || regimeDate.isBefore(to));
    }

    public boolean concerns(String a, String b) {
        return program.equals(a) && other.equals(b) || program.equals(b) && other.equals(a);
    }
}
