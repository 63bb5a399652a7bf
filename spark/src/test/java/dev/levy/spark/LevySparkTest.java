package dev.levy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.engine.RuleSource;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Rejection;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Levy on Spark in local[2] against levy eval of the same lines: every result, every rejection and the summary agree;
 * the rows in reconcile with results plus rejected; the rules are compiled once per JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LevySparkTest {
    static final int LINES = 100_000;
    /** Bad lines slipped in among the generated ones, by line number (1-based), with the code levy eval gives them. */
    static final Map<Integer, String[]> BAD = Map.of(
            11, new String[] {"{\"id\":\"bad-json\",\"hts\":", "INVALID_JSON"},
            5_000, new String[] {"{\"id\":\"bad-hts\",\"hts\":\"8703\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1}", "INVALID_HTS"},
            20_000, new String[] {"{\"id\":\"typo\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1,\"colour\":\"red\"}", "UNKNOWN_FIELD"},
            50_001, new String[] {"{\"id\":\"bad-origin\",\"hts\":\"8703.23.01\",\"origin\":\"J1\",\"entryDate\":\"2025-04-17\",\"value\":1}", "INVALID_COUNTRY"},
            70_000, new String[] {"[1,2]", "NOT_AN_OBJECT"},
            99_999, new String[] {"{\"id\":\"no-value\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\"}", "MISSING_FIELD"});
    static final int BLANK = 30_000;

    SparkSession spark;
    Levy levy;
    Path dir;
    Path jsonl;
    List<Long> nonBlankLines = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        spark = SparkSession.builder().master("local[2]").appName("levy-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        levy = Levy.bundled(); // the reference in this JVM (and the generator's source of HTS lines and countries)
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 20_251);
        jsonl = dir.resolve("entries.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(jsonl)) {
            for (int line = 1; line <= LINES; line++) {
                String text = line == BLANK ? "" : BAD.containsKey(line) ? BAD.get(line)[0] : generator.next();
                if (!text.isEmpty()) {
                    nonBlankLines.add((long) line);
                }
                w.write(text);
                w.write('\n');
            }
        }
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyLineOfJsonLinesGivesWhatLevyEvalGives() throws Exception {
        assertTrue(spark.read().text(jsonl.toString()).javaRDD().getNumPartitions() >= 2, "the file is split across both cores");
        long t0 = System.nanoTime();
        Path cliOut = dir.resolve("cli.jsonl");
        Path cliErrors = dir.resolve("cli-errors.jsonl");
        Path cliSummary = dir.resolve("cli-summary.json");
        assertEquals(2, cli(cliOut, "eval", jsonl.toString(), "--errors", cliErrors.toString(), "--summary",
                cliSummary.toString()), "levy eval exits 2 when lines are rejected");
        long t1 = System.nanoTime();

        Path out = dir.resolve("out");
        Path summary = dir.resolve("spark-summary.json");
        assertEquals(2, LevySparkJob.run(spark, "--input", jsonl.toString(), "--output", out.toString(), "--summary",
                summary.toString()));
        long t2 = System.nanoTime();
        System.err.printf("levy eval %.1f s, levy-spark local[2] %.1f s, %d lines%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, LINES);

        Dataset<Row> results = spark.read().parquet(out.resolve("results").toString());
        Dataset<Row> rejected = spark.read().parquet(out.resolve("rejected").toString());
        long nResults = results.count();
        long nRejected = rejected.count();
        assertEquals(nonBlankLines.size(), nResults + nRejected, "rows in = results + rejected");
        assertEquals(BAD.size(), nRejected);
        assertEquals(Files.readString(cliSummary), Files.readString(summary), "the summary is levy eval's, byte for byte");

        Map<Long, Row> rejectedByLine = new HashMap<>();
        for (Row r : rejected.collectAsList()) {
            rejectedByLine.put(r.getLong(r.fieldIndex("row")), r);
        }
        for (Map.Entry<Integer, String[]> bad : BAD.entrySet()) {
            Row r = rejectedByLine.get((long) bad.getKey());
            assertNotNull(r, "line " + bad.getKey() + " is rejected");
            assertEquals(bad.getValue()[1], r.getString(r.fieldIndex("code")), "line " + bad.getKey());
            assertEquals(bad.getValue()[0], r.getString(r.fieldIndex("input")));
        }
        try (BufferedReader errors = Files.newBufferedReader(cliErrors)) {
            for (String line; (line = errors.readLine()) != null; ) {
                JsonNode e = Json.parse(line);
                Row r = rejectedByLine.get(e.get("line").asLong());
                assertNotNull(r, line);
                assertEquals(e.path("error").path("code").asText(), r.getString(r.fieldIndex("code")));
                assertEquals(e.path("error").path("field").asText(null), r.getString(r.fieldIndex("field")));
                assertEquals(e.path("error").path("message").asText(), r.getString(r.fieldIndex("message")));
                assertEquals(e.path("id").asText(null), r.getString(r.fieldIndex("id")));
            }
        }

        // every result, line by line, in input order, against levy eval's output for the same line
        Iterator<Row> spark = results.orderBy("row").toLocalIterator();
        int compared = 0;
        try (BufferedReader cli = Files.newBufferedReader(cliOut)) {
            int k = 0;
            for (String line; (line = cli.readLine()) != null; k++) {
                JsonNode expected = Json.parse(line);
                if (expected.has("error")) {
                    continue;
                }
                Row actual = spark.next();
                assertEquals(nonBlankLines.get(k), actual.getLong(actual.fieldIndex("row")));
                assertEquals(canonical(expected), canonical(actual), "line " + nonBlankLines.get(k));
                compared++;
            }
        }
        assertFalse(spark.hasNext());
        assertEquals(nResults, compared);
        assertEquals(1, LevyHolder.builds(), "the rules were compiled once in this JVM");
    }

    @Test
    void csvLinesAreReadAsLevyEvalReadsThem() throws Exception {
        List<String> header = List.of("id", "hts", "origin", "entryDate", "entryTime", "value", "usContent",
                "metalContent.steel", "metalContent.aluminum", "metalContent.copper", "transport", "loadedDate", "spi");
        Path csv = dir.resolve("entries.csv");
        try (BufferedReader in = Files.newBufferedReader(jsonl); BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write(String.join(",", header) + "\n");
            int n = 0;
            for (String line; (line = in.readLine()) != null && n < 3000; ) {
                if (line.isBlank() || !line.startsWith("{\"id\":\"B")) {
                    continue;
                }
                JsonNode s = Json.parse(line);
                List<String> cells = new ArrayList<>();
                for (String f : header) {
                    JsonNode v = f.contains(".") ? s.path(f.substring(0, f.indexOf('.'))).path(f.substring(f.indexOf('.') + 1)) : s.path(f);
                    cells.add(v.isMissingNode() ? "" : v.asText());
                }
                w.write(String.join(",", cells) + "\n");
                if (++n == 1000) {
                    w.write("short,row\n"); // INVALID_CSV: two cells where the header has thirteen
                    w.write("\n");
                }
            }
        }
        Path cliOut = dir.resolve("cli-csv.jsonl");
        Path cliSummary = dir.resolve("cli-csv-summary.json");
        assertEquals(2, cli(cliOut, "eval", csv.toString(), "--input-format", "csv", "--summary", cliSummary.toString()));
        Path out = dir.resolve("out-csv");
        Path summary = dir.resolve("spark-csv-summary.json");
        assertEquals(2, LevySparkJob.run(spark, "--input", csv.toString(), "--output", out.toString(), "--summary",
                summary.toString()));
        assertEquals(Files.readString(cliSummary), Files.readString(summary));
        List<Row> rejected = spark.read().parquet(out.resolve("rejected").toString()).collectAsList();
        assertEquals(1, rejected.size());
        assertEquals("INVALID_CSV", rejected.get(0).getString(rejected.get(0).fieldIndex("code")));
        assertEquals(1002L, rejected.get(0).getLong(rejected.get(0).fieldIndex("row")), "the line number in the file");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(cliOut)) {
            JsonNode e = Json.parse(line);
            if (!e.has("error")) {
                expected.add(canonical(e));
            }
        }
        List<String> actual = new ArrayList<>();
        for (Row r : spark.read().parquet(out.resolve("results").toString()).orderBy("row").collectAsList()) {
            actual.add(canonical(r));
        }
        assertEquals(3000, actual.size());
        assertEquals(expected, actual);
        assertEquals(1, LevyHolder.builds());
    }

    /** The issue's acceptance: a Parquet file of entry lines (typed columns, decimal money) through the job. */
    @Test
    void aParquetFileOfEntryLinesGivesWhatLevyEvalGives() throws Exception {
        Path lines = dir.resolve("parquet-source.jsonl");
        try (BufferedReader in = Files.newBufferedReader(jsonl); BufferedWriter w = Files.newBufferedWriter(lines)) {
            int n = 0;
            for (String line; (line = in.readLine()) != null && n < 3000; ) {
                if (line.startsWith("{\"id\":\"B")) {
                    w.write(line);
                    w.write('\n');
                    n++;
                }
            }
        }
        StructType money = new StructType();
        StructType schema = new StructType()
                .add("id", DataTypes.StringType).add("hts", DataTypes.StringType).add("origin", DataTypes.StringType)
                .add("entryDate", DataTypes.StringType).add("entryTime", DataTypes.StringType)
                .add("value", DataTypes.createDecimalType(18, 2)).add("usContent", DataTypes.createDecimalType(18, 2))
                .add("metalContent", money.add("steel", DataTypes.createDecimalType(18, 2))
                        .add("aluminum", DataTypes.createDecimalType(18, 2)).add("copper", DataTypes.createDecimalType(18, 2)))
                .add("transport", DataTypes.StringType).add("loadedDate", DataTypes.StringType)
                .add("spi", DataTypes.StringType)
                .add("declarations", DataTypes.createArrayType(DataTypes.StringType));
        Path parquet = dir.resolve("entries.parquet");
        spark.read().schema(schema).json(lines.toString()).write().parquet(parquet.toString());

        Path cliOut = dir.resolve("cli-parquet.jsonl");
        Path cliSummary = dir.resolve("cli-parquet-summary.json");
        int cliExit = cli(cliOut, "eval", lines.toString(), "--summary", cliSummary.toString());
        Path out = dir.resolve("out-parquet");
        Path summary = dir.resolve("spark-parquet-summary.json");
        assertEquals(cliExit, LevySparkJob.run(spark, "--input", parquet.toString(), "--output", out.toString(),
                "--summary", summary.toString()));
        assertEquals(Files.readString(cliSummary), Files.readString(summary), "the summary is levy eval's");
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(cliOut)) {
            JsonNode e = Json.parse(line);
            if (!e.has("error")) {
                expected.put(e.get("id").asText(), canonical(e));
            }
        }
        Map<String, String> actual = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("results").toString()).collectAsList()) {
            actual.put(r.getString(r.fieldIndex("id")), canonical(r));
        }
        long rejected = spark.read().parquet(out.resolve("rejected").toString()).count();
        assertEquals(3000, actual.size() + rejected, "rows in = results + rejected");
        assertEquals(expected, actual, "every row's result is levy eval's for the same line");
    }

    @Test
    void typedRowsStructsArraysAndDottedColumnsAreTheContractsFields() throws Exception {
        String declaration = RuleSource.bundled().files().get("declarations.csv").lines()
                .filter(l -> !l.startsWith("#") && !l.startsWith("declaration,")).findFirst().orElseThrow().split(",")[0];
        StructType nested = new StructType()
                .add("id", DataTypes.StringType).add("hts", DataTypes.StringType).add("origin", DataTypes.StringType)
                .add("entryDate", DataTypes.DateType).add("value", DataTypes.createDecimalType(18, 2))
                .add("metalContent", new StructType().add("steel", DataTypes.createDecimalType(18, 2))
                        .add("aluminum", DataTypes.createDecimalType(18, 2)))
                .add("declarations", DataTypes.createArrayType(DataTypes.StringType));
        List<Row> rows = List.of(
                RowFactory.create("car", "8703.23.01", "JP", Date.valueOf("2025-04-17"), new BigDecimal("30000.00"), null, null),
                RowFactory.create("steel", "7326.90.86", "CN", Date.valueOf("2025-07-01"), new BigDecimal("1000.00"),
                        RowFactory.create(new BigDecimal("400.00"), null), List.of(declaration)),
                RowFactory.create("negative", "8703.23.01", "JP", Date.valueOf("2025-04-17"), new BigDecimal("-1.00"), null, null),
                RowFactory.create("unknown-declaration", "8703.23.01", "JP", Date.valueOf("2025-04-17"), new BigDecimal("5.00"),
                        null, List.of("NO_SUCH_FACT")));
        List<String> json = List.of(
                "{\"id\":\"car\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000.00}",
                "{\"id\":\"steel\",\"hts\":\"7326.90.86\",\"origin\":\"CN\",\"entryDate\":\"2025-07-01\",\"value\":1000.00,"
                        + "\"metalContent\":{\"steel\":400.00},\"declarations\":[\"" + declaration + "\"]}",
                "{\"id\":\"negative\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":-1.00}",
                "{\"id\":\"unknown-declaration\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":5.00,"
                        + "\"declarations\":[\"NO_SUCH_FACT\"]}");
        assertSameAsLevy(spark.createDataFrame(rows, nested), json);

        StructType flat = new StructType()
                .add("id", DataTypes.StringType).add("hts", DataTypes.StringType).add("origin", DataTypes.StringType)
                .add("entryDate", DataTypes.StringType).add("value", DataTypes.DoubleType)
                .add("metalContent.steel", DataTypes.StringType).add("declarations", DataTypes.StringType)
                .add("quantity.amount", DataTypes.createDecimalType(18, 6)).add("quantity.unit", DataTypes.StringType);
        List<Row> flatRows = List.of(
                RowFactory.create("steel", "7326.90.86", "CN", "2025-07-01", 1000.1, "400", declaration + ";", null, null),
                RowFactory.create("live-cattle", "0102.29.40", "MX", "2025-03-01", 2500.0, null, null, new BigDecimal("1000.000000"), "kg"),
                RowFactory.create("no-quantity", "0102.29.40", "MX", "2025-03-01", 2500.0, null, null, null, null));
        List<String> flatJson = List.of(
                "{\"id\":\"steel\",\"hts\":\"7326.90.86\",\"origin\":\"CN\",\"entryDate\":\"2025-07-01\",\"value\":1000.1,"
                        + "\"metalContent\":{\"steel\":400},\"declarations\":[\"" + declaration + "\"]}",
                "{\"id\":\"live-cattle\",\"hts\":\"0102.29.40\",\"origin\":\"MX\",\"entryDate\":\"2025-03-01\",\"value\":2500.0,"
                        + "\"quantity\":{\"amount\":1000.000000,\"unit\":\"kg\"}}",
                "{\"id\":\"no-quantity\",\"hts\":\"0102.29.40\",\"origin\":\"MX\",\"entryDate\":\"2025-03-01\",\"value\":2500.0}");
        assertSameAsLevy(spark.createDataFrame(flatRows, flat), flatJson);

        StructType extra = new StructType().add("hts", DataTypes.StringType).add("origin", DataTypes.StringType)
                .add("entryDate", DataTypes.StringType).add("value", DataTypes.IntegerType).add("colour", DataTypes.StringType);
        try (Evaluated e = LevySpark.evaluate(spark.createDataFrame(
                List.of(RowFactory.create("8703.23.01", "JP", "2025-04-17", 30000, "red")), extra), RuleSource.bundled())) {
            Row r = e.rejected().first();
            assertEquals("UNKNOWN_FIELD", r.getString(r.fieldIndex("code")));
            assertEquals("colour", r.getString(r.fieldIndex("field")));
            assertEquals(new Evaluated.Counts(1, 0, 1), e.counts());
        }
        assertEquals(1, LevyHolder.builds());
    }

    private void assertSameAsLevy(Dataset<Row> rows, List<String> json) throws IOException {
        try (Evaluated e = LevySpark.evaluate(rows, RuleSource.bundled())) {
            Map<Long, Row> results = new HashMap<>();
            e.results().collectAsList().forEach(r -> results.put(r.getLong(r.fieldIndex("row")), r));
            Map<Long, Row> rejected = new HashMap<>();
            e.rejected().collectAsList().forEach(r -> rejected.put(r.getLong(r.fieldIndex("row")), r));
            assertEquals(new Evaluated.Counts(json.size(), results.size(), rejected.size()), e.counts());
            for (int i = 0; i < json.size(); i++) {
                Evaluation expected = levy.evaluate(json.get(i));
                long row = i + 1;
                if (expected instanceof Rejection x) {
                    Row r = rejected.get(row);
                    assertNotNull(r, "row " + row + " is rejected: " + Json.compact(x));
                    assertEquals(x.error().code().name(), r.getString(r.fieldIndex("code")));
                    assertEquals(x.error().field(), r.getString(r.fieldIndex("field")));
                    assertEquals(x.error().message(), r.getString(r.fieldIndex("message")));
                } else {
                    assertNotNull(results.get(row), "row " + row + " is evaluated: " + rejected.get(row));
                    assertEquals(canonical(Json.parse(Json.compact(expected))), canonical(results.get(row)));
                }
            }
        }
    }

    @Test
    void rulesThatDoNotCompileStopTheJobBeforeAnyTaskWithExitCode3() throws IOException {
        Path rules = dir.resolve("broken-rules");
        for (Map.Entry<String, String> f : RuleSource.bundled().files().entrySet()) {
            Path p = rules.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getKey().endsWith("mfn.drl") ? f.getValue() + "\nrule \"broken\" when then oops end\n" : f.getValue());
        }
        assertEquals(3, LevySparkJob.run(spark, "--input", jsonl.toString(), "--output", dir.resolve("never").toString(),
                "--rules", rules.toString()));
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void anExecutorRefusesRulesWhoseTextIsNotTheShippedHash() {
        ShippedRules forged = new ShippedRules("0".repeat(64), RuleSource.bundled());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LevyHolder.get(forged));
        assertTrue(e.getMessage().contains("is not the one shipped"), e.getMessage());
    }

    /** The result's columns as one line: the contract's fields, decimals compared by value. */
    static String canonical(JsonNode r) {
        StringBuilder b = new StringBuilder();
        b.append(r.path("id").asText(null)).append('|').append(r.get("hts").asText()).append('|')
                .append(r.get("origin").asText()).append('|').append(r.get("entryDate").asText()).append('|')
                .append(num(r.get("value").decimalValue()));
        for (JsonNode m : r.get("measures")) {
            b.append("|M ").append(m.get("program").asText()).append(',').append(m.path("heading").asText(null)).append(',')
                    .append(num(m.get("rate").decimalValue())).append(',').append(num(m.get("basis").decimalValue()))
                    .append(',').append(num(m.get("amount").decimalValue())).append(',').append(m.path("citation").asText(null));
        }
        b.append("|T ").append(num(r.get("totalDuty").decimalValue())).append(',').append(num(r.get("totalRate").decimalValue()));
        for (JsonNode n : r.get("notApplied")) {
            b.append("|N ").append(n.get("program").asText()).append(',').append(n.path("heading").asText(null)).append(',')
                    .append(n.path("reason").asText(null)).append(',').append(n.path("citation").asText(null)).append(',')
                    .append(n.has("basis") ? num(n.get("basis").decimalValue()) : null);
        }
        b.append("|V ").append(r.path("view").path("asKnown").asText(null)).append(',')
                .append(r.path("view").path("scenario").asText(null));
        return b.append('|').append(r.get("rulesVersion").asText()).toString();
    }

    static String canonical(Row r) {
        StringBuilder b = new StringBuilder();
        b.append(r.getString(r.fieldIndex("id"))).append('|').append(r.getString(r.fieldIndex("hts"))).append('|')
                .append(r.getString(r.fieldIndex("origin"))).append('|').append(r.getDate(r.fieldIndex("entryDate"))).append('|')
                .append(num(r.getDecimal(r.fieldIndex("value"))));
        for (Row m : r.<Row>getList(r.fieldIndex("measures"))) {
            b.append("|M ").append(m.getString(0)).append(',').append(m.getString(1)).append(',').append(num(m.getDecimal(2)))
                    .append(',').append(num(m.getDecimal(3))).append(',').append(num(m.getDecimal(4))).append(',')
                    .append(m.getString(5));
        }
        b.append("|T ").append(num(r.getDecimal(r.fieldIndex("totalDuty")))).append(',')
                .append(num(r.getDecimal(r.fieldIndex("totalRate"))));
        for (Row n : r.<Row>getList(r.fieldIndex("notApplied"))) {
            b.append("|N ").append(n.getString(0)).append(',').append(n.getString(1)).append(',').append(n.getString(2))
                    .append(',').append(n.getString(3)).append(',').append(n.isNullAt(4) ? null : num(n.getDecimal(4)));
        }
        Row view = r.getStruct(r.fieldIndex("view"));
        b.append("|V ").append(view == null || view.isNullAt(0) ? null : view.getDate(0).toString()).append(',')
                .append(view == null ? null : view.getString(1));
        return b.append('|').append(r.getString(r.fieldIndex("rulesVersion"))).toString();
    }

    private static String num(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** levy eval, as its own process on this class path (the core's CLI), standard output to a file. */
    @Test
    void refundsPerEntryAreLevyRefundsCapesEntriesByteForByte() throws Exception {
        // the generator of docs/refunds.md: 2,000 entries of three lines each, then the lines that test the edges
        Path generated = dir.resolve("cape-generated.jsonl");
        Path script = Path.of("..", "scripts", "CapeEntries.java");
        assertTrue(Files.exists(script), script.toAbsolutePath().toString());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), script.toString(), "2000", "2026")
                .redirectOutput(generated.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertEquals(0, p.waitFor());
        List<String> lines = new ArrayList<>(Files.readAllLines(generated));
        assertEquals(6000, lines.size());
        String loose = "{\"id\":\"loose\",\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\","
                + "\"value\":1000}";
        JsonNode first = Json.parse(lines.get(0));
        JsonNode second = Json.parse(lines.get(3));
        lines.add(0, loose); // a line without an entry number first: it still comes after every entry
        lines.add(3000, lines.get(1).replace("\"entryType\":\"" + first.get("entryType").asText() + "\"",
                "\"entryType\":\"" + (first.get("entryType").asText().equals("47") ? "01" : "47") + "\""));
        lines.add(3001, "{\"hts\":\"12\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":1,"
                + "\"entryNumber\":\"" + second.get("entryNumber").asText() + "\"}");
        lines.add(4000, "");
        lines.add(loose.replace("loose", "loose-2"));
        Path input = dir.resolve("cape-entries.jsonl");
        Files.write(input, lines);

        Path cape = dir.resolve("cape");
        assertEquals(2, cli(dir.resolve("cape.out"), "refunds", "--cape", cape.toString(), "--as-of", "2026-05-15",
                input.toString()), "a rejected line: exit 2");
        String expected = Files.readString(cape.resolve("entries.jsonl"));

        Dataset<Row> entries = LevySpark.refundsOfJsonLines(spark.read().text(input.toString()), RuleSource.bundled(),
                java.time.LocalDate.parse("2026-05-15"));
        assertEquals(Schemas.REFUND_ENTRY, entries.schema());
        StringBuilder actual = new StringBuilder();
        for (Row r : entries.collectAsList()) {
            actual.append(Json.compact(Schemas.entryResult(r))).append('\n');
        }
        assertEquals(expected, actual.toString(), "Spark's entries are levy refunds --cape's entries.jsonl, byte for byte");
        assertTrue(expected.contains("INCONSISTENT_ENTRY") && expected.contains("INCOMPLETE_ENTRY")
                && expected.contains("NO_ENTRY_NUMBER") && expected.contains("\"CAPE\"") && expected.contains("PROTEST"),
                "the input reaches the paths and the edges");
    }

    @Test
    void refundsOfTypedRowsReadTheEntryColumnsAsTheCliReadsTheFields() throws Exception {
        StructType schema = new StructType()
                .add("id", DataTypes.StringType).add("hts", DataTypes.StringType).add("origin", DataTypes.StringType)
                .add("entryDate", DataTypes.DateType).add("value", DataTypes.createDecimalType(18, 2))
                .add("entryNumber", DataTypes.StringType).add("entryType", DataTypes.StringType)
                .add("liquidationDate", DataTypes.DateType).add("reconciliation", DataTypes.BooleanType)
                .add("protestOpen", DataTypes.BooleanType);
        List<Row> rows = List.of(
                RowFactory.create("shoes", "6403.99.60", "VN", Date.valueOf("2025-06-17"), new BigDecimal("40000.00"),
                        "ABC-0000101-4", "01", Date.valueOf("2026-04-03"), null, null),
                RowFactory.create("recon", "3925.90.00", "DE", Date.valueOf("2025-11-04"), new BigDecimal("9000.00"),
                        "ABC00001066", "01", null, true, false),
                RowFactory.create("lamps", "9405.11.40", "CN", Date.valueOf("2025-03-12"), new BigDecimal("25000.00"),
                        "ABC-0000103-3", "01", Date.valueOf("2026-01-23"), false, true),
                RowFactory.create("shoes-2", "3925.90.00", "VN", Date.valueOf("2025-06-17"), new BigDecimal("12000.00"),
                        "ABC-0000101-4", "47", Date.valueOf("2026-04-03"), null, null));
        String json = "{\"id\":\"shoes\",\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":40000.00,"
                + "\"entryNumber\":\"ABC-0000101-4\",\"entryType\":\"01\",\"liquidationDate\":\"2026-04-03\"}\n"
                + "{\"id\":\"recon\",\"hts\":\"3925.90.00\",\"origin\":\"DE\",\"entryDate\":\"2025-11-04\",\"value\":9000.00,"
                + "\"entryNumber\":\"ABC00001066\",\"entryType\":\"01\",\"reconciliation\":true,\"protestOpen\":false}\n"
                + "{\"id\":\"lamps\",\"hts\":\"9405.11.40\",\"origin\":\"CN\",\"entryDate\":\"2025-03-12\",\"value\":25000.00,"
                + "\"entryNumber\":\"ABC-0000103-3\",\"entryType\":\"01\",\"liquidationDate\":\"2026-01-23\","
                + "\"reconciliation\":false,\"protestOpen\":true}\n"
                + "{\"id\":\"shoes-2\",\"hts\":\"3925.90.00\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":12000.00,"
                + "\"entryNumber\":\"ABC-0000101-4\",\"entryType\":\"47\",\"liquidationDate\":\"2026-04-03\"}\n";
        Path input = dir.resolve("cape-rows.jsonl");
        Files.writeString(input, json);
        Path cape = dir.resolve("cape-rows");
        assertEquals(0, cli(dir.resolve("cape-rows.out"), "refunds", "--cape", cape.toString(), "--as-of",
                "2026-05-15", input.toString()));
        StringBuilder actual = new StringBuilder();
        for (Row r : LevySpark.refunds(spark.createDataFrame(rows, schema), RuleSource.bundled(),
                java.time.LocalDate.parse("2026-05-15")).collectAsList()) {
            actual.append(Json.compact(Schemas.entryResult(r))).append('\n');
        }
        String expected = Files.readString(cape.resolve("entries.jsonl"));
        assertEquals(expected, actual.toString(), "typed columns give the entries of the same lines as JSON");
        assertTrue(expected.contains("INCONSISTENT_ENTRY") && expected.contains("NOT_YET")
                && expected.contains("\"PROTEST\""), expected);
    }

    private static int cli(Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.levy.cli.LevyCommand"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(new File(stdout + ".err"))).start();
        int exit = p.waitFor();
        String err = Files.readString(Path.of(stdout + ".err"), StandardCharsets.UTF_8);
        assertTrue(err.contains("read "), "levy eval reports its counts: " + err);
        return exit;
    }
}
