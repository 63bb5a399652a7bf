package dev.levy.engine;

import java.time.LocalDate;

/**
 * A court's holding that the measures of a program are unlawful ({@code rulings.csv}). Measures of the program carry the
 * holding's citation as {@code invalidated}; where relief is available to every importer of record, the program's duty
 * is refundable: what the entry owes with the program removed and the rest recomputed is its duty after the ruling.
 *
 * @param program      the program code held unlawful
 * @param holding      the holding in plain words
 * @param decided      the day of the holding: the law as known before it has no such holding
 * @param reliefForAll whether relief is available to every importer (else only to the parties, whom Levy cannot know)
 * @param citation     the holding, as {@code sources.csv} cites it
 * @param relief       the order or guidance that makes relief available, as {@code sources.csv} cites it
 */
public record Ruling(String program, String holding, LocalDate decided, boolean reliefForAll, String citation,
                     String relief) {

    /** Whether the law as known on {@code day} has the holding; null is the final schedule, which has every one. */
    public boolean knownOn(LocalDate day) {
        return day == null || !decided.isAfter(day);
    }
}
