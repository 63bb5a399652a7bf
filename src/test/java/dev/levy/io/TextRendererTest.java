package dev.levy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levy.model.Measure;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A measure's line shows how its amount comes about: a specific rate shows its rate and quantity, never "0% x". */
class TextRendererTest {

    private static Measure measure(String rate, String basis, String amount, String specific) {
        return new Measure("MFN", "1504.20.40", new BigDecimal(rate), new BigDecimal(basis), new BigDecimal(amount),
                "citation", "rule", specific, null, java.util.List.of());
    }

    @Test
    void adValorem() {
        assertEquals("5% x $20,000.00 = $1,000.00", TextRenderer.charge(measure("5", "20000", "1000", null)));
    }

    @Test
    void specificRateShowsItsRateNotZeroPercent() {
        assertEquals("$0.01/kg x 13000 kg = $130.00",
                TextRenderer.charge(measure("0", "80000", "130", "$0.01/kg x 13000 kg = $130.00")));
    }

    @Test
    void compoundRateShowsBothParts() {
        assertEquals("5% x $20,000.00 + $0.015/kg x 10000 kg = $1,150.00",
                TextRenderer.charge(measure("5", "20000", "1150", "$0.015/kg x 10000 kg = $150.00")));
    }
}
