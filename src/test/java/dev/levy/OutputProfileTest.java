package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.cli.CliRunner;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output profiles ({@code levy eval --fields}, {@link Levy#fields(Fields)}): the fields written are those of the full
 * output, byte for byte, though what no written field shows (the trace, {@code refundable}) is not computed.
 */
class OutputProfileTest {
    /** The profile of a batch user who does not want the trace. */
    private static final String AMOUNTS = "id,measures,totalDuty,totalRate,refundable";
    private static final int SHIPMENTS = 1_200; // two chunks: an 8-digit number, a refund, a medium source among them
    private static List<JsonNode> shipments;
    private static List<Evaluation> full;

    @TempDir
    Path dir;

    @BeforeAll
    static void evaluateEverything() throws IOException {
        ShipmentGenerator generator = new ShipmentGenerator(TestSupport.levy().ruleSet(), 11);
        shipments = new ArrayList<>();
        for (int i = 0; i < SHIPMENTS; i++) {
            shipments.add(Json.parse(generator.next()));
        }
        full = TestSupport.levy().evaluateAll(shipments);
    }

    /** The line of the full output with only {@code fields} kept: what a profile must write. */
    private static String kept(String fullLine, Fields fields) throws IOException {
        JsonNode node = Json.parse(fullLine);
        if (node.has("error")) {
            return fullLine;
        }
        ((ObjectNode) node).retain(fields.names());
        return Json.compact(node);
    }

    @Test
    void aProfileNamesResultFieldsAndKeepsTheResultsOrder() {
        Fields f = Fields.of(" totalDuty,id ,measures");
        assertEquals(List.of("id", "measures", "totalDuty"), f.names());
        assertEquals("id,measures,totalDuty", f.toString());
        assertEquals(Fields.of("id,measures,totalDuty"), f);
        assertTrue(Fields.ALL.all());
        assertEquals(Fields.ALL, Fields.of(String.join(",", Fields.NAMES)));
        assertEquals(List.of("id", "hts", "origin", "entryDate", "value", "view", "measures", "totalDuty", "totalRate",
                "refundable", "notApplied", "trace", "rulesVersion"), Fields.NAMES);
    }

    @Test
    void anUnknownFieldIsAnErrorNamingItAndTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fields.of("id,totalduty"));
        assertEquals("unknown field 'totalduty'; the fields of a result are: id, hts, origin, entryDate, value, view, "
                + "measures, totalDuty, totalRate, refundable, notApplied, trace, rulesVersion", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fields.of("id,,measures")).getMessage()
                .startsWith("an empty field name;"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fields.of(List.of())).getMessage()
                .startsWith("no field named;"));
        assertThrows(IllegalArgumentException.class, () -> Fields.ALL.has("traces"), "a misspelt name never reads as absent");
    }

    @Test
    void theFacadeComputesOnlyWhatTheProfileShowsAndWritesTheFullOutputsBytes() throws IOException {
        int medium = 0;
        int refundable = 0;
        for (String list : List.of(AMOUNTS, "id,totalDuty", "measures,notApplied,trace", "hts,view,refundable,rulesVersion")) {
            Fields fields = Fields.of(list);
            List<Evaluation> profiled = TestSupport.levy().fields(fields).evaluateAll(shipments);
            for (int i = 0; i < SHIPMENTS; i++) {
                String line = Levy.json(full.get(i));
                assertEquals(kept(line, fields), Levy.json(profiled.get(i), fields), list + ", shipment " + (i + 1));
                if (full.get(i) instanceof Result r && profiled.get(i) instanceof Result p) {
                    assertEquals(fields.has("trace") ? r.trace() : null, p.trace(), "the trace is kept only when written");
                    assertEquals(fields.has("refundable") ? r.refundable() : null, p.refundable());
                    if (fields.has("measures")) { // the confidence of each measure too, written or not
                        assertEquals(r.measures(), p.measures());
                        assertEquals(r.notApplied(), p.notApplied());
                        medium += (int) r.measures().stream().filter(m -> m.confidence() != null).count();
                    }
                    refundable += r.refundable().signum() != 0 && fields.has("refundable") ? 1 : 0;
                }
            }
        }
        assertTrue(medium > 0, "the shipments have a measure of medium confidence, so the test can see it kept");
        assertTrue(refundable > 0, "the shipments have a refundable duty, so the test can see it kept");
    }

    @Test
    void everyFieldIsTheDefaultOutput() {
        Levy all = TestSupport.levy().fields(Fields.ALL);
        for (int i = 0; i < 50; i++) {
            Evaluation e = all.evaluate(shipments.get(i));
            assertEquals(Levy.json(full.get(i)), Levy.json(e, Fields.ALL));
            assertEquals(Levy.json(full.get(i)), Levy.json(e));
        }
    }

    @Test
    void levyEvalWritesTheProfilesFieldsOfTheFullOutputByteForByte() throws IOException {
        StringBuilder in = new StringBuilder();
        for (JsonNode s : shipments) {
            in.append(Json.compact(s)).append('\n');
        }
        in.append("{\"id\":\"bad\",\"hts\":\"8703.23.01\"}\n"); // a rejection is written whole
        Path file = Files.writeString(dir.resolve("in.jsonl"), in.toString());
        CliRunner.Run all = CliRunner.run("eval", file.toString());
        CliRunner.Run profiled = CliRunner.run("eval", "--fields", AMOUNTS, "--threads", "2", file.toString());
        assertEquals(all.exit(), profiled.exit());
        assertEquals(all.err(), profiled.err());
        String[] a = all.out().split("\n");
        String[] p = profiled.out().split("\n");
        assertEquals(a.length, p.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(kept(a[i], Fields.of(AMOUNTS)), p[i], "line " + (i + 1));
        }
        assertTrue(p[p.length - 1].contains("\"error\":{"), p[p.length - 1]);

        CliRunner.Run one = CliRunner.run("eval", "--fields", "totalDuty,id", Files.writeString(dir.resolve("one.json"),
                Json.compact(shipments.get(0))).toString());
        assertEquals(0, one.exit(), one.err());
        Result r = (Result) full.get(0);
        assertEquals(Json.pretty(Json.parse(kept(Levy.json(r), Fields.of("id,totalDuty")))) + "\n", one.out());
    }

    @Test
    void theSummaryTotalsTheSameWhateverTheProfile() throws IOException {
        StringBuilder in = new StringBuilder();
        shipments.subList(0, 300).forEach(s -> in.append(Json.compact(s)).append('\n'));
        Path file = Files.writeString(dir.resolve("in.jsonl"), in.toString());
        Path all = dir.resolve("all.json");
        Path some = dir.resolve("some.json");
        CliRunner.run("eval", "--summary", all.toString(), file.toString());
        CliRunner.Run r = CliRunner.run("eval", "--fields", "id", "--summary", some.toString(), file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(all), Files.readString(some));
        assertNotNull(Json.parse(Files.readString(some)).get("totalRefundable"));
    }

    @Test
    void badProfilesAreUsageErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("one.json"), Json.compact(shipments.get(0)));
        CliRunner.Run unknown = CliRunner.run("eval", "--fields", "id,duty", file.toString());
        assertEquals(2, unknown.exit());
        assertEquals("", unknown.out());
        assertTrue(unknown.err().startsWith("levy eval: --fields: unknown field 'duty'; the fields of a result are: id, "),
                unknown.err());
        CliRunner.Run text = CliRunner.run("eval", "--fields", "id", "--format", "text", file.toString());
        assertEquals(2, text.exit());
        assertTrue(text.err().contains("--format text explains the whole result"), text.err());
    }
}
