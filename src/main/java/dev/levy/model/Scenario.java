package dev.levy.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A named what-if on the law: programs switched off from a date, and table rows overridden, with the citation that
 * motivates it (a court ruling, an analyst's hypothesis). Read from {@code rules/scenarios/NAME.yaml} or any YAML or JSON
 * file by {@code scenario.ScenarioLoader}. Immutable.
 *
 * @param name     how results and reports name the scenario ({@code ieepa-invalidated})
 * @param title    the scenario in a few plain words
 * @param citation the instrument, ruling or hypothesis behind it: every not-applied record it makes cites it
 * @param off      programs not owed, each for entries in a window
 * @param rows     table rows replaced, removed or added, each for entries in a window
 */
public record Scenario(String name, String title, String citation, List<Off> off, List<RowChange> rows) {

    /**
     * A program switched off for entries on or after 12:01 a.m. on {@code from} and before 12:01 a.m. on {@code to}
     * (either end open when null), with the reason in plain words.
     */
    public record Off(String program, LocalDate from, LocalDate to, String reason) {
        public boolean covers(String program, LocalDate regimeDate) {
            return this.program.equals(program) && inWindow(from, to, regimeDate);
        }
    }

    /**
     * A change to one table for the shipments it matches (by {@code origin} when given) whose regime date is in its window:
     * the table's rows with the same key ({@code country}, {@code hts} digits, or none) are removed, and unless
     * {@code remove} is set the row given here takes their place.
     */
    public record RowChange(String table, String country, String hts, String origin, BigDecimal rate, String heading,
                            LocalDate from, LocalDate to, boolean remove, String source) {

        /** The key of the rows it replaces: the country, the HTS digits, or null for an unkeyed table. */
        public String key() {
            return country != null ? country : hts;
        }

        public boolean matches(String shipmentOrigin, String htsDigits, LocalDate regimeDate) {
            if (origin != null && !origin.equals(shipmentOrigin)) {
                return false;
            }
            if (country != null && !country.equals(shipmentOrigin)) {
                return false;
            }
            if (hts != null && !htsDigits.startsWith(hts)) {
                return false;
            }
            return inWindow(from, to, regimeDate);
        }
    }

    /** The program's switch, if the scenario switches it off for this regime date. */
    public Off offFor(String program, LocalDate regimeDate) {
        for (Off o : off) {
            if (o.covers(program, regimeDate)) {
                return o;
            }
        }
        return null;
    }

    static boolean inWindow(LocalDate from, LocalDate to, LocalDate d) {
        return (from == null || !d.isBefore(from)) && (to == null || d.isBefore(to));
    }
}
