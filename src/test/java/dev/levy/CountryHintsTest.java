package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.levy.model.Rejection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An origin that people take for a country code is still refused, and the message says what to give instead. */
class CountryHintsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "UK  | origin 'UK' is not an ISO 3166-1 alpha-2 country code: did you mean GB? (UK is reserved for the United Kingdom; its code is GB)",
            "uk  | origin 'uk' is not an ISO 3166-1 alpha-2 country code: did you mean GB? (UK is reserved for the United Kingdom; its code is GB)",
            "EU  | origin 'EU' is not an ISO 3166-1 alpha-2 country code: EU is not a country: give the member state of origin (e.g. DE)",
            "DEU | origin 'DEU' is not an ISO 3166-1 alpha-2 country code: DEU is an ISO 3166-1 alpha-3 code: did you mean DE?",
            "XX  | origin 'XX' is not an ISO 3166-1 alpha-2 country code (e.g. JP, DE, CN)",
    })
    void refusedWithAHint(String origin, String message) {
        Rejection r = assertInstanceOf(Rejection.class, TestSupport.levy().evaluate(
                "{\"hts\":\"8703.23.01\",\"origin\":\"" + origin + "\",\"entryDate\":\"2025-04-17\",\"value\":1}"));
        assertEquals("INVALID_COUNTRY", r.error().code().name());
        assertEquals("origin", r.error().field());
        assertEquals(message, r.error().message());
    }
}
