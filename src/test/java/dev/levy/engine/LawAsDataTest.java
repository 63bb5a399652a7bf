package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levy.model.RuleSetException;
import dev.levy.model.Problem;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.Timeline;
import dev.levy.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The law's particulars are data: dates in tables and parameters (never in DRL), headings and countries flagged where
 * DRL still writes them, one rule per kind of law (copies that differ only in literals flagged), a rule over a table
 * citing the row's source. Each lint is shown failing on a rule that breaks it.
 */
class LawAsDataTest {
    @TempDir
    Path dir;

    private static final String RULE = """

            rule "Test: %s"
                @citation("%s")
                @message("test rule")
                @overrides("Declared exception: the declaration takes the shipment out of the program's duty")
                ruleflow-group "exceptions"
            when
                %s
                d : Duty(shipment == s, program == "IEEPA_BRAZIL")
            then
                delete(d);
                insert(Exemption.of(kcontext, d, d.getHeading()));
            end
            """;

    private Path rulesWith(String name, String citation, String condition) throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path drl = rules.resolve("section201/section201.drl");
        Files.writeString(drl, Files.readString(drl) + RULE.formatted(name, citation, condition));
        return rules;
    }

    private static List<Problem> errors(Path rules) {
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(rules));
        return e.problems().stream().filter(Problem::isError).toList();
    }

    private static List<Problem> warnings(Path rules) {
        return Levy.fromDirectory(rules).ruleSet().warnings();
    }

    @Test
    void aDateWrittenInDrlIsRefusedAtItsLineAndColumn() throws IOException {
        Path rules = rulesWith("a date", "EO 14323", "s : Shipment(regimeDate >= \"2025-09-01\")");
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("section201/section201.drl") && p.column() > 0
                && p.message().contains("the date \"2025-09-01\" is written in DRL")), errors.toString());
    }

    @Test
    void aDateInACommentOrAMessageIsNoLiteral() throws IOException {
        Path rules = rulesWith("2025-09-01 in the name", "EO 14323 of 2025-07-30",
                "// before \"2025-09-01\"\n    s : Shipment()");
        assertTrue(warnings(rules).stream().noneMatch(p -> p.message().contains("2025-09-01")));
    }

    @Test
    void aHeadingWrittenInDrlIsRefusedAtItsLineAndColumn() throws IOException {
        Path rules = rulesWith("a heading", "EO 14323", "s : Shipment()\n    x : Duty(shipment == s, heading == \"9903.01.77\")");
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("section201/section201.drl") && p.column() > 0
                && p.message().contains("the heading \"9903.01.77\" is written in DRL")), errors.toString());
    }

    @Test
    void aCountryWrittenInDrlIsRefusedAtItsLineAndColumn() throws IOException {
        Path rules = rulesWith("a country", "EO 14323", "s : Shipment(origin == \"BR\")");
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("section201/section201.drl") && p.column() > 0
                && p.message().contains("the country \"BR\" is written in DRL")), errors.toString());
    }

    @Test
    void theBundledRulesWriteNoLawLiteralAndNoRuleTwice() {
        assertEquals(List.of(), TestSupport.levy().ruleSet().warnings().stream().filter(p -> p.message().contains(
                "is written in DRL") || p.message().contains("only in literals")).toList());
    }

    @Test
    void twoRulesThatDifferOnlyInLiteralsAreRefusedNamingBoth() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path drl = rules.resolve("section201/section201.drl");
        String copy = RULE.formatted("first copy", "EO 14323", "s : Shipment(declarations contains \"DONATION\")")
                .replace("IEEPA_BRAZIL", "IEEPA_RECIPROCAL").replace("Declared exception: the declaration takes the shipment out of the program's duty",
                        "Reciprocal exception: country outside the tariff")
                + RULE.formatted("second copy", "EO 14257", "s : Shipment(declarations contains \"CIVIL_AIRCRAFT\")");
        Files.writeString(drl, Files.readString(drl) + copy);
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.message().contains("rule \"Test: second copy\" differs from"
                + " \"Test: first copy\"") && p.message().contains("only in literals")), errors.toString());
    }

    @Test
    void rulesOfDifferentShapesAreNotReported() {
        String a = RuleShapes.shape("when s : Shipment(x == \"A\") d : Duty(shipment == s) then delete(d);");
        String b = RuleShapes.shape("when t : Shipment(x == \"B\") e : Duty(shipment == t) then delete(e);");
        String c = RuleShapes.shape("when s : Shipment(x == \"A\") d : Duty(shipment == s, rate > 0) then delete(d);");
        assertEquals(a, b, "bindings and literals are placeholders");
        assertFalse(a.equals(c), "a condition more is another shape");
    }

    @Test
    void aCitationPlaceholderNamesABindingOfTheRule() throws IOException {
        Path rules = rulesWith("a citation placeholder", "{w.source}", "s : Shipment()");
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.message().contains("@citation {w.source}: the rule binds no w")),
                errors.toString());
    }

    @Test
    void aParameterFileRowNeedsAKnownSourceAndAValue() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path params = rules.resolve("section232/parameters.csv");
        Files.writeString(params, Files.readString(params) + "section232_test_day,soon,,,no-such-source\n");
        int line = Files.readAllLines(params).size();
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("parameters.csv") && p.line() == line
                && p.message().contains("'no-such-source' is not an id of sources.csv")), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("parameters.csv") && p.line() == line
                && p.message().contains("'soon'")), errors.toString());
    }

    /** The rule set's own files cite sources by id as the tables do: an unknown id is an error at its file and line. */
    @ParameterizedTest
    @CsvSource({
            "programs.csv, 'TEST_PROGRAM,99,A test program,no-such-source'",
            "declarations.csv, 'TEST_DECLARATION,a test declaration,no-such-source'",
            "country_groups.csv, 'TEST_GROUP,FR,no-such-source'",
            "stacking_matrix.csv, 'SECTION_301,IEEPA_BRAZIL,disjoint,,,,no-such-source'"})
    void aRootFileRowNeedsAKnownSourceId(String file, String row) throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path csv = rules.resolve(file);
        Files.writeString(csv, Files.readString(csv).stripTrailing() + "\n" + row + "\n");
        int line = Files.readAllLines(csv).size();
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith(file) && p.line() == line
                && p.message().contains("'no-such-source' is not an id of sources.csv")), errors.toString());
    }

    @Test
    void aListedDutyTableNamesATableWithRatesAKnownProgramAndBasis() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path listed = rules.resolve("duties/listed_duties.csv");
        Files.writeString(listed, Files.readString(listed)
                + "section232_steal,SECTION_232_STEEL,value,,,,,steel,listed-section232-steel\n"
                + "section301_not_china,SECTION_301,value,,,,,no rate,listed-section301-products\n"
                + "brazil_rate,IEEPA_BRAZL,weight,,DONATON,,brazil_rat,twice,listed-brazil-rate\n");
        int line = Files.readAllLines(listed).size();
        List<String> errors = errors(rules).stream().filter(p -> p.file().endsWith("listed_duties.csv"))
                .map(Problem::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + (line - 2) + ":") && e.contains("no table named"
                + " section232_steal (did you mean section232_steel")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + (line - 1) + ":") && e.contains("has no rate column")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + line + ":") && e.contains("program 'IEEPA_BRAZL'")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + line + ":") && e.contains("basis 'weight'")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + line + ":") && e.contains("brazil_rate is already listed")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + line + ":") && e.contains("declaration 'DONATON'")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(":" + line + ":") && e.contains("undeclared ''")
                && e.contains("[reported, decides]")), "a declaration without what an undeclared shipment is told");
    }

    /** A new listed duty is a table and one row of listed_duties.csv: the generic rule imposes it, no DRL is written. */
    @Test
    void aNewListedDutyIsATableAndOneRow() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Files.writeString(rules.resolve("brazil/brazil_test_listed.csv"), "hts,rate,heading,from,to,source\n"
                + "8501,5,9903.01.77,2025-10-01,,eo-14323-9903.01.77\n");
        Path listed = rules.resolve("duties/listed_duties.csv");
        Files.writeString(listed, Files.readString(listed)
                + "brazil_test_listed,IEEPA_BRAZIL,value,BR,,,,A test duty on Brazilian motors,eo-14323-9903.01.77\n");
        Levy levy = Levy.fromDirectory(rules);
        Result r = (Result) levy.evaluate(new ObjectMapper().readTree("""
                {"hts": "8501.10.40", "origin": "BR", "entryDate": "2025-11-10", "value": 10000}"""));
        assertTrue(r.trace().stream().anyMatch(t -> t.message().startsWith("A test duty on Brazilian motors: HTS"
                + " 8501.10.40 of BR is listed under 8501 in brazil_test_listed, and pays 5% under 9903.01.77")), r.toString());
        Result other = (Result) levy.evaluate(new ObjectMapper().readTree("""
                {"hts": "8501.10.40", "origin": "AR", "entryDate": "2025-11-10", "value": 10000}"""));
        assertTrue(other.trace().stream().noneMatch(t -> t.message().startsWith("A test duty")), "origin BR only");
    }

    @Test
    void anInTransitRowWithAnUnknownTransportIsAnError() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path table = rules.resolve("exceptions/in_transit.csv");
        Files.writeString(table, Files.readString(table) + "IEEPA_BRAZIL,vesel,2025-08-06,9903.01.78,,2025-10-05,"
                + "eo-14323-sec2-in-transit\n");
        assertTrue(errors(rules).stream().anyMatch(p -> p.file().endsWith("in_transit.csv")
                && p.message().contains("transport 'vesel'") && p.message().contains("vessel")));
    }

    /**
     * A new in-transit window is a row: the generic rule applies it, cites the row's source, and the timeline reads its
     * dates from the row (before, the timeline scraped dates out of the DRL).
     */
    @Test
    void aNewInTransitWindowIsOneRowAndTheTimelineReadsItsDates() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path table = rules.resolve("exceptions/in_transit.csv");
        Files.writeString(table, Files.readString(table)
                + "IEEPA_BRAZIL,vessel,2025-11-01,9903.01.78,2025-10-20,2025-11-18,eo-14323-sec2-in-transit\n");
        Levy levy = Levy.fromDirectory(rules);
        JsonNode shipment = new ObjectMapper().readTree("""
                {"hts": "8501.10.40", "origin": "BR", "entryDate": "2025-11-10", "loadedDate": "2025-10-25",
                 "transport": "vessel", "value": 10000}""");
        Result r = (Result) levy.evaluate(shipment);
        assertTrue(r.notApplied().stream().anyMatch(n -> n.program().equals("IEEPA_BRAZIL")
                && "9903.01.78".equals(n.heading()) && n.citation().startsWith("EO 14323 sec. 2")), r.toString());
        List<LocalDate> points = Timeline.of(levy, shipment).stream().map(Timeline.Point::from).toList();
        assertTrue(points.contains(LocalDate.parse("2025-11-18")), points.toString());
        assertFalse(Timeline.of(TestSupport.levy(), shipment).stream().map(Timeline.Point::from).toList()
                .contains(LocalDate.parse("2025-11-18")));
    }
}
