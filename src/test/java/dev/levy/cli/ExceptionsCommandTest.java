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
        // donations overrides informational materials, which overrides the listed products: tried in that order
        int donations = out.indexOf(" 1. [exceptions] \"Brazil exception: donations\"");
        int informational = out.indexOf(" 2. [exceptions] \"Brazil exception: informational materials\"");
        assertTrue(donations > 0 && informational > donations, out);
        assertTrue(out.contains("overrides: \"Brazil exception: informational materials\""), out);
        assertTrue(out.contains("50 U.S.C. 1702(b)(2); HTSUS 9903.01.79"), "each rule with its citation:\n" + out);
        assertTrue(out.contains("[stacking] \"Brazil not on articles subject to Section 232\""), out);
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
        assertEquals("Reciprocal exception: donations", first.get("overrides").get(0).asText());
    }

    @Test
    void anUnknownProgramIsBadInputWithTheNearestNames() {
        CliRunner.Run run = CliRunner.run("exceptions", "--program", "IEEPA_BRAZI");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("did you mean IEEPA_BRAZIL?"), run.err());
    }
}
