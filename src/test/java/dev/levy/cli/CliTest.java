package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of the contract: outputs and exit codes. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = LevyCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void evalOfOneShipmentPrintsOnePrettyResult() throws IOException {
        Run r = run("eval", file("one.json", "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"totalDuty\" : 8250.00"), r.out());
        assertTrue(r.out().contains("\"totalRate\" : 27.5"), r.out());
    }

    @Test
    void evalOfJsonLinesKeepsOrderAndCountsRejections() throws IOException {
        Path f = file("many.jsonl", """
                {"id":"a","hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000}
                {"id":"b","hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17"
                [1,2]
                {"id":"d","hts":"8703.23.01","origin":"ZZ","entryDate":"2025-04-17","value":30000}
                {"id":"e","hts":"8703.23.01","origin":"DE","entryDate":"2025-04-17","value":10000}
                """);
        Run r = run("eval", f.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals(5, lines.length, r.out());
        assertTrue(lines[0].startsWith("{\"id\":\"a\""));
        assertTrue(lines[1].contains("INVALID_JSON"));
        assertTrue(lines[2].contains("NOT_AN_OBJECT"));
        assertTrue(lines[3].contains("\"id\":\"d\"") && lines[3].contains("INVALID_COUNTRY"));
        assertTrue(lines[4].startsWith("{\"id\":\"e\""));
        assertTrue(r.err().contains("read 5, evaluated 2, rejected 3"), r.err());
        assertEquals(2, r.exit(), "something was rejected");
    }

    @Test
    void evalOfAnArrayGivesJsonLines() throws IOException {
        Path f = file("array.json", "[{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000},"
                + "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100}]");
        Run r = run("eval", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.out().strip().split("\n").length);
    }

    @Test
    void textFormatShowsTheArithmeticAndTheReasons() throws IOException {
        Run r = run("eval", "--format", "text",
                file("one.json", "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("25% x $30,000.00 = $7,500.00"), r.out());
        assertTrue(r.out().contains("Total duty $8,250.00 = 27.5% of the value"), r.out());
        assertTrue(r.out().contains("IEEPA_RECIPROCAL 9903.01.33"), r.out());
    }

    @Test
    void invalidSingleShipmentExitsTwoWithTheErrorObject() throws IOException {
        Run r = run("eval", file("bad.json", "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":-1}").toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("\"code\" : \"INVALID_VALUE\"") && r.out().contains("\"field\" : \"value\""), r.out());
        assertTrue(r.err().contains("INVALID_VALUE"), r.err());
    }

    @Test
    void testCommandEndsWithTheCountLineAndFailsOnAFailingCase() throws IOException {
        Path f = file("cases.json", """
                {"cases": [
                  {"name": "passes", "source": "Proclamation 10908",
                   "shipment": {"hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000},
                   "expect": {"totalDuty": 8250.00, "measures": [{"program":"MFN","rate":2.5},{"program":"SECTION_232_AUTOS","heading":"9903.94.01","rate":25}]}},
                  {"name": "fails", "source": "deliberately wrong",
                   "shipment": {"hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000},
                   "expect": {"totalDuty": 1.00}}
                ]}
                """);
        Run r = run("test", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
        assertTrue(r.out().contains("totalDuty: expected 1.00, actual 8250.00"), r.out());
    }

    @Test
    void checkOfBrokenRulesExitsThreeWithFileLineColumn() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("ruleset.properties"), "name=t\nphases=duties\ncovers.from=2025-01-01\ncovers.to=2026-01-01\n");
        Files.writeString(rules.resolve("programs.csv"), "program,order,title,source\nMFN,1,MFN,src\n");
        Files.writeString(rules.resolve("declarations.csv"), "declaration,meaning,source\n");
        Files.writeString(rules.resolve("country_groups.csv"), "group,country,source\n");
        Files.writeString(rules.resolve("broken.drl"), "package t\n\nrule \"r\"\n    @citation(\"x\")\n    @message(\"y\")\nwhen\n    String( length > )\nthen\nend\n");
        Run r = run("check", "--rules", rules.toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(rules + "/broken.drl:7:"), r.err());
    }

    @Test
    void checkOfTheProjectRulesPasses() {
        Run r = run("check", "--rules", TestSupport.projectDir().resolve("rules").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("rules OK"), r.out());
    }

    @Test
    void versionPrintsAndExitsZero() {
        Run r = run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("levy "), r.out());
    }

    private Path fixture(String name) throws IOException {
        return file(name, """
                {"cases": [
                  {"name": "japanese car", "source": "Proclamation 10908",
                   "shipment": {"hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000},
                   "expect": {"totalDuty": 8250.00}},
                  {"name": "german steel", "source": "Proclamation 10896",
                   "shipment": {"hts":"7208.51.00","origin":"DE","entryDate":"2025-04-17","value":10000},
                   "expect": {"totalDuty": 2500.00}}
                ]}
                """);
    }

    @Test
    void testCommandFiltersByNameAndWritesJunitXml() throws IOException {
        Path cases = fixture("two.json");
        Path xml = dir.resolve("report.xml");
        Run r = run("test", "--name", "steel", "--junit-xml", xml.toString(), cases.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 0 failed"), r.out());
        String report = Files.readString(xml);
        assertTrue(report.contains("tests=\"1\" failures=\"0\"") && report.contains("name=\"german steel\""), report);
    }

    @Test
    void coverageNamesTheRulesNoFixtureFires() throws IOException {
        Run r = run("test", "--coverage", fixture("two.json").toString());
        assertEquals(1, r.exit(), "two cases cannot fire every rule");
        assertTrue(r.out().contains("Coverage by rule"), r.out());
        assertTrue(r.out().contains("rule \"MFN: column 1 special rate claimed\" is exercised by no fixture"), r.out());
        assertTrue(r.out().contains("9903.94.01"), r.out());
    }

    @Test
    void diffNamesEveryChangedShipmentAndTheRuleResponsible() throws IOException {
        Path old = TestSupport.projectDir().resolve("rules");
        Path changed = TestSupport.copyOfRules(Files.createDirectories(dir.resolve("rules-b")));
        Path table = changed.resolve("section232/section232_autos.csv");
        Files.writeString(table, Files.readString(table).replaceAll("(?m)^(87\\d\\d\\.\\d\\d\\.\\d\\d),25,", "$1,30,"));
        Run r = run("diff", "--rules", old.toString(), "--rules", changed.toString(), fixture("two.json").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("CHANGED " + dir.resolve("two.json") + ": japanese car"), r.out());
        assertTrue(r.out().contains("total $8,250.00 -> $9,750.00"), r.out());
        assertTrue(r.out().contains("rules: Listed duty: a row of a listed table, on the full value"), r.out());
        assertTrue(r.out().contains("2 shipments, 1 changed, 1 unchanged"), r.out());
        assertEquals(1, run("diff", "--fail-on-change", "--rules", old.toString(), "--rules", changed.toString(),
                fixture("again.json").toString()).exit());
    }

    @Test
    void textFormatSaysWhenAMeasureWouldApply() throws IOException {
        Run r = run("eval", "--format", "text",
                file("early.json", "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-02\",\"value\":30000}").toString());
        assertTrue(r.out().contains("SECTION_232_AUTOS would apply if entered on or after 2025-04-03 12:01 a.m. (9903.94.01, 25%)"),
                r.out());
    }

    @Test
    void yamlFixturesRunLikeJsonOnes() throws IOException {
        Path f = file("case.yaml", """
                name: Japanese car, spring 2025
                source: Proclamation 10908; EO 14257 sec. 3
                shipment: {hts: "8703.23.01", origin: JP, entryDate: "2025-04-17", value: 30000}
                expect:
                  totalDuty: 8250.00
                  measures:
                    - {program: MFN, rate: 2.5}
                    - {program: SECTION_232_AUTOS, heading: "9903.94.01", rate: 25}
                """);
        Run r = run("test", f.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 0 failed"), r.out());
    }

    @Test
    void importHtsWritesTheScheduleAndReportsCounts() throws IOException {
        Path rules = TestSupport.copyOfRules(Files.createDirectories(dir.resolve("rules-import")));
        Path usitc = dir.resolve("usitc.csv");
        try (var in = CliTest.class.getResourceAsStream("/usitc_excerpt.csv")) {
            Files.write(usitc, in.readAllBytes());
        }
        Run r = run("import-hts", usitc.toString(), "--rules", rules.toString(), "--source", "USITC test excerpt");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("read 18 lines: imported "), r.out());
        String schedule = Files.readString(rules.resolve("mfn/schedule.csv"));
        assertTrue(schedule.contains("0102.29.40,Other: weighing over 320 kg,1¢/kg,"), schedule);
        assertTrue(schedule.contains("\nhts,description,general,special,column2,source\n"), "the column 2 rates are carried");
        assertTrue(schedule.contains("6109.10.00,Of cotton,16.5%,\"Free (AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG)\",90%,"), schedule);
        assertTrue(r.out().contains("column 2 rates: "), r.out());
        assertEquals(0, run("check", "--rules", rules.toString()).exit(), "the imported schedule loads");
    }

    /**
     * {@code import-hts --from DATE} adds an edition beside the one in force from the start, which it leaves as it
     * was; the source is written, the rules load, and entries on and after the day read the new edition.
     */
    @Test
    void importHtsFromADayAddsAnEditionAndKeepsTheEarlierOne() throws IOException {
        Path rules = TestSupport.copyOfRules(Files.createDirectories(dir.resolve("rules-edition")));
        String first = Files.readString(rules.resolve("mfn/schedule.csv"));
        Path usitc = dir.resolve("usitc.csv");
        try (var in = CliTest.class.getResourceAsStream("/usitc_excerpt.csv")) {
            Files.write(usitc, in.readAllBytes());
        }
        Run r = run("import-hts", usitc.toString(), "--rules", rules.toString(), "--from", "2025-07-01",
                "--source-id", "test-edition", "--source", "USITC test excerpt edition");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("wrote " + rules.resolve("mfn/schedule_2025-07-01.csv")), r.out());
        assertEquals(first, Files.readString(rules.resolve("mfn/schedule.csv")), "the earlier edition stays as it was");
        assertTrue(Files.readString(rules.resolve("sources.csv")).endsWith(
                "test-edition,USITC test excerpt edition,,high\n"));
        Path shipment = file("t-shirt.json",
                "{\"hts\":\"6109.10.00.04\",\"origin\":\"NZ\",\"entryDate\":\"2025-07-01\",\"value\":1000}");
        Run eval = run("eval", shipment.toString(), "--rules", rules.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("column 1 General; USITC test excerpt edition"), eval.out());
        assertEquals(2, run("import-hts", usitc.toString(), "--rules", rules.toString(), "--from", "2025-07-32").exit());
    }

    @Test
    void hostileLinesAreRejectedInPlaceAndTheCountsReconcile() throws IOException {
        String good = "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";
        Path f = file("hostile.jsonl", good + "\n"
                + "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1e99999999999}\n"
                + "{\"hts\":\"" + "8".repeat(dev.levy.io.Inputs.MAX_LINE) + "\"}\n"
                + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"
                + "\"text\"\n"
                + "{\"hts\":\n"
                + good + "\n");
        Run r = run("eval", f.toString(), "--threads", "2");
        assertEquals(2, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(7, lines.length, r.out());
        assertTrue(lines[0].contains("\"totalDuty\":8250.00") && lines[6].contains("\"totalDuty\":8250.00"), r.out());
        for (int i = 1; i < 6; i++) {
            assertTrue(lines[i].contains("\"error\":{\"code\":"), lines[i]);
        }
        assertTrue(r.err().contains("read 7, evaluated 2, rejected 5"), r.err());
    }
}
