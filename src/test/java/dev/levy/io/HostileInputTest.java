package dev.levy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input built to hurt: every line still gets its answer, in order, and nothing is held whole that need not be. */
class HostileInputTest {
    static final String GOOD = "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";

    /** Evaluates a whole input as {@code levy eval} does: one evaluation per input, in order. */
    static List<Evaluation> evalAll(String text) throws IOException {
        List<Evaluation> out = new ArrayList<>();
        try (Inputs in = Inputs.open(new StringReader(text), Inputs.Format.JSON)) {
            TestSupport.levy().evaluate(in, 2, (input, e) -> e, out::add);
        }
        return out;
    }

    private static String code(Evaluation e) {
        return e instanceof Rejection r ? r.error().code().name() : "OK";
    }

    @Test
    void anOverLongLineIsRejectedInItsPlaceAndTheOthersGoOn() throws IOException {
        String huge = "{\"id\":\"" + "x".repeat(Inputs.MAX_LINE + 10) + "\"}";
        List<Evaluation> out = evalAll(GOOD + "\n" + huge + "\n" + GOOD + "\n");
        assertEquals(List.of("OK", "INVALID_JSON", "OK"), out.stream().map(HostileInputTest::code).toList());
        assertTrue(((Rejection) out.get(1)).error().message().contains("line 2 is"), out.get(1).toString());
    }

    @Test
    void anOverLongFirstLineMakesJsonLines() throws IOException {
        String huge = "[" + "1,".repeat(Inputs.MAX_LINE) + "1]";
        List<Evaluation> out = evalAll("{" + huge + "\n" + GOOD + "\n");
        assertEquals(List.of("INVALID_JSON", "OK"), out.stream().map(HostileInputTest::code).toList());
    }

    @Test
    void aHugeArrayElementIsSkippedAndTheArrayGoesOn() throws IOException {
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; big.length() < Inputs.MAX_LINE + 100; i++) {
            big.append("\"f").append(i).append("\":[1,{\"a\":2}],");
        }
        big.append("\"z\":1}");
        List<Evaluation> out = evalAll("[" + GOOD + "," + big + "," + GOOD + "]");
        assertEquals(List.of("OK", "INVALID_JSON", "OK"), out.stream().map(HostileInputTest::code).toList());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1E999999999}' | INVALID_VALUE | value",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1E-999999999}' | INVALID_VALUE | value",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"usContent\":1E999999}' | INVALID_CONTENT | usContent",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"metalContent\":{\"steel\":60,\"aluminum\":50}}' | INVALID_CONTENT | metalContent",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"quantity\":{\"amount\":1E99999,\"unit\":\"kg\"}}' | INVALID_QUANTITY | quantity.amount",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"quantity\":{\"amount\":1,\"unit\":\"\"}}' | INVALID_QUANTITY | quantity.unit",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":\"30000\"}' | INVALID_VALUE | value",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"value\":1}' | INVALID_JSON | ",
            "'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]' | INVALID_JSON | ",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1' | INVALID_JSON | ",
            "'\"just a string\"' | NOT_AN_OBJECT | ",
            "'{\"hts\":\"8703.23.01\",\"origin\":\"\\u0000JP\",\"entryDate\":\"2025-04-17\",\"value\":1}' | INVALID_COUNTRY | origin",
    })
    void refusedWithAShortMessage(String json, String code, String field) throws IOException {
        Evaluation e = evalAll(json).get(0);
        Rejection r = assertInstanceOf(Rejection.class, e);
        assertEquals(code, r.error().code().name(), r.error().message());
        assertEquals(field, r.error().field());
        assertTrue(r.error().message().length() < 300, r.error().message());
    }

    @Test
    void aHugeIdIsNotEchoed() {
        Rejection r = assertInstanceOf(Rejection.class, TestSupport.levy().evaluate(
                "{\"id\":\"" + "i".repeat(5000) + "\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1}"));
        assertEquals(null, r.id());
        assertEquals("INVALID_ID", r.error().code().name());
    }

    @Test
    void goodInputStillEvaluates() throws IOException {
        assertInstanceOf(Result.class, evalAll(GOOD).get(0));
    }
}
