package dev.levy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.TestSupport;
import dev.levy.io.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API of levy serve, over loopback with a plain HTTP client. */
class ServerTest {
    static final String CAR = "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static LevyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LevyServer.start(TestSupport.levy(), new InetSocketAddress("127.0.0.1", 0),
                new Limits(4096, 3, 2, Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return TestSupport.json(r.body());
    }

    static String errorCode(HttpResponse<String> r) {
        return json(r).path("error").path("code").asText();
    }

    @Test
    void evaluatesOneShipmentAsTheCliDoes() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/evaluate", CAR);
        assertEquals(200, r.statusCode());
        assertEquals(Json.pretty(TestSupport.levy().evaluate(CAR)) + "\n", r.body());
        JsonNode result = json(r);
        assertEquals(0, result.get("totalRate").decimalValue().compareTo(new java.math.BigDecimal("27.5")));
        List<String> programs = new ArrayList<>();
        result.get("measures").forEach(m -> programs.add(m.get("program").asText() + " " + m.get("heading").asText()));
        assertEquals(List.of("SECTION_232_AUTOS 9903.94.01", "MFN 8703.23.01"), programs);
    }

    @Test
    void resultsSayWhatIsRefundableAndWhichMeasuresWereHeldUnlawful() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/evaluate", ROBOT);
        assertEquals(200, r.statusCode());
        JsonNode result = json(r);
        assertEquals(0, result.get("refundable").decimalValue().compareTo(new java.math.BigDecimal("1250.00")), r.body());
        assertTrue(result.get("measures").get(0).get("invalidated").asText().startsWith("Learning Resources"), r.body());
        assertEquals(0, json(send("POST", "/v1/evaluate", CAR)).get("refundable").decimalValue().signum(),
                "refundable is always present, 0.00 when nothing is");
    }

    @Test
    void evaluatesAnArrayInOrderWithErrorsInTheirPlaces() throws Exception {
        String bad = "{\"id\":\"b\",\"hts\":\"12\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1}";
        HttpResponse<String> r = send("POST", "/v1/evaluate", "[" + CAR + "," + bad + ",7]");
        assertEquals(200, r.statusCode());
        JsonNode out = json(r);
        assertEquals(3, out.size());
        assertEquals("8703.23.01", out.get(0).get("hts").asText());
        assertEquals("b", out.get(1).get("id").asText());
        assertEquals("INVALID_HTS", out.get(1).get("error").get("code").asText());
        assertEquals("NOT_AN_OBJECT", out.get(2).get("error").get("code").asText());
        assertEquals(3, r.body().lines().filter(l -> l.startsWith("{")).count(), "one result per line");
    }

    @Test
    void aRejectedShipmentIsA400WithTheContractErrorObject() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/evaluate", CAR.replace("\"JP\"", "\"J1\""));
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_COUNTRY", errorCode(r));
        assertEquals("origin", json(r).get("error").get("field").asText());
        assertTrue(json(r).has("id"));
    }

    @Test
    void badBodiesAre400() throws Exception {
        assertEquals("INVALID_JSON", errorCode(send("POST", "/v1/evaluate", "{\"hts\":")));
        assertEquals("INVALID_JSON", errorCode(send("POST", "/v1/evaluate", "")));
        HttpResponse<String> r = send("POST", "/v1/evaluate", "42");
        assertEquals(400, r.statusCode());
        assertEquals("NOT_AN_OBJECT", errorCode(r));
    }

    @Test
    void limitsGive413() throws Exception {
        HttpResponse<String> big = send("POST", "/v1/evaluate", "[" + (CAR + ",").repeat(60) + CAR + "]");
        assertEquals(413, big.statusCode());
        assertEquals("BODY_TOO_LARGE", errorCode(big));
        HttpResponse<String> many = send("POST", "/v1/evaluate", "[" + CAR + "," + CAR + "," + CAR + "," + CAR + "]");
        assertEquals(413, many.statusCode());
        assertEquals("TOO_MANY_SHIPMENTS", errorCode(many));
    }

    @Test
    void unknownPathsAndMethodsAre404And405() throws Exception {
        HttpResponse<String> missing = send("GET", "/v2/evaluate", null);
        assertEquals(404, missing.statusCode());
        assertEquals("NOT_FOUND", errorCode(missing));
        HttpResponse<String> get = send("GET", "/v1/evaluate", null);
        assertEquals(405, get.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", errorCode(get));
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertEquals(405, send("POST", "/v1/rules", "{}").statusCode());
        assertEquals(405, send("DELETE", "/", null).statusCode());
    }

    @Test
    void rulesListProgramsDeclarationsAndEveryRuleWithItsPlace() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/rules", null);
        assertEquals(200, r.statusCode());
        JsonNode rules = json(r);
        assertEquals(TestSupport.levy().rulesVersion(), rules.get("version").asText());
        assertEquals(TestSupport.levy().ruleSet().rules().size(), rules.get("rules").size());
        JsonNode programs = rules.get("programs");
        assertEquals("MFN", programs.get(programs.size() - 1).get("code").asText(), "CBP order: MFN last");
        assertTrue(programs.get(0).get("title").asText().length() > 3);
        assertTrue(rules.get("declarations").size() > 0);
        assertTrue(rules.get("transports").toString().contains("vessel"));
        for (JsonNode rule : rules.get("rules")) {
            assertTrue(rule.get("file").asText().endsWith(".drl") && rule.get("line").asInt() > 0, rule.toString());
            assertTrue(!rule.get("citation").asText().isBlank(), rule.toString());
            assertTrue(!rule.has("salience"), "the order is named, not numbered: " + rule);
        }
        JsonNode ukDerivatives = null;
        for (JsonNode rule : rules.get("rules")) {
            if (rule.get("name").asText().equals("Section 232 exception: UK derivative metal stays at 25%")) {
                ukDerivatives = rule;
            }
        }
        assertEquals("[\"Section 232 exception: UK metal stays at 25%\"]", ukDerivatives.get("overrides").toString());
    }

    @Test
    void timelineGivesEachChangeWithItsInstrument() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=30000", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode periods = json(r).get("periods");
        List<String> starts = new ArrayList<>();
        periods.forEach(p -> starts.add(p.get("from").asText()));
        assertTrue(starts.containsAll(List.of("2025-01-01", "2025-04-03", "2025-09-16")), starts.toString());
        for (int i = 1; i < periods.size(); i++) {
            JsonNode p = periods.get(i);
            assertEquals(p.get("from").asText(), java.time.LocalDate.parse(periods.get(i - 1).get("to").asText())
                    .plusDays(1).toString(), "periods are contiguous");
            assertTrue(p.get("changes").size() > 0 && !p.get("changes").get(0).get("citation").asText().isBlank());
        }
        JsonNode april = periods.get(starts.indexOf("2025-04-03"));
        assertEquals(0, april.get("totalRate").decimalValue().compareTo(new java.math.BigDecimal("27.5")));
        assertEquals("SECTION_232_AUTOS", april.get("changes").get(0).get("program").asText());
    }

    /**
     * Section 122's row from 2026-04-23 and the forced-labor 301 from 2026-07-24 rest on secondary sources: those periods
     * and their measures say so; the period before, read from Revision 6, does not, nor does the MFN line.
     */
    @Test
    void timelineMarksThePeriodsWhoseMeasuresRestOnMediumSources() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/timeline?hts=6402.99.90&origin=VN&value=1000&from=2026-04-01"
                + "&to=2026-08-31", null);
        assertEquals(200, r.statusCode(), r.body());
        List<String> marked = new ArrayList<>();
        for (JsonNode p : json(r).get("periods")) {
            marked.add(p.get("from").asText() + " " + p.path("confidence").asText("-"));
            for (JsonNode m : p.get("measures")) {
                String program = m.get("program").asText();
                String expected = (program.equals("SECTION_122") || program.equals("SECTION_301_FORCED_LABOR"))
                        && p.has("confidence") ? "medium" : "-";
                assertEquals(expected, m.path("confidence").asText("-"), p.toString());
            }
        }
        assertEquals(List.of("2026-04-01 -", "2026-04-23 medium", "2026-07-24 medium"), marked);
    }

    @Test
    void timelineClipsToItsSpanAndTakesTheOptionalFacts() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=30000&from=2025-05-01"
                + "&to=2025-06-30&transport=vessel&declarations=DONATION", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode periods = json(r).get("periods");
        assertEquals("2025-05-01", periods.get(0).get("from").asText());
        assertEquals("2025-06-30", periods.get(periods.size() - 1).get("to").asText());
    }

    @Test
    void timelineErrorsAre400() throws Exception {
        assertEquals("MISSING_FIELD", errorCode(send("GET", "/v1/timeline?hts=8703.23.01&value=1", null)));
        assertEquals("INVALID_DATE", errorCode(send("GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=1&from=x", null)));
        assertEquals("DATE_OUT_OF_RANGE", errorCode(send("GET",
                "/v1/timeline?hts=8703.23.01&origin=JP&value=1&from=2024-12-31", null)));
        assertEquals("INVALID_PARAMETER", errorCode(send("GET",
                "/v1/timeline?hts=8703.23.01&origin=JP&value=1&entryDate=2025-04-17", null)));
        assertEquals("UNKNOWN_FIELD", errorCode(send("GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=1&colour=red",
                null)));
        assertEquals(400, send("GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=-1", null).statusCode());
        // issue 9.3: an 8-digit number the derivative list splits is not decided in the span, never silently dropped
        assertEquals("AMBIGUOUS_HTS", errorCode(send("GET", "/v1/timeline?hts=7326.90.86&origin=JP&value=10000", null)));
        assertEquals(200, send("GET", "/v1/timeline?hts=7326.90.86&origin=JP&value=10000&to=2025-03-11", null).statusCode());
    }

    static final String ROBOT = "{\"hts\":\"8479.50.00\",\"origin\":\"JP\",\"entryDate\":\"2025-08-20\",\"value\":10000}";

    @Test
    void evaluateReadsTheLawAsKnownOrAScenarioAndSaysWhich() throws Exception {
        HttpResponse<String> owed = send("POST", "/v1/evaluate", ROBOT);
        assertEquals(200, owed.statusCode(), owed.body());
        assertTrue(!json(owed).has("view"), "the final schedule: no view");
        HttpResponse<String> filed = send("POST", "/v1/evaluate?asKnown=2025-08-20", ROBOT);
        assertEquals(200, filed.statusCode(), filed.body());
        assertEquals(0, json(filed).get("totalDuty").decimalValue().compareTo(new java.math.BigDecimal("1750.00")));
        assertEquals("{\"asKnown\":\"2025-08-20\"}", json(filed).get("view").toString());
        assertEquals(Json.pretty(TestSupport.levy().under(dev.levy.model.LawView.asKnown(java.time.LocalDate.of(2025, 8, 20)))
                .evaluate(ROBOT)) + "\n", filed.body(), "as levy eval --as-known prints it");
        HttpResponse<String> what = send("POST", "/v1/evaluate?scenario=ieepa-invalidated&asKnown=2025-08-20", "[" + ROBOT + "]");
        assertEquals(200, what.statusCode(), what.body());
        assertEquals("{\"asKnown\":\"2025-08-20\",\"scenario\":\"ieepa-invalidated\"}", json(what).get(0).get("view").toString());
        assertEquals(0, json(what).get(0).get("totalDuty").decimalValue().compareTo(new java.math.BigDecimal("250.00")));
    }

    @Test
    void evaluateWritesTheFieldsTheQueryAsksForAsLevyEvalDoes() throws Exception {
        dev.levy.model.Fields fields = dev.levy.model.Fields.of("id,totalDuty,refundable");
        HttpResponse<String> one = send("POST", "/v1/evaluate?fields=totalDuty,id,refundable", ROBOT);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(Json.pretty(TestSupport.levy().evaluate(ROBOT), fields) + "\n", one.body());
        assertEquals(List.of("totalDuty", "refundable"), iterable(json(one).fieldNames()), "no id given: none written");
        HttpResponse<String> many = send("POST", "/v1/evaluate?fields=id,totalDuty,refundable&asKnown=2025-08-20",
                "[" + ROBOT + ",{\"id\":\"x\"}]");
        assertEquals(200, many.statusCode(), many.body());
        assertEquals(List.of("totalDuty", "refundable"), iterable(json(many).get(0).fieldNames()));
        assertEquals("MISSING_FIELD", json(many).get(1).get("error").get("code").asText(), "an error object is whole");
        HttpResponse<String> bad = send("POST", "/v1/evaluate?fields=id,trail", ROBOT);
        assertEquals(400, bad.statusCode());
        assertEquals("INVALID_PARAMETER", errorCode(bad));
        assertEquals("fields", json(bad).get("error").get("field").asText());
        assertTrue(json(bad).get("error").get("message").asText().startsWith("unknown field 'trail'; the fields of a result"
                + " are: id, hts,"), bad.body());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void badViewParametersAre400NamingTheParameter() throws Exception {
        HttpResponse<String> date = send("POST", "/v1/evaluate?asKnown=2025-13-01", ROBOT);
        assertEquals(400, date.statusCode());
        assertEquals("INVALID_DATE", errorCode(date));
        assertEquals("asKnown", json(date).get("error").get("field").asText());
        HttpResponse<String> scenario = send("POST", "/v1/evaluate?scenario=nope", ROBOT);
        assertEquals(400, scenario.statusCode());
        assertEquals("INVALID_PARAMETER", errorCode(scenario));
        assertEquals("scenario", json(scenario).get("error").get("field").asText());
        assertTrue(json(scenario).get("error").get("message").asText().contains("ieepa-invalidated"), scenario.body());
        HttpResponse<String> file = send("POST", "/v1/evaluate?scenario=%2Fetc%2Fpasswd", ROBOT);
        assertEquals("INVALID_PARAMETER", errorCode(file), "the service reads no scenario file");
        HttpResponse<String> typo = send("POST", "/v1/evaluate?asknown=2025-08-20", ROBOT);
        assertEquals(400, typo.statusCode(), "a misspelt parameter must not give the final schedule quietly");
        assertEquals("INVALID_PARAMETER", errorCode(typo));
        assertEquals("asknown", json(typo).get("error").get("field").asText());
        assertEquals("INVALID_PARAMETER", errorCode(send("POST", "/v1/evaluate?asKnown=2025-08-20&asKnown=2025-08-21", ROBOT)));
        assertEquals("INVALID_DATE", errorCode(send("GET", "/v1/timeline?hts=8479.50.00&origin=JP&asKnown=x", null)));
    }

    @Test
    void timelineWithoutAValueGivesRatesOnly() throws Exception {
        HttpResponse<String> rates = send("GET", "/v1/timeline?hts=8703.23.01&origin=JP", null);
        assertEquals(200, rates.statusCode(), rates.body());
        HttpResponse<String> amounts = send("GET", "/v1/timeline?hts=8703.23.01&origin=JP&value=30000", null);
        assertEquals(200, amounts.statusCode(), amounts.body());
        JsonNode r = json(rates);
        JsonNode a = json(amounts);
        assertTrue(!r.has("value") && a.get("value").decimalValue().intValue() == 30000);
        assertEquals(a.get("periods").size(), r.get("periods").size());
        for (int i = 0; i < r.get("periods").size(); i++) {
            JsonNode pr = r.get("periods").get(i);
            JsonNode pa = a.get("periods").get(i);
            assertEquals(pa.get("from"), pr.get("from"));
            assertEquals(0, pa.get("totalRate").decimalValue().compareTo(pr.get("totalRate").decimalValue()), "same rates");
            assertTrue(!pr.has("totalDuty") && pa.has("totalDuty"), pr.toString());
            assertEquals(pa.get("measures").size(), pr.get("measures").size());
            pr.get("measures").forEach(m -> assertTrue(m.has("rate") && !m.has("amount"), m.toString()));
            pa.get("measures").forEach(m -> assertTrue(m.has("amount"), m.toString()));
            assertEquals(pa.get("changes"), pr.get("changes"));
        }
        HttpResponse<String> content = send("GET", "/v1/timeline?hts=7208.51.00&origin=DE&metalContent.steel=100", null);
        assertEquals(400, content.statusCode(), content.body());
        assertEquals("MISSING_FIELD", errorCode(content));
        assertEquals("value", json(content).get("error").get("field").asText());
    }

    @Test
    void timelineReadsTheLawAsKnownAndSaysSo() throws Exception {
        HttpResponse<String> owed = send("GET", "/v1/timeline?hts=8479.50.00&origin=JP&from=2025-08-20&to=2025-08-20", null);
        HttpResponse<String> filed = send("GET", "/v1/timeline?hts=8479.50.00&origin=JP&from=2025-08-20&to=2025-08-20"
                + "&asKnown=2025-08-20", null);
        assertEquals(200, filed.statusCode(), filed.body());
        assertTrue(!json(owed).has("view"));
        assertEquals("{\"asKnown\":\"2025-08-20\"}", json(filed).get("view").toString());
        assertEquals(0, json(owed).get("periods").get(0).get("totalRate").decimalValue().compareTo(new java.math.BigDecimal("15")));
        assertEquals(0, json(filed).get("periods").get(0).get("totalRate").decimalValue().compareTo(new java.math.BigDecimal("17.5")));
    }

    /** Three lines of two entries and one without an entry number, IEEPA-era (law to 2026-04-22 only). */
    static final String ENTRY_LINES = "{\"id\":\"shoes\",\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\","
            + "\"value\":40000,\"entryNumber\":\"ABC-0000101-4\",\"entryType\":\"01\",\"liquidationDate\":\"2026-04-03\"}\n"
            + "{\"id\":\"lamps\",\"hts\":\"9405.11.40\",\"origin\":\"CN\",\"entryDate\":\"2025-03-12\",\"value\":25000,"
            + "\"entryNumber\":\"ABC-0000103-3\",\"entryType\":\"01\",\"liquidationDate\":\"2026-01-23\"}\n"
            + "{\"id\":\"ware\",\"hts\":\"3925.90.00\",\"origin\":\"DE\",\"entryDate\":\"2025-09-01\",\"value\":10000,"
            + "\"entryNumber\":\"ABC00001029\",\"entryType\":\"01\",\"liquidationDate\":\"2026-04-03\"}\n";

    static HttpResponse<byte[]> sendForBytes(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What {@code levy refunds --cape DIR} writes for the same lines: DIR's files by name. */
    static java.util.Map<String, String> cliCape(String lines, java.nio.file.Path dir) throws Exception {
        java.nio.file.Path input = dir.resolve("lines.jsonl");
        java.nio.file.Files.writeString(input, lines);
        dev.levy.cli.CliRunner.Run run = dev.levy.cli.CliRunner.run("refunds", "--cape", dir.resolve("out").toString(),
                "--as-of", "2026-05-15", input.toString());
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var listing = java.nio.file.Files.list(dir.resolve("out"))) {
            for (java.nio.file.Path f : listing.toList()) {
                files.put(f.getFileName().toString(), java.nio.file.Files.readString(f));
            }
        }
        assertTrue(files.containsKey("entries.jsonl"), run.err());
        return files;
    }

    @Test
    void refundsGiveTheClisEntriesTotalsAndCapeFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        HttpResponse<String> r = send("POST", "/v1/refunds?asOf=2026-05-15", ENTRY_LINES);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = json(r);
        java.util.Map<String, String> cli = cliCape(ENTRY_LINES, dir);
        StringBuilder entries = new StringBuilder();
        report.get("entries").forEach(e -> entries.append(Json.compact(e)).append('\n'));
        assertEquals(cli.get("entries.jsonl"), entries.toString(), "the per-entry objects are entries.jsonl's lines");
        assertEquals("2026-05-15", report.get("asOf").asText());
        assertEquals(3, report.get("read").asLong());
        assertEquals(0, report.get("rejected").asLong());
        assertEquals(2, report.get("totals").get("CAPE").get("entries").asLong(), r.body());
        assertEquals(1, report.get("totals").get("PROTEST").get("lines").asLong(), r.body());
        assertEquals("[{\"name\":\"cape-001.csv\",\"file\":1,\"entries\":2}]", report.get("capeFiles").toString());

        HttpResponse<byte[]> zip = sendForBytes("/v1/refunds?asOf=2026-05-15&format=cape", ENTRY_LINES);
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        java.util.Map<String, String> zipped = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zipped.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        cli.remove("lines.jsonl");
        assertEquals(cli, zipped, "the zip holds what levy refunds --cape DIR writes in DIR");
        assertEquals(java.util.Arrays.toString(zip.body()), java.util.Arrays.toString(
                sendForBytes("/v1/refunds?asOf=2026-05-15&format=cape", ENTRY_LINES).body()), "the same bytes each time");

        HttpResponse<String> one = send("POST", "/v1/refunds?asOf=2026-05-15&format=cape&file=1", ENTRY_LINES);
        assertEquals(200, one.statusCode());
        assertTrue(one.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("Entry Number\r\nABC-0000101-4\r\nABC-0000102-9\r\n", one.body());
        assertEquals(cli.get("cape-001.csv"), one.body());
    }

    @Test
    void refundsAccountForEveryLineAndReadCsv() throws Exception {
        String csv = "hts,origin,entryDate,value,entryNumber,entryType,liquidationDate\n"
                + "6403.99.60,VN,2025-06-17,1000,ABC-1234567-8,01,2026-02-24\n"
                + "12,VN,2025-06-17,1000,XYZ-1234567-8,01,\n"
                + "6403.99.60,VN,2025-06-17,1000,,01,\n";
        HttpResponse<String> r = send("POST", "/v1/refunds?asOf=2026-05-15", csv);
        assertEquals(200, r.statusCode(), "a rejected line never stops the others: " + r.body());
        JsonNode report = json(r);
        assertEquals(3, report.get("read").asLong());
        assertEquals(1, report.get("rejected").asLong());
        JsonNode rejected = report.get("rejectedLines").get(0);
        assertEquals(3, rejected.get("line").asLong(), "CSV lines are numbered as in the body, header first");
        assertEquals("XYZ-1234567-8", rejected.get("entryNumber").asText());
        assertEquals("INVALID_HTS", rejected.get("error").get("code").asText());
        long lines = 0;
        for (JsonNode t : report.get("totals")) {
            lines += t.get("lines").asLong();
        }
        assertEquals(3, lines, "every line is in one entry object");
        assertEquals("CAPE", report.get("entries").get(0).get("path").asText());
        assertEquals("2026-05-15", report.get("entries").get(0).get("deadline").asText(), "the 80th day");
        assertEquals("INCOMPLETE_ENTRY", report.get("entries").get(1).get("path").asText());
        assertEquals("NO_ENTRY_NUMBER", report.get("entries").get(2).get("path").asText());
    }

    @Test
    void refundsDecideOnTodayInUsEasternTimeWithoutAsOf() throws Exception {
        java.time.ZoneId eastern = java.time.ZoneId.of("America/New_York");
        java.time.LocalDate before = java.time.LocalDate.now(eastern);
        HttpResponse<String> r = send("POST", "/v1/refunds", ENTRY_LINES);
        java.time.LocalDate after = java.time.LocalDate.now(eastern);
        assertEquals(200, r.statusCode(), r.body());
        String asOf = json(r).get("asOf").asText();
        assertTrue(asOf.equals(before.toString()) || asOf.equals(after.toString()), asOf);
    }

    @Test
    void refundsErrorsNameTheParameterAndLimitsGive413() throws Exception {
        HttpResponse<String> date = send("POST", "/v1/refunds?asOf=2026-13-01", ENTRY_LINES);
        assertEquals("INVALID_DATE", errorCode(date));
        assertEquals("asOf", json(date).get("error").get("field").asText());
        assertEquals("format", json(send("POST", "/v1/refunds?format=xlsx", ENTRY_LINES)).get("error").get("field")
                .asText());
        assertEquals("file", json(send("POST", "/v1/refunds?file=1", ENTRY_LINES)).get("error").get("field").asText(),
                "file without format=cape");
        assertEquals("file", json(send("POST", "/v1/refunds?format=cape&file=0", ENTRY_LINES)).get("error")
                .get("field").asText());
        assertEquals("asof", json(send("POST", "/v1/refunds?asof=2026-05-15", ENTRY_LINES)).get("error").get("field")
                .asText(), "a misspelt parameter is refused, never a quiet default");
        HttpResponse<String> missing = send("POST", "/v1/refunds?asOf=2026-05-15&format=cape&file=2", ENTRY_LINES);
        assertEquals(404, missing.statusCode());
        assertTrue(json(missing).get("error").get("message").asText().contains("1 file(s)"), missing.body());
        HttpResponse<String> many = send("POST", "/v1/refunds", ENTRY_LINES + ENTRY_LINES.substring(0,
                ENTRY_LINES.indexOf('\n') + 1));
        assertEquals(413, many.statusCode());
        assertEquals("TOO_MANY_SHIPMENTS", errorCode(many));
        HttpResponse<String> big = send("POST", "/v1/refunds", ENTRY_LINES.repeat(20));
        assertEquals(413, big.statusCode());
        assertEquals("BODY_TOO_LARGE", errorCode(big));
    }

    @Test
    void healthAndPlayground() throws Exception {
        assertEquals("ok", json(send("GET", "/healthz", null)).get("status").asText());
        HttpResponse<String> page = send("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(page.body().contains("<title>Levy playground</title>"));
        assertTrue(page.body().contains("href=\"/refunds\""), "the navigation links the refunds page");
        assertTrue(send("GET", "/refunds", null).body().contains("<script src=\"/refunds.js\""));
        for (String file : List.of("/app.js", "/chart.js", "/style.css", "/dom.js", "/refunds.js")) {
            assertEquals(200, send("GET", file, null).statusCode(), file);
        }
        HttpResponse<String> head = send("HEAD", "/", null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void bindsLoopbackAddresses() {
        assertTrue(server.address().getAddress().isLoopbackAddress());
        assertTrue(server.uri().toString().startsWith("http://127.0.0.1:"));
    }

    static URI uri(String path) {
        return server.uri().resolve(path);
    }
}
