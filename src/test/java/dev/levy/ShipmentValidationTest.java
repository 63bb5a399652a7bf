package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a shipment can be wrong gets its code, the field at fault and a message, never an exception. */
class ShipmentValidationTest {

    private static String ship(String override) {
        String base = "\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000";
        return "{" + (override.isEmpty() ? base : override) + "}";
    }

    /**
     * DATE_OUT_OF_RANGE names the span the rules cover (its last day, not the day after) and its source
     * (ruleset.properties covers.source). An entry at 00:00 on the first day is under the day before's law: the message
     * says so, where it said the first day itself was outside.
     */
    @Test
    void anEntryOutsideTheSpanIsToldTheSpanAndItsSource() {
        Rejection after = assertInstanceOf(Rejection.class, TestSupport.levy().evaluate(
                "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2026-09-29\",\"value\":1}"));
        assertEquals("DATE_OUT_OF_RANGE", after.error().code().name());
        assertEquals("entryDate", after.error().field());
        assertEquals("the rules cover entries from 2025-01-01 to 2026-09-28 (Levy rules for entries from 2025-01-01 to 2026-09-28:"
                + " HTSUS 2025 Basic Edition, HTSUS 2026 Revision 6 Chapter 99 (the HTS as of 2026-04-23) and the later"
                + " instruments each row cites; not the law of 2026-09-29 on (Section 338 bans, Revision 20)); 2026-09-29 is"
                + " outside",
                after.error().message());
        Rejection midnight = assertInstanceOf(Rejection.class, TestSupport.levy().evaluate("{\"hts\":\"8703.23.01\","
                + "\"origin\":\"JP\",\"entryDate\":\"2025-01-01\",\"entryTime\":\"00:00\",\"value\":1}"));
        assertTrue(midnight.error().message().endsWith("; an entry at 00:00 on 2025-01-01 is under the law of 2024-12-31"
                + " (a day's law takes effect at 12:01 a.m.), which is outside"), midnight.error().message());
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource(delimiter = '|', value = {
            "'\"hts\":\"8703.23\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1'          | INVALID_HTS         | hts",
            "'\"hts\":\"8703.23.0X\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1'       | INVALID_HTS         | hts",
            "'\"hts\":8703230100,\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1'           | INVALID_HTS         | hts",
            "'\"hts\":\"0101.21.99\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1'       | UNKNOWN_HTS         | hts",
            "'\"hts\":\"8703.23.01\",\"origin\":\"XX\",\"entryDate\":\"2025-04-17\",\"value\":1'       | INVALID_COUNTRY     | origin",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JPN\",\"entryDate\":\"2025-04-17\",\"value\":1'      | INVALID_COUNTRY     | origin",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-02-30\",\"value\":1'       | INVALID_DATE        | entryDate",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"17/04/2025\",\"value\":1'       | INVALID_DATE        | entryDate",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2024-12-31\",\"value\":1'       | DATE_OUT_OF_RANGE   | entryDate",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"entryTime\":\"25:00\",\"value\":1' | INVALID_TIME | entryTime",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"loadedDate\":\"2025-04-18\",\"value\":1' | INVALID_DATE | loadedDate",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"transport\":\"ship\",\"value\":1' | INVALID_TRANSPORT | transport",
            "'\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1'                             | MISSING_FIELD       | hts",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\"'                  | MISSING_FIELD       | value",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1,\"vaule\":2' | UNKNOWN_FIELD | vaule",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":0'       | INVALID_VALUE       | value",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":-5'      | INVALID_VALUE       | value",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1.005'   | INVALID_VALUE       | value",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":\"30000\"' | INVALID_VALUE     | value",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1e13'    | INVALID_VALUE       | value",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"usContent\":101' | INVALID_CONTENT | usContent",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"metalContent\":{\"steel\":-1}' | INVALID_CONTENT | metalContent.steel",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"metalContent\":{\"iron\":1}' | UNKNOWN_FIELD | metalContent.iron",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"spi\":\"usmca\"' | INVALID_SPI | spi",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"quantity\":{\"amount\":0,\"unit\":\"kg\"}' | INVALID_QUANTITY | quantity.amount",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"declarations\":[\"USMCA_CONTENT_APROVED\"]' | INVALID_DECLARATION | declarations",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"entryNumber\":\"AB-1234567-8\"' | INVALID_ENTRY | entryNumber",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"entryNumber\":\"ABC-123456-78\"' | INVALID_ENTRY | entryNumber",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"entryNumber\":12345678901' | INVALID_ENTRY | entryNumber",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"entryType\":\"1\"' | INVALID_ENTRY | entryType",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"liquidationDate\":\"2025-02-30\"' | INVALID_DATE | liquidationDate",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"liquidationDate\":\"2025-04-16\"' | INVALID_DATE | liquidationDate",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"protestOpen\":\"true\"' | INVALID_ENTRY | protestOpen",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"reconciliation\":1' | INVALID_ENTRY | reconciliation",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"drawback\":\"no\"' | INVALID_ENTRY | drawback",
            "'\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100,\"adcvd\":null,\"entryType\":\"AB\"' | INVALID_ENTRY | entryType",
            "'\"id\":7,\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100' | INVALID_ID | id",
    })
    void refusedWithCodeAndField(String fields, String code, String field) {
        Evaluation e = TestSupport.levy().evaluate("{" + fields + "}");
        Rejection r = assertInstanceOf(Rejection.class, e, () -> "expected " + code + " for " + fields);
        assertEquals(code, r.error().code().name(), r.error().message());
        assertEquals(field, r.error().field());
        assertFalse(r.error().message().isBlank());
    }

    @Test
    void malformedJsonAndNonObjectsAreRejectedNotThrown() {
        Rejection bad = assertInstanceOf(Rejection.class, TestSupport.levy().evaluate("{\"hts\": "));
        assertEquals("INVALID_JSON", bad.error().code().name());
        Rejection array = assertInstanceOf(Rejection.class, TestSupport.levy().evaluate("[1]"));
        assertEquals("NOT_AN_OBJECT", array.error().code().name());
    }

    @Test
    void idIsEchoedOnRejection() {
        Rejection r = assertInstanceOf(Rejection.class,
                TestSupport.levy().evaluate("{\"id\":\"L7\",\"hts\":\"1\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1}"));
        assertEquals("L7", r.id());
    }

    @Test
    void htsAndCountryAreNormalised() {
        Result r = assertInstanceOf(Result.class, TestSupport.levy().evaluate(
                "{\"hts\":\"8703 2301 90\",\"origin\":\"jp\",\"entryDate\":\"2025-04-17\",\"value\":30000}"));
        assertEquals("8703.23.01.90", r.hts());
        assertEquals("JP", r.origin());
        assertTrue(r.totalDuty().signum() > 0);
    }

    @Test
    void theMinuteBeforeTwelveOhOneIsStillThePreviousDay() {
        Result atMidnight = assertInstanceOf(Result.class, TestSupport.levy().evaluate(
                "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-03\",\"entryTime\":\"00:00\",\"value\":100}"));
        Result atOneMinutePast = assertInstanceOf(Result.class, TestSupport.levy().evaluate(
                "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-03\",\"entryTime\":\"00:01\",\"value\":100}"));
        assertFalse(atMidnight.measures().stream().anyMatch(m -> m.program().equals("SECTION_232_AUTOS")));
        assertTrue(atOneMinutePast.measures().stream().anyMatch(m -> m.program().equals("SECTION_232_AUTOS")));
    }

    @Test
    void theEntryFactsNeverChangeADutyAndTheirNumberTakesDashesOrNot() {
        String line = "\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":1000";
        Result plain = TestSupport.result(TestSupport.levy().evaluate("{" + line + "}"));
        for (String entry : new String[] {"\"entryNumber\":\"ABC12345678\"", "\"entryNumber\":\"abc-1234567-8\"",
                "\"entryNumber\":\"ABC-1234567-8\",\"entryType\":\"47\",\"liquidationDate\":\"2026-01-05\","
                        + "\"protestOpen\":true,\"reconciliation\":true,\"drawback\":true,\"adcvd\":false"}) {
            Result with = TestSupport.result(TestSupport.levy().evaluate("{" + line + "," + entry + "}"));
            assertEquals(plain.totalDuty(), with.totalDuty(), entry);
            assertEquals(plain.refundable(), with.refundable(), entry);
            assertEquals(plain.measures(), with.measures(), entry);
        }
        assertEquals("ABC-1234567-8", dev.levy.io.ShipmentReader.entryOf(TestSupport.json("{" + line
                + ",\"entryNumber\":\"abc12345678\"}")).number());
    }
}
