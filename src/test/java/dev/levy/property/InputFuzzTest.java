package dev.levy.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the input path with the fixtures' real shipments, mutated: characters deleted, doubled and flipped; fields
 * of the wrong type, huge and tiny numbers, deep nesting, unicode. Whatever comes in, a result or a contract error
 * comes out, never an exception; and a batch of the same lines answers each line as it is answered alone.
 */
class InputFuzzTest {
    private static final String[] FIELDS = {"id", "hts", "origin", "entryDate", "entryTime", "loadedDate", "transport",
            "value", "usContent", "metalContent", "spi", "quantity", "declarations", "vaule", ""};
    private static final String[] SNIPPETS = {"{", "}", "[", "]", "\"", ",", ":", "-", "0", "1e999999999", "1E-400",
            "null", "true", "\\u0000", "\\uD800", "\u00e9", "\uD83D\uDE00", "\u202E", "NaN", "Infinity", "0x10", "007",
            "99999999999999999999999999999999999", ".5", "1.", "\t", "\\", "[".repeat(40), "{\"a\":".repeat(40)};

    private static Levy levy;
    private static List<String> seeds;

    @BeforeAll
    static void setUp() {
        levy = TestSupport.levy();
        seeds = new ArrayList<>();
        for (Fixture f : FixtureLoader.load(List.of(TestSupport.projectDir().resolve("fixtures")))) {
            if (f.shipment() != null) {
                seeds.add(Json.compact(f.shipment()));
            }
        }
    }

    @Test
    void mutatedTextGivesResultsOrContractErrors() {
        List<String> lines = new ArrayList<>();
        int n = Tries.run("fuzz-text", 3000, (r, i) -> {
            String line = mutateText(r, ShipmentGen.pick(r, seeds));
            lines.add(line);
            check(line, levy.evaluate(line));
        });
        sameInABatch(lines);
        System.out.println("fuzz text: " + n + " mutated lines");
    }

    @Test
    void mutatedStructureGivesResultsOrContractErrors() {
        List<String> lines = new ArrayList<>();
        int n = Tries.run("fuzz-structure", 1500, (r, i) -> {
            String line = mutateStructure(r, ShipmentGen.pick(r, seeds));
            lines.add(line);
            check(line, levy.evaluate(line));
        });
        sameInABatch(lines);
        System.out.println("fuzz structure: " + n + " mutated shipments");
    }

    private static void check(String input, Evaluation e) {
        assertNotNull(e, input);
        if (e instanceof Rejection x) {
            assertNotNull(x.error().code(), input);
            assertFalse(x.error().message().isBlank(), input);
            assertFalse(x.error().message().length() > 400, "a message for a person: " + x.error().message());
        } else {
            Result res = (Result) e;
            assertEquals(res.totalDuty(), res.measures().stream().map(m -> m.amount())
                    .reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add), input);
        }
    }

    /** The same lines as JSON Lines: one answer per line, in order, the same as alone. */
    private static void sameInABatch(List<String> lines) {
        List<String> clean = lines.stream().map(l -> l.replace('\n', ' ').replace('\r', ' '))
                .filter(l -> !l.isBlank()).toList();
        String batch = ResultPropertiesTest.render(levy, String.join("\n", clean) + "\n", 2);
        String[] out = batch.split("\n");
        assertEquals(clean.size(), out.length, "one output line per input line");
        for (int k = 0; k < clean.size(); k++) {
            Evaluation alone = levy.evaluate(clean.get(k));
            String code = alone instanceof Rejection x ? x.error().code().name() : null;
            if (code == null) {
                assertEquals(Json.compact(alone), out[k], clean.get(k));
            } else {
                assertEquals(true, out[k].contains("\"code\":\"" + code + "\""), clean.get(k) + " -> " + out[k]);
            }
        }
    }

    private static String mutateText(SplittableRandom r, String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits && s.length() > 0; k++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(5)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, s.charAt(at));
                case 2 -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
                case 3 -> s.insert(at, SNIPPETS[r.nextInt(SNIPPETS.length)]);
                default -> s.setLength(at); // truncated
            }
        }
        return s.toString();
    }

    private static String mutateStructure(SplittableRandom r, String text) {
        ObjectNode s = (ObjectNode) TestSupport.json(text);
        String field = FIELDS[r.nextInt(FIELDS.length)];
        switch (r.nextInt(4)) {
            case 0 -> s.remove(field);
            case 1 -> s.set(field, wrongValue(r));
            case 2 -> s.set(field, TestSupport.json(nested(r.nextInt(30))));
            default -> {
                return s.toString().replace("\"" + field + "\":", "\"" + field + "\":" + SNIPPETS[r.nextInt(SNIPPETS.length)]);
            }
        }
        return s.toString(); // not Json.compact: it cannot write 1E+999999999 in plain digits
    }

    private static JsonNode wrongValue(SplittableRandom r) {
        String[] values = {"1e999999999", "-1", "0", "0.001", "1E+12", "1000000000000.01", "\"30000\"", "[]", "{}", "null",
                "true", "\"\"", "\"\\u0000\"", "\"" + "x".repeat(5000) + "\"", "123456789012345678901234567890",
                "{\"amount\":1,\"unit\":\"kg\"}", "{\"steel\":1e9}", "[\"DONATION\",\"DONATION\"]", "\"2025-02-29\"",
                "\"9999-12-31\"", "\"+002025-01-01\"", "\"\uD83D\uDE00\"", "\"8703.23.01\"", "\"ZZ\""};
        return TestSupport.json(values[r.nextInt(values.length)]);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
