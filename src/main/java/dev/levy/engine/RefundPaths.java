package dev.levy.engine;

import dev.levy.model.Entry;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an importer claims the refund of an entry ({@code refunds/paths.csv}, {@code refunds/parameters.csv}): rows tried
 * in order, the first whose conditions all hold giving the entry's path, its reason, citation and deadline. Every
 * particular (entry types, phase dates, day counts) is in the tables; this is only their generic reading.
 *
 * @param rows the paths in the order they are tried
 * @param days the counts by name ({@code refunds/parameters.csv}: {@code cape.days}, {@code protest.days},
 *             {@code cape.entries.per.declaration})
 */
public record RefundPaths(List<Row> rows, Map<String, Integer> days) {

    /** A rule set without the tables: every entry is {@link #UNDECIDED}. */
    public static final RefundPaths NONE = new RefundPaths(List.of(), Map.of());

    /** The path when no row holds: the tables cannot decide it, and the report says so. */
    public static final String UNDECIDED = "UNDECIDED";

    /** The paths a row may give. */
    public static final Set<String> PATHS = Set.of("CAPE", "PROTEST", "COURT", "PSC", "NONE", "NOT_YET", UNDECIDED);

    /** The kinds of refund an entry has, as the {@code refund} column names them. */
    public static final Set<String> REFUNDS = Set.of("ieepa", "other", "none");

    /**
     * One row of {@code paths.csv}; a null condition holds for every entry.
     *
     * @param types      the entry types the row is for; null for any
     * @param notTypes   whether {@code types} lists the types the row is NOT for
     * @param typeAbsent whether the row is for entries whose type is not given
     * @param daysOver   for {@code >NAME}: true; for {@code <=NAME}: false; null without a day condition
     * @param daysName   the day count of the condition
     * @param deadline   the day count after liquidation that is the deadline; null for none
     */
    public record Row(int line, String path, String refund, Set<String> types, boolean notTypes, boolean typeAbsent,
                      Boolean reconciliation, Boolean drawback, Boolean adcvd, Boolean protestOpen, Boolean liquidated,
                      Boolean daysOver, String daysName, LocalDate asOfFrom, LocalDate asOfTo, String deadline,
                      String reason, String citation) {

        boolean holds(Entry e, String refundKind, LocalDate asOf, Map<String, Integer> days) {
            return refund.equals(refundKind) && typeHolds(e.type()) && is(reconciliation, e.reconciliation())
                    && is(drawback, e.drawback()) && is(adcvd, e.adcvd()) && is(protestOpen, e.protestOpen())
                    && is(liquidated, liquidatedBy(e, asOf)) && daysHold(liquidatedBy(e, asOf) ? e.liquidationDate()
                    : null, asOf, days)
                    && (asOfFrom == null || !asOf.isBefore(asOfFrom)) && (asOfTo == null || asOf.isBefore(asOfTo));
        }

        /**
         * Whether the entry had liquidated on {@code asOf}: a liquidation date after it (a run as of an earlier day, or a
         * date CBP has scheduled) leaves the entry unliquidated that day, never "liquidated -n days ago".
         */
        private static boolean liquidatedBy(Entry e, LocalDate asOf) {
            return e.liquidationDate() != null && !e.liquidationDate().isAfter(asOf);
        }

        private boolean typeHolds(String type) {
            if (typeAbsent) {
                return type == null;
            }
            return types == null || (type != null && types.contains(type) != notTypes);
        }

        private static boolean is(Boolean wanted, boolean actual) {
            return wanted == null || wanted == actual;
        }

        private boolean daysHold(LocalDate liquidation, LocalDate asOf, Map<String, Integer> days) {
            if (daysOver == null) {
                return true;
            }
            if (liquidation == null) {
                return false;
            }
            long after = ChronoUnit.DAYS.between(liquidation, asOf);
            return daysOver == after > days.get(daysName);
        }
    }

    /** The path of an entry, with the reason, the citation of its source, and the deadline, if any. */
    public record Decision(String path, String reason, String citation, LocalDate deadline) {}

    /**
     * The path of an entry on {@code asOf}.
     *
     * @param refundKind {@code ieepa}, {@code other} or {@code none}: what the entry has to refund
     */
    public Decision decide(Entry entry, String refundKind, LocalDate asOf) {
        for (Row r : rows) {
            if (r.holds(entry, refundKind, asOf, days)) {
                LocalDate deadline = r.deadline() == null || entry.liquidationDate() == null ? null
                        : entry.liquidationDate().plusDays(days.get(r.deadline()));
                return new Decision(r.path(), r.reason(), r.citation(), deadline);
            }
        }
        return new Decision(UNDECIDED, "no row of the rules' refunds/paths.csv holds for this entry on " + asOf, null,
                null);
    }
}
