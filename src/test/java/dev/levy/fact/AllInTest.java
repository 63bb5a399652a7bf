package dev.levy.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.engine.Source;
import dev.levy.engine.TableRow;
import dev.levy.model.Shipment;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * "15% inclusive of the chapter 1-97 rate" as one operation: the additional heading carries the whole rate on the
 * additional duty's basis, the Chapter 1-97 line 0 on that value, and the value the additional duty does not cover
 * (US content) keeps the column 1 rate, its specific part charged there once. The rule decides "below the cap" on
 * the ad valorem equivalent; the tests of that are here too.
 */
class AllInTest {
    private static final String ALL_IN = "9903.02.20";
    private static final BigDecimal FIFTEEN = new BigDecimal("15");

    private static Shipment shipment(String value, String kg) {
        Shipment.Builder b = Shipment.builder().hts("1504206000").origin("DE").entryDate(LocalDate.of(2025, 9, 15))
                .value(new BigDecimal(value));
        return (kg == null ? b : b.quantity(new BigDecimal(kg), "kg")).build();
    }

    private static Row row(Shipment s, String rate, String perUnit) {
        return new Row(s, new TableRow("mfn", "15042060", new BigDecimal(rate), "1504.20.60", null, null,
                new Source("usitc-hts-2025", "USITC HTSUS 2025 Basic Edition", "", Source.HIGH), "schedule.csv:2",
                perUnit == null ? null : new BigDecimal(perUnit), perUnit == null ? null : "kg"), false);
    }

    private static Duty mfn(Shipment s, String rate, String perUnit) {
        return Duty.of(context(), s, "MFN", "1504.20.60", row(s, rate, perUnit), s.getValue());
    }

    private static Duty reciprocal(Shipment s, BigDecimal basis) {
        return Duty.of(context(), s, "IEEPA_RECIPROCAL", ALL_IN, FIFTEEN, basis);
    }

    @Test
    void adValoremBelowTheCapTheHeadingCarriesTheWholeRate() {
        Shipment s = shipment("80000", null);
        AllIn x = AllIn.of(context(), reciprocal(s, s.getValue()), mfn(s, "2.5", null), ALL_IN, FIFTEEN);
        assertEquals(ALL_IN, x.additional().getHeading());
        assertEquals(0, FIFTEEN.compareTo(x.additional().getRate()));
        assertEquals(0, new BigDecimal("80000").compareTo(x.additional().getBasis()));
        assertEquals(0, BigDecimal.ZERO.compareTo(x.chapterLine().getRate()));
        assertEquals(0, new BigDecimal("80000").compareTo(x.chapterLine().getBasis()));
        assertNull(x.chapterRest(), "nothing of the column 1 line is left outside the all-in");
        assertEquals(0, new BigDecimal("80000").compareTo(x.exempted().getBasis()));
        assertEquals(ALL_IN, x.exempted().getHeading());
        assertEquals(List.of(x.additional(), x.chapterLine(), x.exempted()), x.facts());
    }

    @Test
    void usContentSplitTheRestKeepsTheColumnOneRate() {
        Shipment s = shipment("100000", null);
        Duty d = reciprocal(s, s.getValue()).carveOut("9903.01.34", new BigDecimal("30000"));
        AllIn x = AllIn.of(context(), d, mfn(s, "2.5", null), ALL_IN, FIFTEEN);
        assertEquals(0, new BigDecimal("70000").compareTo(x.additional().getBasis()));
        assertEquals(0, new BigDecimal("70000").compareTo(x.chapterLine().getBasis()));
        assertEquals(0, new BigDecimal("30000").compareTo(x.chapterRest().getBasis()), "the US content pays column 1");
        assertEquals(0, new BigDecimal("2.5").compareTo(x.chapterRest().getRate()));
        assertTrue(x.chapterRest().getCarvedOut().contains(ALL_IN));
        assertEquals(0, new BigDecimal("70000").compareTo(x.exempted().getBasis()));
        assertEquals(4, x.facts().size());
    }

    @Test
    void compoundRateTheAllInReplacesTheSpecificPartAndTheRestKeepsItOnce() {
        Shipment s = shipment("100000", "10000");
        Duty m = mfn(s, "5", "0.015");
        Duty d = reciprocal(s, s.getValue()).carveOut("9903.01.34", new BigDecimal("40000"));
        AllIn x = AllIn.of(context(), d, m, ALL_IN, FIFTEEN);
        assertNull(x.chapterLine().getPerUnit(), "the line under the all-in carries 0, specific part included");
        assertEquals("0.015", x.chapterRest().getPerUnit().toPlainString(), "the US-content line keeps it");
        assertEquals("kg", x.chapterRest().getUnit());
        assertNull(x.additional().getPerUnit());
    }

    @Test
    void specificRateTheChapterLineCarriesNothingUnderTheAllIn() {
        Shipment s = shipment("50000", "1000");
        AllIn x = AllIn.of(context(), reciprocal(s, s.getValue()), mfn(s, "0", "2"), ALL_IN, FIFTEEN);
        assertNull(x.chapterLine().getPerUnit());
        assertEquals(0, BigDecimal.ZERO.compareTo(x.chapterLine().getRate()));
        assertNull(x.chapterRest());
    }

    /** The cap is tested on the ad valorem equivalent: a specific rate worth exactly 15% of the value is not below. */
    @Test
    void aveAtTheCapIsNotBelowItAndJustUnderIs() {
        Shipment s = shipment("10000", "1000");
        assertEquals(0, FIFTEEN.compareTo(mfn(s, "0", "1.5").getAveRate()), "$1.50/kg x 1000 kg of $10,000 = 15%");
        assertTrue(mfn(s, "0", "1.49").getAveRate().compareTo(FIFTEEN) < 0);
        assertTrue(mfn(s, "10", "0.5").getAveRate().compareTo(FIFTEEN) == 0, "10% + $0.50/kg x 1000 kg = 15%");
        assertTrue(mfn(s, "14.99", null).getAveRate().compareTo(FIFTEEN) < 0);
    }

    /** A firing rule's context as the operation reads it: the rule's name and a citation without placeholders. */
    private static RuleContext context() {
        Rule rule = (Rule) Proxy.newProxyInstance(Rule.class.getClassLoader(), new Class<?>[] {Rule.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getName" -> "Reciprocal all-in (test)";
                    case "getMetaData" -> Map.<String, Object>of("citation", "EO 14326 Annex I");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (RuleContext) Proxy.newProxyInstance(RuleContext.class.getClassLoader(),
                new Class<?>[] {RuleContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getRule" -> rule;
                    case "getMatch" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
