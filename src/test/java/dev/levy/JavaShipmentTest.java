package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.Shipment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A shipment built in Java is validated exactly like the JSON object it stands for: one validation path. */
class JavaShipmentTest {
    private static final String CAR = "\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\"";

    private static Shipment.Builder car() {
        return Shipment.builder().hts("8703.23.01").origin("JP").entryDate(LocalDate.of(2025, 4, 17));
    }

    private static Arguments both(String json, UnaryOperator<Shipment.Builder> java) {
        return Arguments.of(json, java);
    }

    static Stream<Arguments> sameData() {
        return Stream.of(
                both(CAR + ",\"value\":30000", b -> b.value(new BigDecimal("30000"))),
                both(CAR + ",\"value\":30000,\"usContent\":6000,\"spi\":\"KR\",\"declarations\":[\"PERSONAL_USE_BAGGAGE\"]",
                        b -> b.value(new BigDecimal("30000")).usContent(new BigDecimal("6000")).spi("KR")
                                .declaration("PERSONAL_USE_BAGGAGE")),
                both("\"hts\":\"8703.23\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1",
                        b -> b.hts("8703.23").value(BigDecimal.ONE)),
                both("\"hts\":\"0101.21.99\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1",
                        b -> b.hts("0101.21.99").value(BigDecimal.ONE)),
                both("\"hts\":\"8703.23.01\",\"origin\":\"JPN\",\"entryDate\":\"2025-04-17\",\"value\":1",
                        b -> b.origin("JPN").value(BigDecimal.ONE)),
                both("\"hts\":\"8703.23.01\",\"entryDate\":\"2025-04-17\",\"value\":1", b -> b.origin(null).value(BigDecimal.ONE)),
                both("\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2024-12-31\",\"value\":1",
                        b -> b.entryDate(LocalDate.of(2024, 12, 31)).value(BigDecimal.ONE)),
                both(CAR + ",\"entryTime\":\"00:00\",\"value\":1", b -> b.entryTime(LocalTime.MIDNIGHT).value(BigDecimal.ONE)),
                both(CAR + ",\"loadedDate\":\"2025-04-18\",\"value\":1",
                        b -> b.loadedDate(LocalDate.of(2025, 4, 18)).value(BigDecimal.ONE)),
                both(CAR + ",\"transport\":\"ship\",\"value\":1", b -> b.transport("ship").value(BigDecimal.ONE)),
                both(CAR, b -> b),
                both(CAR + ",\"value\":0", b -> b.value(BigDecimal.ZERO)),
                both(CAR + ",\"value\":10.005", b -> b.value(new BigDecimal("10.005"))),
                both(CAR + ",\"value\":100,\"usContent\":101", b -> b.value(new BigDecimal("100")).usContent(new BigDecimal("101"))),
                both(CAR + ",\"value\":100,\"metalContent\":{\"steel\":60,\"aluminum\":50}",
                        b -> b.value(new BigDecimal("100")).steelContent(new BigDecimal("60")).aluminumContent(new BigDecimal("50"))),
                both(CAR + ",\"value\":100,\"spi\":\"s\"", b -> b.value(new BigDecimal("100")).spi("s")),
                both(CAR + ",\"value\":100,\"declarations\":[\"NO_SUCH_DECLARATION\"]",
                        b -> b.value(new BigDecimal("100")).declaration("NO_SUCH_DECLARATION")),
                both(CAR + ",\"value\":100,\"quantity\":{\"amount\":-1,\"unit\":\"kg\"}",
                        b -> b.value(new BigDecimal("100")).quantity(new BigDecimal("-1"), "kg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameData")
    void javaAndJsonGiveTheSameEvaluation(String json, UnaryOperator<Shipment.Builder> java) {
        Evaluation fromJson = TestSupport.levy().evaluate("{" + json + "}");
        Evaluation fromJava = TestSupport.levy().evaluate(java.apply(car()).build());
        assertEquals(fromJson.getClass(), fromJava.getClass());
        if (fromJson instanceof Rejection r) {
            assertEquals(r.error(), assertInstanceOf(Rejection.class, fromJava).error(), "the same code, field and message");
        } else {
            assertInstanceOf(Result.class, fromJava);
        }
        assertEquals(Levy.json(fromJson), Levy.json(fromJava));
    }
}
