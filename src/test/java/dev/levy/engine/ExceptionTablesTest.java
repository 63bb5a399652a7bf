package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.model.NotApplied;
import dev.levy.model.Problem;
import dev.levy.model.Result;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statutory exceptions by declaration ({@code exceptions/declared.csv}) and the HTS-list exceptions
 * ({@code exceptions/listed.csv}) are rows of one generic rule each: a new exception of either kind is a row, and the
 * row that wins when two could lift one duty is named ({@code overrides}), never numbered. Each lint of the rows'
 * order is shown failing on a table that breaks it.
 */
class ExceptionTablesTest {
    @TempDir
    Path dir;

    private static final String DECLARED = "exceptions/declared.csv";
    private static final String LISTED = "exceptions/listed.csv";

    private Path rulesWith(String table, String rows) throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path file = rules.resolve(table);
        Files.writeString(file, Files.readString(file) + rows);
        return rules;
    }

    private static List<Problem> errors(Path rules) {
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(rules));
        return e.problems().stream().filter(Problem::isError).toList();
    }

    private static String heading(Levy levy, String program, String shipment) throws IOException {
        Result r = (Result) levy.evaluate(new ObjectMapper().readTree(shipment));
        return r.notApplied().stream().filter(n -> n.program().equals(program)).map(NotApplied::heading)
                .findFirst().orElse("applied: " + r.measures());
    }

    private static int lines(Path file) throws IOException {
        return Files.readAllLines(file).size();
    }

    private static final String BRAZIL_BOTH = """
            {"hts": "8501.10.40", "origin": "BR", "entryDate": "2025-09-10", "value": 10000,
             "declarations": ["DONATION", "INFORMATIONAL_MATERIALS"]}""";

    @Test
    void theRowThatOverridesTheOtherIsReported() throws IOException {
        assertEquals("9903.01.79", heading(TestSupport.levy(), "IEEPA_BRAZIL", BRAZIL_BOTH),
                "DONATION overrides INFORMATIONAL_MATERIALS (declared.csv)");
    }

    @Test
    void aNewDeclarationExceptionIsOneRowOrderedByName() throws IOException {
        Path rules = rulesWith(DECLARED, ",IEEPA_BRAZIL,PERSONAL_USE_BAGGAGE,9903.01.99,,,DONATION,usc-1702b2-9903.01.79\n");
        Levy levy = Levy.fromDirectory(rules);
        String both = BRAZIL_BOTH.replace("\"DONATION\"", "\"PERSONAL_USE_BAGGAGE\"");
        assertEquals("9903.01.99", heading(levy, "IEEPA_BRAZIL", both),
                "over DONATION, hence over INFORMATIONAL_MATERIALS too (the overrides are closed over the chain)");
        assertEquals("9903.01.79", heading(levy, "IEEPA_BRAZIL", BRAZIL_BOTH));
    }

    @Test
    void twoRowsOfOneProgramWithNoOrderAreRefusedAtTheRow() throws IOException {
        Path rules = rulesWith(DECLARED, ",IEEPA_BRAZIL,PERSONAL_USE_BAGGAGE,9903.01.99,,,,usc-1702b2-9903.01.79\n");
        int line = lines(rules.resolve(DECLARED));
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith(DECLARED) && p.line() == line
                && p.message().contains("'PERSONAL_USE_BAGGAGE' and 'DONATION'")
                && p.message().contains("can both lift a duty of IEEPA_BRAZIL with no order between them")), errors.toString());
    }

    @Test
    void rowsOfOneProgramForOtherCountriesNeedNoOrder() throws IOException {
        Path rules = rulesWith(DECLARED, "MO,IEEPA_FENTANYL,PERSONAL_USE_BAGGAGE,9903.01.99,,,,usc-1702b2-9903.01.21\n");
        Levy.fromDirectory(rules); // no row of IEEPA_FENTANYL is for Macau, or for every origin: no shipment meets two
    }

    @Test
    void anOverridesThatNamesNoRowIsRefusedWithTheNearestName() throws IOException {
        Path rules = rulesWith(DECLARED, ",IEEPA_BRAZIL,PERSONAL_USE_BAGGAGE,9903.01.99,,,DONATON,usc-1702b2-9903.01.79\n");
        int line = lines(rules.resolve(DECLARED));
        assertTrue(errors(rules).stream().anyMatch(p -> p.file().endsWith(DECLARED) && p.line() == line
                && p.message().contains("overrides 'DONATON' names no row of IEEPA_BRAZIL")
                && p.message().contains("did you mean DONATION")));
    }

    @Test
    void aCycleOfOverridesIsRefused() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path file = rules.resolve(DECLARED);
        Files.writeString(file, Files.readString(file).replace(",IEEPA_BRAZIL,INFORMATIONAL_MATERIALS,9903.01.80,,,,",
                ",IEEPA_BRAZIL,INFORMATIONAL_MATERIALS,9903.01.80,,,DONATION,"));
        assertTrue(errors(rules).stream().anyMatch(p -> p.file().endsWith(DECLARED)
                && p.message().contains("the overrides of IEEPA_BRAZIL are a cycle")), errors(rules).toString());
    }

    @Test
    void aRowNamesAKnownProgramDeclarationAndList() throws IOException {
        Path rules = rulesWith(LISTED, ",IEEPA_BRAZIL,brazil_excepted_product,CIVIL_AIRCRAF,,9903.01.81,,,,"
                + "eo-14323-annex-i-exception\n,IEEPA_BRASIL,brazil_civil_aircraft,,,9903.01.82,,,,eo-14323-civil-aircraft-exception\n");
        int line = lines(rules.resolve(LISTED));
        List<Problem> errors = errors(rules);
        assertTrue(errors.stream().anyMatch(p -> p.line() == line - 1 && p.message().contains("list 'brazil_excepted_product'"
                + " is no table of the rule set (did you mean brazil_excepted_products")), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.line() == line - 1
                && p.message().contains("declaration 'CIVIL_AIRCRAF' is not in declarations.csv")), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.line() == line
                && p.message().contains("program 'IEEPA_BRASIL' is not a code of programs.csv")), errors.toString());
    }

    @Test
    void aDeclaredRowWithoutADeclarationIsRefused() throws IOException {
        Path rules = rulesWith(DECLARED, ",IEEPA_BRAZIL,,9903.01.99,,,,usc-1702b2-9903.01.79\n");
        int line = lines(rules.resolve(DECLARED));
        assertTrue(errors(rules).stream().anyMatch(p -> p.file().endsWith(DECLARED) && p.line() == line
                && p.message().contains("row names neither a list nor a declaration")));
    }

    @Test
    void aListRowWithNoOrderAgainstTheProgramsOtherListsIsRefused() throws IOException {
        Path rules = rulesWith(LISTED, ",IEEPA_BRAZIL,reciprocal_annex_ii,,,9903.01.81,,,,eo-14323-annex-i-exception\n");
        int line = lines(rules.resolve(LISTED));
        assertTrue(errors(rules).stream().anyMatch(p -> p.file().endsWith(LISTED) && p.line() == line
                && p.message().contains("'reciprocal_annex_ii' and 'brazil_excepted_products'")), errors(rules).toString());
    }

    /** A row with a duty_heading lifts only the duty reported under it (the EU list lifts the EU all-in, 9903.02.20). */
    @Test
    void aListRowLiftsOnlyTheDutyOfItsDutyHeading() throws IOException {
        String cork = """
                {"hts": "4501.10.00", "origin": "PT", "entryDate": "2025-09-02", "value": 10000}""";
        assertEquals("9903.02.74", heading(TestSupport.levy(), "IEEPA_RECIPROCAL", cork));
        Path rules = TestSupport.copyOfRules(dir);
        Path file = rules.resolve(LISTED);
        Files.writeString(file, Files.readString(file).replace(",9903.02.20,9903.02.74,", ",9903.02.99,9903.02.74,"));
        assertTrue(heading(Levy.fromDirectory(rules), "IEEPA_RECIPROCAL", cork).startsWith("applied"),
                "the row names another duty heading: the 15% of 9903.02.20 stays");
    }

    /**
     * A new list end to end: its table beside the program, a row in listed.csv, nothing else. On a number both lists
     * hold, the row that overrides the other wins; the declaration it asks for is required.
     */
    @Test
    void aNewListIsItsTableAndOneRowAndTheOverridingListWins() throws IOException {
        Path rules = rulesWith(LISTED, ",IEEPA_BRAZIL,brazil_test_list,PARTICULAR_ARTICLE_DESCRIBED,,9903.01.98,,,"
                + "brazil_excepted_products,eo-14323-annex-i-exception\n");
        // 2008.30.35 (citrus fruit, prepared) is on Brazil's list of note 2(x)(iii)(a) from 2025-08-06
        Files.writeString(rules.resolve("brazil/brazil_test_list.csv"),
                "hts,heading,from,to,source\n2008.30.35,9903.01.98,2025-08-06,,eo-14323-annex-i-exception\n");
        Levy levy = Levy.fromDirectory(rules);
        String hts = "2008.30.35";
        String shipment = """
                {"hts": "%s", "origin": "BR", "entryDate": "2025-09-10", "value": 10000, "declarations": [%s]}""";
        assertEquals("9903.01.98", heading(levy, "IEEPA_BRAZIL", shipment.formatted(hts, "\"PARTICULAR_ARTICLE_DESCRIBED\"")));
        assertEquals("9903.01.81", heading(levy, "IEEPA_BRAZIL", shipment.formatted(hts, "")),
                "without the declaration the new list does not apply: the list it overrides does");
    }
}
