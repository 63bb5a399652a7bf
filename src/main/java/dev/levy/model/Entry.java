package dev.levy.model;

import java.time.LocalDate;

/**
 * The facts of the customs entry a line belongs to, the same on every line of it: what decides how its refund is
 * claimed ({@code levy refunds --cape}), never its duty. All optional: a line given none has {@link #NONE}.
 *
 * @param number          the entry number as {@code ABC-1234567-8} (filer code, seven digits, check digit); null when
 *                        not given
 * @param type            the two-digit entry type ({@code 01}, {@code 09}, {@code 47}...); null when not given
 * @param liquidationDate the day the entry liquidated; null while unliquidated
 * @param protestOpen     an open or suspended protest on the entry
 * @param reconciliation  flagged for reconciliation
 * @param drawback        linked to a drawback claim
 * @param adcvd           subject to an antidumping or countervailing duty case
 */
public record Entry(String number, String type, LocalDate liquidationDate, boolean protestOpen, boolean reconciliation,
                    boolean drawback, boolean adcvd) {

    public static final Entry NONE = new Entry(null, null, null, false, false, false, false);

    /** The entry's own facts without its number: lines of one entry must agree on them. */
    public Entry facts() {
        return new Entry(null, type, liquidationDate, protestOpen, reconciliation, drawback, adcvd);
    }
}
