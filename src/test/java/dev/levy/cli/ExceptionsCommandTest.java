package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.TestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code levy exceptions}: the tree of a program's duty rules and its exceptions, in the order they are tried. */
class ExceptionsCommandTest {

    @Test
    void printsTheDutyRulesThenTheExceptionsInTheirDerivedOrderWithCitations() {
        CliRunner.Run run = CliRunner.run("exceptions", "--program", "IEEPA_BRAZIL");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("IEEPA_BRAZIL: IEEPA Brazil (EO 14323)", lines.get(0));
        assertTrue(lines.get(1).startsWith("  duty \"Listed duty: a row of a listed table, on the full value\"  "
                + "rules/duties/listed_duties.drl:"), lines.get(1));
        assertTrue(run.out().contains("listed in duties/listed_duties.csv: brazil_rate (on the full value)"), run.out());
        String out = run.out();
        // the declared exceptions override the listed ones: tried in that order
        int declared = out.indexOf(" 1. [exceptions] \"Declared exception: the declaration takes the shipment out of the program's duty\"");
        int listed = out.indexOf(" 2. [exceptions] \"Listed exception: an HTS number on the program's exception list\"");
        assertTrue(declared > 0 && listed > declared, out);
        assertTrue(out.contains("overrides: \"Listed exception: an HTS number on the program's exception list\""), out);
        // a generic rule shows its rows of the program, each with its citation and the rows it wins over
        int donation = out.indexOf("- declared DONATION, under 9903.01.79  rules/exceptions/declared.csv:");
        int informational = out.indexOf("- declared INFORMATIONAL_MATERIALS, under 9903.01.80  rules/exceptions/declared.csv:");
        assertTrue(declared < donation && donation < informational && informational < listed, out);
        assertTrue(out.substring(donation, informational).contains("50 U.S.C. 1702(b)(2); EO 14323; HTSUS 9903.01.79")
                && out.substring(donation, informational).contains("overrides: INFORMATIONAL_MATERIALS"), out);
        assertTrue(out.contains("- HTS on brazil_civil_aircraft, declared CIVIL_AIRCRAFT, under 9903.01.82  rules/exceptions/listed.csv:"), out);
        assertTrue(!out.contains("9903.01.30"), "only the rows of the program asked for:\n" + out);
        assertTrue(out.contains("[stacking] \"Not on articles subject to another program: the whole article\""), out);
        assertTrue(!out.contains("IEEPA_RECIPROCAL"), "only the program asked for:\n" + out);
    }

    @Test
    void jsonListsEveryProgramInReportingOrder() {
        CliRunner.Run run = CliRunner.run("exceptions", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode programs = TestSupport.json(run.out()).get("programs");
        assertEquals("SECTION_301", programs.get(0).get("program").asText()); // first in programs.csv order
        JsonNode reciprocal = null;
        for (JsonNode p : programs) {
            if (p.get("program").asText().equals("IEEPA_RECIPROCAL")) {
                reciprocal = p;
            }
        }
        assertEquals(2, reciprocal.get("duties").size(), reciprocal.toString());
        JsonNode first = reciprocal.get("exceptions").get(0);
        assertEquals("Reciprocal exception: country outside the tariff", first.get("rule").asText());
        assertEquals("Declared exception: the declaration takes the shipment out of the program's duty", first.get("overrides").get(0).asText());
        JsonNode declared = reciprocal.get("exceptions").get(1);
        assertEquals("DONATION", declared.get("rows").get(0).get("declaration").asText(), declared.toString());
        assertEquals("INFORMATIONAL_MATERIALS", declared.get("rows").get(0).get("overrides").get(0).asText());
    }

    @Test
    void anUnknownProgramIsBadInputWithTheNearestNames() {
        CliRunner.Run run = CliRunner.run("exceptions", "--program", "IEEPA_BRAZI");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("did you mean IEEPA_BRAZIL?"), run.err());
    }
}
