package dev.levy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.io.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description of the service ({@code GET /v1/openapi.json}) against a running {@code levy serve}, started
 * as the CLI starts it, in its own JVM: the documented paths are the router's paths; every documented status of every
 * operation, and the 404 and 405 of any path, is provoked; and every body (results, errors, the rule set, the
 * timeline, health) validates against its documented schema with networknt's JSON Schema validator (OpenAPI 3.1
 * dialect). swagger-parser reads the document itself as a client generator would. The validation is strict where the
 * document is open: an object may carry no field that its schema does not describe, so that a field the server adds
 * without documenting it fails here.
 */
class OpenApiTest {
    private static final String DOCUMENT = "https://levy.local/v1/openapi.json";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CAR = "{\"id\":\"car\",\"hts\":\"8703.23.01\",\"origin\":\"JP\","
            + "\"entryDate\":\"2025-04-17\",\"value\":30000}";
    /** An IEEPA-era entry line with its entry facts, CAPE-eligible on 2026-05-15. */
    private static final String ROBOT = "{\"id\":\"robot\",\"hts\":\"8479.50.00\",\"origin\":\"JP\","
            + "\"entryDate\":\"2025-08-20\",\"value\":10000,\"entryNumber\":\"ABC-0000107-4\",\"entryType\":\"01\"}";
    /** The server's body limit, small so that a body over it fits the socket's buffers and the 413 is read whole. */
    private static final int MAX_BODY = 32768;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @TempDir
    static Path logs;
    static Process serve;
    static URI base;
    static JsonNode document;
    static SchemaRegistry schemas;
    /** "METHOD path status" of each exchange checked against the document. */
    static final Set<String> exercised = new TreeSet<>();

    @BeforeAll
    static void startLevyServe() throws Exception {
        // One evaluation at a time and no wait for a slot, so that 503 can be provoked by two requests at once.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "dev.levy.cli.LevyCommand", "serve", "--port", "0",
                "--max-body", String.valueOf(MAX_BODY), "--max-concurrent", "1", "--queue-timeout", "0")
                .redirectError(logs.resolve("serve.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : Pattern.compile("listening on (http://\\S+/)").matcher(line);
        if (m == null || !m.find()) {
            fail("levy serve did not start: " + line + "\n" + Files.readString(logs.resolve("serve.err")));
        }
        base = URI.create(m.group(1));
        HttpResponse<String> served = send("GET", "/v1/openapi.json", null);
        assertEquals(200, served.statusCode());
        document = Json.parse(served.body());
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b
                .schemas(Map.of(DOCUMENT, Json.compact(strict(document.deepCopy()))))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            serve.waitFor();
        }
    }

    @Test
    void theDocumentIsOpenApi31WithTheProjectVersion() throws IOException {
        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals(Levy.version(), document.path("info").path("version").asText(), "one version: the POM's");
        try (var in = OpenApiTest.class.getResourceAsStream(StaticEndpoint.OPENAPI)) {
            assertEquals(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), document,
                    "served as it is in the jar");
        }
    }

    @Test
    void theDocumentIsValidOpenApiThatAClientGeneratorReads() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Json.compact(document), null, options);
        assertEquals(List.of(), parsed.getMessages(), "what swagger-parser finds wrong in the document");
        assertNotNull(parsed.getOpenAPI());
        assertEquals(document.get("paths").size(), parsed.getOpenAPI().getPaths().size());
    }

    @Test
    void theDocumentedPathsAndMethodsAreTheRoutersOnes() {
        Map<String, Set<String>> documented = new TreeMap<>();
        document.get("paths").properties().forEach(p -> documented.put(p.getKey(), methods(p.getValue())));
        Map<String, Set<String>> served = new TreeMap<>();
        LevyServer.router(TestSupport.levy(), Limits.defaults()).methods().forEach((path, methods) -> {
            Set<String> m = new TreeSet<>(methods);
            m.remove("HEAD"); // every GET answers HEAD, as the document says once for all
            served.put(path, m);
        });
        assertEquals(served, documented, "paths and methods of the router (left) and of the document (right)");
    }

    @Test
    void everyDocumentedStatusIsRealAndEveryBodyValidates() throws Exception {
        // POST /v1/evaluate
        expect(200, "POST", "/v1/evaluate", CAR);
        expect(200, "POST", "/v1/evaluate", "[" + CAR + ",{\"id\":\"b\",\"hts\":\"12\"},7]");
        expect(200, "POST", "/v1/evaluate", "[]");
        expect(200, "POST", "/v1/evaluate?asKnown=2025-08-20", CAR);
        expect(200, "POST", "/v1/evaluate?scenario=ieepa-invalidated", CAR);
        expect(400, "POST", "/v1/evaluate", CAR.replace("\"JP\"", "\"J1\""));
        expect(400, "POST", "/v1/evaluate", "{\"hts\":");
        expect(400, "POST", "/v1/evaluate", "");
        expect(400, "POST", "/v1/evaluate", "42");
        expect(413, "POST", "/v1/evaluate", "[" + "{},".repeat(Limits.DEFAULT_MAX_SHIPMENTS) + "{}]");
        expect(413, "POST", "/v1/evaluate", "[\"" + "x".repeat(MAX_BODY) + "\"]");
        // POST /v1/refunds: the report, the zip, one CAPE file, and its errors
        String lines = CAR.replace("}", ",\"entryNumber\":\"ABC-0000101-4\",\"entryType\":\"01\"}") + "\n"
                + CAR.replace("\"JP\"", "\"J1\"") + "\n" + ROBOT + "\n";
        expect(200, "POST", "/v1/refunds?asOf=2026-05-15", lines);
        expect(200, "POST", "/v1/refunds?asOf=2026-05-15", "");
        expect(200, "POST", "/v1/refunds?asOf=2026-05-15&format=cape", lines);
        expect(200, "POST", "/v1/refunds?asOf=2026-05-15&format=cape&file=1", ROBOT);
        expect(400, "POST", "/v1/refunds?asOf=2026-05-32", lines);
        expect(400, "POST", "/v1/refunds?format=cape&file=x", lines);
        expect(404, "POST", "/v1/refunds?asOf=2026-05-15&format=cape&file=2", ROBOT);
        expect(413, "POST", "/v1/refunds", "{}\n".repeat(Limits.DEFAULT_MAX_SHIPMENTS + 1));
        expect(413, "POST", "/v1/refunds", "\"" + "x".repeat(MAX_BODY) + "\"");
        // GET /v1/timeline
        String car = "/v1/timeline?hts=8703.23.01&origin=JP&value=30000";
        expect(200, "GET", car);
        expect(200, "GET", car + "&from=2025-05-01&to=2025-06-30&transport=vessel&declarations=DONATION"
                + "&metalContent.steel=100&usContent=10");
        expect(400, "GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=1&from=x");
        expect(400, "GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=1&from=2024-12-31");
        expect(400, "GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=1&entryDate=2025-04-17");
        expect(400, "GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=1&colour=red");
        expect(400, "GET", "/v1/timeline?hts=87&origin=JP&value=1");
        // v1.1: the law as known on a day, a scenario, and no value (rates only)
        expect(200, "GET", car + "&asKnown=2025-08-20");
        expect(200, "GET", car + "&scenario=ieepa-invalidated");
        expect(200, "GET", "/v1/timeline?hts=8703.23.01&origin=JP");
        expect(400, "GET", car + "&asKnown=2025-13-01");
        expect(400, "GET", car + "&scenario=no-such-scenario");
        expect(400, "POST", "/v1/evaluate?asKnown=2025-13-01", CAR);
        expect(400, "POST", "/v1/evaluate?scenario=no-such-scenario", CAR);
        // the other GET endpoints
        for (String path : List.of("/v1/rules", "/healthz", "/v1/openapi.json", "/", "/app.js", "/chart.js",
                "/style.css", "/dom.js", "/refunds", "/refunds.js")) {
            expect(200, "GET", path);
            assertEquals("", send("HEAD", path, null).body(), "HEAD " + path + " has no body");
        }
        // 404 anywhere off the document, 405 for each path with a method it does not take
        expect(404, "GET", "/v2/evaluate");
        expect(404, "POST", "/v1/evaluate/");
        for (var p : document.get("paths").properties()) {
            expect(405, methods(p.getValue()).contains("POST") ? "GET" : "POST", p.getKey(), "{}");
            expect(405, "DELETE", p.getKey());
        }
        // 503: two evaluations at once on a server that takes one and waits for none
        provokeOverload("POST", "/v1/evaluate", "[" + (CAR + ",").repeat(300) + CAR + "]");
        provokeOverload("GET", car, null);
        provokeOverload("POST", "/v1/refunds?asOf=2026-05-15", (ROBOT + "\n").repeat(200));

        Set<String> documented = new TreeSet<>();
        for (var p : document.get("paths").properties()) {
            for (var op : p.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    op.getValue().get("responses").fieldNames().forEachRemaining(status -> {
                        if (!status.equals("default")) { // 500: a defect, which no request can provoke on purpose
                            documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " " + status);
                        }
                    });
                }
                documented.add("* " + p.getKey() + " 405");
            }
        }
        documented.add("* (undocumented) 404");
        assertEquals(documented, exercised, "every documented status, and nothing else, was provoked");
    }

    @Test
    void everyFixtureShipmentGivesAResultOrAnErrorThatValidates() throws Exception {
        List<Fixture> fixtures = FixtureLoader.load(List.of(TestSupport.projectDir().resolve("fixtures")));
        List<String> shipments = new ArrayList<>();
        for (Fixture f : fixtures) {
            if (f.shipment() != null) {
                shipments.add(Json.compact(f.shipment()));
            }
        }
        assertTrue(shipments.size() > 400, "fixtures: " + shipments.size());
        int results = 0;
        List<String> chunk = new ArrayList<>();
        int bytes = 2;
        for (int i = 0; i <= shipments.size(); i++) {
            if (i == shipments.size() || bytes + shipments.get(i).length() + 1 > MAX_BODY / 2) {
                JsonNode out = Json.parse(expect(200, "POST", "/v1/evaluate", "[" + String.join(",", chunk) + "]")
                        .body());
                assertEquals(chunk.size(), out.size());
                for (JsonNode e : out) {
                    results += e.has("error") ? 0 : 1;
                }
                chunk.clear();
                bytes = 2;
            }
            if (i < shipments.size()) {
                chunk.add(shipments.get(i));
                bytes += shipments.get(i).length() + 1;
            }
        }
        assertTrue(results > 300, "results among the fixtures' shipments: " + results);
    }

    @Test
    void theValidationFailsOnWhatTheDocumentDoesNotAllow() throws Exception {
        JsonNode result = Json.parse(send("POST", "/v1/evaluate", CAR).body());
        assertTrue(errors(schema("#/components/schemas/Result"), result).isEmpty());
        ObjectNode extra = result.deepCopy();
        extra.put("discount", 1);
        assertFalse(errors(schema("#/components/schemas/Result"), extra).isEmpty(), "an undocumented field fails");
        ObjectNode missing = result.deepCopy();
        missing.remove("totalDuty");
        assertFalse(errors(schema("#/components/schemas/Result"), missing).isEmpty(), "a missing field fails");
        ObjectNode v11 = result.deepCopy();
        v11.put("refundable", 0);
        v11.putObject("view").put("asKnown", "2025-08-20");
        ((ObjectNode) v11.get("measures").get(0)).put("invalidated", "Learning Resources, Inc. v. Trump (2026)");
        ((ObjectNode) v11.get("measures").get(0)).put("confidence", "medium");
        ((ObjectNode) v11.get("notApplied").get(0)).put("confidence", "medium");
        assertTrue(errors(schema("#/components/schemas/Result"), v11).isEmpty(), "the v1.1 additions validate");
        v11.putObject("view").put("asKnown", "2025-02-30");
        assertFalse(errors(schema("#/components/schemas/Result"), v11).isEmpty(), "dates are checked");
        JsonNode ambiguous = Json.parse("{\"id\":null,\"error\":{\"code\":\"AMBIGUOUS_HTS\",\"field\":\"hts\","
                + "\"message\":\"m\"}}");
        assertTrue(errors(schema("#/components/schemas/Error"), ambiguous).isEmpty());
    }

    /** The request answered with {@code status}, checked against the document. */
    private static HttpResponse<String> expect(int status, String method, String path) throws Exception {
        return expect(status, method, path, null);
    }

    private static HttpResponse<String> expect(int status, String method, String path, String body) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        conforms(method, path, r);
        return r;
    }

    /** Sends requests three at a time until one gets 503; each answer (200 or 503) is checked against the document. */
    private static void provokeOverload(String method, String path, String body) throws Exception {
        for (int round = 0; round < 50; round++) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                burst.add(CLIENT.sendAsync(request(method, path, body), HttpResponse.BodyHandlers.ofString()));
            }
            boolean overloaded = false;
            for (var f : burst) {
                HttpResponse<String> r = f.get();
                conforms(method, path, r);
                overloaded |= r.statusCode() == 503;
            }
            if (overloaded) {
                return;
            }
        }
        fail("no 503 from " + method + " " + path + " in 50 rounds of three requests at once on one slot");
    }

    /** The response is one the document gives for this path, method and status, with its headers and body. */
    private static void conforms(String method, String fullPath, HttpResponse<String> r) {
        String path = URI.create(fullPath).getPath();
        String what = method + " " + fullPath + " " + r.statusCode();
        JsonNode item = document.get("paths").get(path);
        String pointer;
        if (item == null) {
            assertEquals(404, r.statusCode(), what + ": a path off the document");
            pointer = "#/components/responses/NotFound";
            exercised.add("* (undocumented) 404");
        } else if (!methods(item).contains(method) && !(method.equals("HEAD") && methods(item).contains("GET"))) {
            assertEquals(405, r.statusCode(), what + ": a method the path does not take");
            pointer = "#/components/responses/MethodNotAllowed";
            Set<String> allowed = new TreeSet<>(methods(item));
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            assertEquals(String.join(", ", allowed), r.headers().firstValue("Allow").orElse(""), what);
            exercised.add("* " + path + " 405");
        } else {
            String op = method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
            JsonNode responses = item.get(op).get("responses");
            String status = String.valueOf(r.statusCode());
            assertTrue(responses.has(status), what + ": a status the document does not give for this operation");
            pointer = "#/paths/" + escape(path) + "/" + op + "/responses/" + status;
            exercised.add(method + " " + path + " " + status);
        }
        JsonNode response = at(pointer);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText();
            response = at(pointer);
        }
        response.path("headers").properties().forEach(h -> {
            if (h.getValue().path("required").asBoolean()) {
                assertTrue(r.headers().firstValue(h.getKey()).isPresent(), what + ": header " + h.getKey());
            }
        });
        if (method.equals("HEAD")) {
            return;
        }
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode content = response.path("content");
        assertTrue(content.has(type), what + ": Content-Type " + type + " is not among " + content);
        if (type.equals("application/json")) {
            JsonNode body = TestSupport.json(r.body());
            List<Error> errors = errors(schema(pointer + "/content/application~1json/schema"), body);
            assertTrue(errors.isEmpty(), what + ": " + errors + "\n" + r.body());
        }
    }

    private static Schema schema(String pointer) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT + pointer));
    }

    private static List<Error> errors(Schema schema, JsonNode instance) {
        return schema.validate(instance);
    }

    /** The document's node at a local JSON pointer ({@code #/components/...}). */
    private static JsonNode at(String pointer) {
        JsonNode node = document.at(pointer.substring(1));
        assertFalse(node.isMissingNode(), pointer);
        return node;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> methods(JsonNode pathItem) {
        Set<String> out = new TreeSet<>();
        pathItem.fieldNames().forEachRemaining(name -> {
            if (METHODS.contains(name)) {
                out.add(name.toUpperCase(Locale.ROOT));
            }
        });
        return out;
    }

    /**
     * The document with {@code unevaluatedProperties: false} on every object schema that lists its properties and
     * says nothing of others: published, the document lets clients ignore fields they do not know; here, the server
     * may send no field that the document does not describe.
     */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && o.get("properties").isObject() && !o.has("additionalProperties")
                    && !o.has("unevaluatedProperties")) {
                o.put("unevaluatedProperties", false);
            }
            o.elements().forEachRemaining(OpenApiTest::strict);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(OpenApiTest::strict);
        }
        return node;
    }

    private static HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return CLIENT.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }
}
