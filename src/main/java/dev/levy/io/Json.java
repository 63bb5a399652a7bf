package dev.levy.io;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.levy.model.Fields;
import dev.levy.model.Result;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The one JSON configuration of Levy: exact decimals in, plain decimals out, ISO dates, bounded input. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"value": 1, "value": 1000}: a duplicate field must not pass silently any more than a typo
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(64).maxStringLength(100_000).build());
    }

    /**
     * {@link #MAPPER} with a property filter on {@link Result} (a mix-in: the model and other mappers know nothing of it),
     * for output profiles; the default output never goes through a filter.
     */
    private static final ObjectMapper PROFILED = MAPPER.copy().addMixIn(Result.class, Profiled.class);
    /** The compact and pretty writers of each profile asked for (a handful per process). */
    private static final Map<Fields, ObjectWriter[]> WRITERS = new ConcurrentHashMap<>();

    @JsonFilter("fields")
    private interface Profiled {}

    private Json() {}

    /** Parses JSON text; throws {@link JsonProcessingException} with the position of the problem. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try {
            return MAPPER.readTree(text);
        } catch (NumberFormatException e) {
            throw badNumber(e);
        }
    }

    /**
     * Jackson reports some numbers it cannot represent ({@code 1e99999999999}) with a bare NumberFormatException:
     * as JSON errors, they are rejected like any other malformed input instead of stopping a batch.
     */
    public static JsonProcessingException badNumber(NumberFormatException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return new JsonParseException(null, "a number out of range: " + (msg.length() > 120 ? msg.substring(0, 120) + "..." : msg));
    }

    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as one line, a {@link Result} with only {@code fields}: each field's bytes as {@link #compact(Object)}. */
    public static String compact(Object value, Fields fields) {
        return fields.all() ? compact(value) : write(writers(fields)[0], value);
    }

    /** {@link #pretty(Object)}, a {@link Result} with only {@code fields}. */
    public static String pretty(Object value, Fields fields) {
        return fields.all() ? pretty(value) : write(writers(fields)[1], value);
    }

    private static ObjectWriter[] writers(Fields fields) {
        return WRITERS.computeIfAbsent(fields, f -> {
            ObjectWriter compact = PROFILED.writer(new SimpleFilterProvider().addFilter("fields",
                    SimpleBeanPropertyFilter.filterOutAllExcept(Set.copyOf(f.names()))));
            return new ObjectWriter[] {compact, compact.withDefaultPrettyPrinter()};
        });
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a Jackson message, without the source excerpt Jackson appends. */
    public static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        return (msg == null ? "malformed JSON" : msg.split("\n")[0])
                + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
    }
}
