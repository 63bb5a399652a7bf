package dev.levy.refund;

import dev.levy.io.Parsed;
import dev.levy.io.ShipmentReader;
import dev.levy.model.Entry;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.ShipmentError;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the per-entry refund report keeps of one entry line: its entry, its IEEPA refund (the result's
 * {@code refundable}) and its other refund (the executive's retroactive corrections: filed - assessed), or why it was
 * rejected. Small, so that a report over millions of lines holds only these until they are summed per entry.
 *
 * @param entry       the line's entry facts; for a rejected line whose facts cannot be read, only its entry number
 *                    (null when that cannot be read either)
 * @param refundable  the IEEPA refund; null for a rejected line
 * @param otherRefund the refund of the retroactive corrections; null for a rejected line
 * @param error       why the line was rejected; null when it was evaluated
 */
public record CapeLine(long line, Entry entry, BigDecimal refundable, BigDecimal otherRefund, ShipmentError error) {

    /** The fields of a result a line reads: its evaluations compute no more (no trace, no refundable). */
    public static final Fields READS = Fields.of("totalDuty");

    /** The line from its input and its evaluations as filed, as assessed and as owed after the rulings. */
    public static CapeLine of(Parsed input, List<Evaluation> views) {
        Entry entry = null;
        String entryError = null;
        if (input.node() != null) {
            try {
                entry = ShipmentReader.entryOf(input.node());
            } catch (IllegalArgumentException e) {
                entryError = e.getMessage();
            }
        }
        if (views.get(0) instanceof Rejection r) {
            String number = input.node() == null ? null : ShipmentReader.entryNumberOf(input.node());
            return new CapeLine(input.line(), entry != null ? entry : number == null ? null
                    : new Entry(number, null, null, false, false, false, false), null, null, r.error());
        }
        if (entry == null) {
            throw new IllegalStateException("line " + input.line() + " was evaluated with unreadable entry facts: "
                    + entryError);
        }
        Result filed = (Result) views.get(0);
        Result assessed = (Result) views.get(1);
        Result owed = (Result) views.get(2);
        return new CapeLine(input.line(), entry, assessed.totalDuty().subtract(owed.totalDuty()),
                filed.totalDuty().subtract(assessed.totalDuty()), null);
    }
}
