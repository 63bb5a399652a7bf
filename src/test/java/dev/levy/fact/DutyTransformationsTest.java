package dev.levy.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.levy.engine.Source;
import dev.levy.engine.TableRow;
import dev.levy.model.Shipment;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Every transformation of a duty keeps every field it does not say it changes. The fields are read reflectively, so a
 * field added to {@link Duty} is covered without touching this test; a transformation added to {@link Duty} fails
 * {@link #everyTransformationIsListedHere()} until its changes are declared below. Defect it pins: {@code carveOut},
 * {@code at} and {@code replacedBy} dropped the specific part of a compound rate (issue 9, item 6).
 */
class DutyTransformationsTest {

    private static final Set<String> RATE = Set.of("rate", "perUnit", "unit");
    private static final Set<String> FIRING_RULE = Set.of("rule", "citation");

    private record Transformation(UnaryOperator<Duty> apply, Set<String> changes) {}

    /** What each transformation changes; everything else must pass through. */
    private static Map<String, Transformation> transformations() {
        RuleContext other = context("other rule", "other citation");
        Row replacement = new Row(shipment(), new TableRow("t", null, new BigDecimal("25"), "9903.01.99", null, null,
                new Source("src", "src", "", Source.HIGH), "t.csv:2", new BigDecimal("0.02"), "liter"), false);
        Map<String, Transformation> out = new LinkedHashMap<>();
        out.put("carveOut", new Transformation(d -> d.carveOut("9903.01.34", new BigDecimal("20000")),
                Set.of("basis", "carvedOut")));
        out.put("reportedUnder", new Transformation(d -> d.reportedUnder("9903.94.03"), Set.of("heading")));
        out.put("on", new Transformation(d -> d.on(new BigDecimal("1234")), Set.of("basis")));
        out.put("at", new Transformation(d -> d.at(other, "9903.02.20", new BigDecimal("15")),
                union(Set.of("heading"), RATE, FIRING_RULE)));
        out.put("replacedBy", new Transformation(d -> d.replacedBy(other, replacement),
                union(Set.of("heading"), RATE, FIRING_RULE)));
        return out;
    }

    @Test
    void everyTransformationKeepsWhatItDoesNotChange() throws IllegalAccessException {
        Duty original = sample();
        for (Map.Entry<String, Transformation> t : transformations().entrySet()) {
            Duty copy = t.getValue().apply().apply(original);
            for (Field f : fields()) {
                String where = t.getKey() + " and field " + f.getName();
                if (t.getValue().changes().contains(f.getName())) {
                    assertNotEquals(f.get(original), f.get(copy), where + ": declared as changed, but kept");
                } else {
                    assertEquals(f.get(original), f.get(copy), where + ": not declared as changed, but lost");
                }
            }
        }
    }

    /** The sample gives every field a value, so that losing one shows; a new field must get one here too. */
    @Test
    void theSampleHasAValueInEveryField() throws IllegalAccessException {
        Duty sample = sample();
        for (Field f : fields()) {
            Object v = f.get(sample);
            assertNotNull(v, "give field " + f.getName() + " a value in sample()");
            if (v instanceof Set<?> s) {
                assertFalse(s.isEmpty(), "give field " + f.getName() + " a value in sample()");
            }
        }
    }

    @Test
    void everyTransformationIsListedHere() {
        Set<String> public_ = Arrays.stream(Duty.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == Duty.class).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(transformations().keySet()), public_,
                "declare what a new transformation changes in transformations()");
    }

    /** The law of docs/stacking.md: a new rate replaces the whole rate; a new basis keeps the specific part. */
    @Test
    void aNewAdValoremRateReplacesTheSpecificPartAndANewBasisKeepsIt() {
        Duty mfn = sample();
        Duty allIn = mfn.at(context("all-in", "c"), mfn.getHeading(), BigDecimal.ZERO);
        assertNull(allIn.getPerUnit());
        assertNull(allIn.getUnit());
        assertEquals(0, allIn.specificAmount().signum());
        Duty usContent = mfn.carveOut("9903.02.20", new BigDecimal("60000"));
        assertEquals(new BigDecimal("0.015"), usContent.getPerUnit());
        assertEquals(0, new BigDecimal("150").compareTo(usContent.specificAmount()), "1.5 cents x 10000 kg");
    }

    private static List<Field> fields() {
        List<Field> out = Arrays.stream(Duty.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
        out.forEach(f -> f.setAccessible(true));
        return out;
    }

    /** 1504.20.60 (1.5 cents/kg + 5%), 10000 kg worth $80,000, with a part already carved out. */
    private static Duty sample() {
        Row schedule = new Row(shipment(), new TableRow("schedule", "15042060", new BigDecimal("5"), "1504.20.60",
                null, null, new Source("src", "src", "", Source.HIGH), "schedule.csv:2", new BigDecimal("0.015"), "kg"), false);
        return Duty.of(context("imposing rule", "imposing citation"), shipment(), "MFN", "1504.20.60", schedule,
                new BigDecimal("80000")).carveOut("seed", new BigDecimal("1"));
    }

    private static Shipment shipment() {
        return Shipment.builder().hts("1504206000").origin("DE").entryDate(LocalDate.of(2025, 9, 15))
                .value(new BigDecimal("80000")).quantity(new BigDecimal("10000"), "kg").build();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
    }

    /** A firing rule's context as the duty reads it: the rule's name and its {@code @citation}. */
    private static RuleContext context(String name, String citation) {
        Rule rule = (Rule) Proxy.newProxyInstance(Rule.class.getClassLoader(), new Class<?>[] {Rule.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "getMetaData" -> Map.<String, Object>of("citation", citation);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (RuleContext) Proxy.newProxyInstance(RuleContext.class.getClassLoader(),
                new Class<?>[] {RuleContext.class}, (p, m, a) -> {
                    if (m.getName().equals("getRule")) {
                        return rule;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
