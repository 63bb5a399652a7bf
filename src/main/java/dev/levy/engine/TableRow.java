package dev.levy.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a reference table under {@code rules/}, as loaded. Rows are matched to a shipment by key (an HTS prefix,
 * a country, or nothing) and by their window: in force for entries on or after 12:01 a.m. on {@code from} and before
 * 12:01 a.m. on {@code to} (either end open when null).
 *
 * @param table    the table's name: its file name without {@code .csv}
 * @param key      HTS digits, a country code, or null for a row that applies to every shipment
 * @param rate     percent, or null in a table without rates
 * @param heading  the Chapter 99 heading (or HTS line) the row reports under
 * @param source   the row's legal source ({@code sources.csv}), by its id in the table
 * @param location {@code file:line} of the row, for messages
 * @param perUnit  the specific part of a schedule rate, USD per {@code unit}; null for a purely ad valorem rate
 * @param known    the day the row was published (became known); null when it was known on its {@code from} day, i.e.
 *                 it is not retroactive
 * @param superseded the day a later-known correction replaced the row retroactively; null when it never was. Such a
 *                 row is part of the law only as known before that day, never of the schedule as finally amended
 * @param program  the program the row is about (column {@code program}: an exception table naming the duty it removes)
 * @param transport the mode of transport the row is limited to ({@code vessel}); null: any mode
 * @param loadedBefore an in-transit row: goods loaded (onto the final mode) before 12:01 a.m. on this day
 * @param date     a parameter's value when it is a day (a switch-over, a publication): {@code parameters.csv}
 * @param declaration the declaration an exception row requires (column {@code declaration}); null: none
 * @param list     the table an HTS-list exception row reads (column {@code list}): the shipment's HTS must be on it
 * @param dutyHeading an exception row that lifts only the duty reported under this heading (column {@code duty_heading}:
 *                 a partner's all-in heading); null: the program's duty under any heading
 * @param overrides the names of the rows of the same table and program this row wins over, directly or through the
 *                 rows it names (column {@code overrides}, closed by {@link RowPrecedence}); empty in other tables
 * @param replaces a replacement row: the heading of the duty it replaces (column {@code replaces}); null elsewhere
 * @param subject  a relation row ("not on articles subject to"): the other program's duty the article must be
 *                 subject to; null in every other table
 * @param duty     what the row imposes when its table is a listed duty table ({@code duties/listed_duties.csv}); null
 *                 for every other table
 */
public record TableRow(String table, String key, BigDecimal rate, String heading, LocalDate from, LocalDate to,
                       Source source, String location, BigDecimal perUnit, String unit, LocalDate known,
                       LocalDate superseded, String program, String transport, LocalDate loadedBefore, LocalDate date,
                       String declaration, String list, String dutyHeading, java.util.Set<String> overrides,
                       String replaces, Subject subject, DutyTable duty) {

    /**
     * The duty a relation row's article must be subject to (columns {@code subject_to}, {@code subject_heading},
     * {@code subject_at_zero}): a duty of {@code program}, under {@code heading} when it names one, at a rate above 0
     * unless {@code atZero} (a 0% heading of the program still makes the article subject to it).
     */
    public record Subject(String program, String heading, boolean atZero) {}

    public TableRow(String table, String key, BigDecimal rate, String heading, LocalDate from, LocalDate to,
                    Source source, String location) {
        this(table, key, rate, heading, from, to, source, location, null, null, null, null, null, null, null, null, null,
                null, null, java.util.Set.of(), null, null, null);
    }

    public TableRow(String table, String key, BigDecimal rate, String heading, LocalDate from, LocalDate to,
                    Source source, String location, BigDecimal perUnit, String unit) {
        this(table, key, rate, heading, from, to, source, location, perUnit, unit, null, null, null, null, null, null, null,
                null, null, java.util.Set.of(), null, null, null);
    }

    /** This row with its {@code overrides} closed over the chain of names ({@link RowPrecedence}). */
    TableRow withOverrides(java.util.Set<String> closed) {
        return new TableRow(table, key, rate, heading, from, to, source, location, perUnit, unit, known, superseded,
                program, transport, loadedBefore, date, declaration, list, dutyHeading, closed, replaces, subject,
                duty);
    }

    /** The day the row became known: its {@code known} day, else its {@code from} day (null: known all along). */
    public LocalDate knownFrom() {
        return known != null ? known : from;
    }

    /**
     * Whether the row is part of the law as known on {@code asKnown}; null means the schedule as finally amended, which
     * holds every row but the superseded ones.
     */
    public boolean knownOn(LocalDate asKnown) {
        if (asKnown == null) {
            return superseded == null;
        }
        LocalDate k = knownFrom();
        return (k == null || !asKnown.isBefore(k)) && (superseded == null || asKnown.isBefore(superseded));
    }

    /** The row's citation in words, as messages and traces print it. */
    public String citation() {
        return source.citation();
    }

    public boolean inForceOn(LocalDate regimeDate) {
        return (from == null || !regimeDate.isBefore(from)) && (to == null || regimeDate.isBefore(to));
    }
}
