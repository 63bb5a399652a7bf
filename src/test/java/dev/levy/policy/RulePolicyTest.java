package dev.levy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import dev.levy.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy on DRL text alone: the project's rules pass; every way out of the fact model is refused at its line. */
class RulePolicyTest {
    private static final String HEAD = """
            package levy.test;
            import dev.levy.model.Shipment;
            import dev.levy.fact.Duty;
            rule "r"
                @citation("c") @message("m")
                ruleflow-group "duties"
            when
                s : Shipment()
            then
            """;

    private static List<Problem> check(String drl) {
        return RulePolicy.strict().check("x.drl", drl);
    }

    private static List<Problem> rhs(String code) {
        return check(HEAD + "    " + code + "\nend\n");
    }

    @Test
    void theProjectRulesPass() throws IOException {
        Path rules = TestSupport.projectDir().resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path drl : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                assertEquals(List.of(), RulePolicy.strict().check(drl.toString(), Files.readString(drl)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "System.exit(1);                                   | system",
            "java.lang.System.exit(1);                         | system",
            "Runtime.getRuntime().exec(\"rm\");                | process",
            "new java.io.File(\"/etc/passwd\").delete();        | io",
            "java.nio.file.Files.readString(null);             | io",
            "new java.net.Socket(\"h\", 1);                     | network",
            "s.getClass().getClassLoader();                    | reflection",
            "Class.forName(\"java.lang.\" + \"System\");         | reflection",
            "new Thread(() -> {}).start();                     | threads",
            "kcontext.getKieRuntime().halt();                  | kieruntime",
            "drools.halt();                                    | kieruntime",
            "modify(s) { };                                    | modify",
            "org.kie.api.KieServices.Factory.get();            | kieruntime",
            "java.time.LocalDate.now();                        | system",
            "insert(new java.math.BigDecimal(0.1));            | always",
            "java.math.BigDecimal x = s.getValue(); double d = x.doubleValue(); | always",
            "\\u0053ystem.exit(1);                             | always",
            "java . io . File f = null;                        | io",
            "javax.script.ScriptEngineManager m = null;        | types",
            "org.mvel2.MVEL.eval(\"1\");                        | types",
            "s.getValue().getClass();                          | reflection",
            "Object o = String[].class;                        | reflection",
            "new java\u00AD.io.File(\"x\");                    | always",
            "(s).getDeclarations().toArray()[0].getClass();    | reflection",
    })
    void consequencesThatReachOutAreRefusedAtTheirLine(String code, String category) {
        List<Problem> problems = rhs(code);
        assertTrue(!problems.isEmpty(), "not refused: " + code);
        assertTrue(problems.stream().allMatch(p -> p.line() == 10 && p.file().equals("x.drl")), problems.toString());
        if (!category.equals("always")) {
            assertTrue(problems.stream().anyMatch(p -> p.message().contains("[" + category + ":")), problems.toString());
        }
    }

    @Test
    void importsFunctionsGlobalsAndConditionsAreCheckedToo() {
        assertRefused(HEAD.replace("import dev.levy.fact.Duty;", "import java.io.File;") + "end\n", 3, "io");
        assertRefused(HEAD.replace("import dev.levy.fact.Duty;", "import static java.lang.System.exit;") + "exit(0);\nend\n", 3, "system");
        assertRefused(HEAD.replace("import dev.levy.fact.Duty;", "import function java.lang.System.exit;") + "end\n", 3, "system");
        assertRefused(HEAD.replace("import dev.levy.fact.Duty;", "global java.util.List out;") + "end\n", 3, "globals");
        assertRefused("package levy.t;\nfunction void f() {\n  System.exit(0);\n}\n", 3, "system");
        assertRefused(HEAD.replace("s : Shipment()", "s : Shipment()\n    eval(true)") + "end\n", 9, "eval");
        assertRefused(HEAD.replace("s : Shipment()", "s : Shipment(value > 2.5)") + "end\n", 8, null);
        assertRefused(HEAD.replace("s : Shipment()", "Number() from accumulate(Shipment(), sum(1))") + "end\n", 8, null);
        assertRefused(HEAD.replace("rule \"r\"", "rule \"r\" dialect \"mvel\"") + "end\n", 4, "mvel");
        assertRefused(HEAD.replace("package levy.test;", "package java.io;") + "end\n", 1, null);
        assertRefused(HEAD.replace("ruleflow-group \"duties\"", "date-effective \"2025-01-01\"") + "end\n", 6, "system");
    }

    @Test
    void commentsAndStringsAreNotCode() {
        assertEquals(List.of(), rhs("// System.exit(1)\n    /* java.io.File */ insert(Duty.of(kcontext, s, \"System.exit\", \"h\", s.getValue(), s.getValue()));"));
    }

    @Test
    void anAllowedCategoryIsNotRefused() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty(RulePolicy.ALLOW, "system, process");
        List<Problem> problems = new java.util.ArrayList<>();
        RulePolicy policy = RulePolicy.of(p, "ruleset.properties", problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), policy.check("x.drl", HEAD + "System.exit(1);\nend\n"));
        p.setProperty(RulePolicy.ALLOW, "everything");
        RulePolicy.of(p, "ruleset.properties", problems);
        assertEquals(1, problems.size(), problems.toString());
    }

    private static void assertRefused(String drl, int line, String category) {
        List<Problem> problems = check(drl);
        assertTrue(problems.stream().anyMatch(p -> p.line() == line
                && (category == null || p.message().contains("[" + category + ":"))), drl + "\n" + problems);
    }
}
