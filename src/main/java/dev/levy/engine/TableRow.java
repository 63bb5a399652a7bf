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
 * @param location {@code file:line} of the row, for messages
 * @param perUnit  the specific part of a schedule rate, USD per {@code unit}; null for a purely ad valorem rate
 */
public record TableRow(String table, String key, BigDecimal rate, String heading, LocalDate from, LocalDate to,
                       String source, String location, BigDecimal perUnit, String unit) {

    public TableRow(String table, String key, BigDecimal rate, String heading, LocalDate from, LocalDate to,
                    String source, String location) {
        this(table, key, rate, heading, from, to, source, location, null, null);
    }

    public boolean inForceOn(LocalDate regimeDate) {
        return (from == null || !regimeDate.isBefore(from)) && (to == null || regimeDate.isBefore(to));
    }
}
