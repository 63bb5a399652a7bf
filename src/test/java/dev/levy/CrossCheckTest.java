package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.levy.io.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's product tables against independent compilations of the same scopes (fixtures/crosscheck/lists.csv):
 * every difference must be explained in fixtures/crosscheck/NAME.exceptions.csv ({@code side,prefix,reason}, side
 * {@code only_in_compilation} or {@code only_in_rules}), and every exception must still explain something. Codes are
 * compared as HTS prefixes, so an 8-digit row covers its 10-digit lines and the other way round. Reads ../shared;
 * skipped, with the reason, in a clone that has none.
 */
class CrossCheckTest {
    private static final Path DIR = TestSupport.projectDir().resolve("fixtures/crosscheck");

    private record Exception(String side, String prefix, String reason) {}

    @TestFactory
    Stream<DynamicTest> tablesAgreeWithTheCompilationsOrSayWhyNot() throws IOException {
        List<Csv.Line> lists = Csv.parse(Files.readString(DIR.resolve("lists.csv")));
        return lists.subList(1, lists.size()).stream().map(l -> DynamicTest.dynamicTest(l.get(0), () -> check(l)));
    }

    private static void check(Csv.Line list) throws IOException {
        Path shared = TestSupport.sharedDir();
        assumeTrue(shared != null, "skipped: ../shared (the compilations) is not beside this clone");
        Set<String> theirs = compilation(shared.resolve("data/compilations").resolve(list.get(1)), list.get(2), list.get(3));
        Set<String> ours = new TreeSet<>();
        for (String table : list.get(4).split("\\s+")) {
            ours.addAll(tableCodes(table));
        }
        List<Exception> exceptions = exceptions(list.get(0));
        List<String> unexplained = new ArrayList<>();
        Set<Exception> used = new HashSet<>();
        differences("only_in_compilation", theirs, ours, exceptions, used, unexplained);
        differences("only_in_rules", ours, theirs, exceptions, used, unexplained);
        for (Exception e : exceptions) {
            if (!used.contains(e)) {
                unexplained.add("stale exception " + e.side() + "," + e.prefix() + ": it explains no difference any more");
            }
        }
        assertEquals(List.of(), unexplained, list.get(0) + ": " + unexplained.size() + " unexplained differences");
    }

    private static void differences(String side, Set<String> from, Set<String> other, List<Exception> exceptions,
                                    Set<Exception> used, List<String> unexplained) {
        Set<String> otherPrefixes = new HashSet<>();
        for (String o : other) {
            for (int n = 2; n <= o.length(); n += 2) {
                otherPrefixes.add(o.substring(0, n));
            }
        }
        for (String code : from) {
            boolean covered = otherPrefixes.contains(code);
            for (int n = 2; n <= code.length() && !covered; n += 2) {
                covered = other.contains(code.substring(0, n));
            }
            if (covered) {
                continue;
            }
            Exception why = exceptions.stream().filter(e -> e.side().equals(side) && code.startsWith(e.prefix()))
                    .findFirst().orElse(null);
            if (why == null) {
                unexplained.add(side + "," + code);
            } else {
                used.add(why);
            }
        }
    }

    private static Set<String> compilation(Path file, String column, String filter) throws IOException {
        Set<String> codes = new TreeSet<>();
        List<Csv.Line> lines = Csv.parse(Files.readString(file));
        if (column.isEmpty()) { // a plain list, one code a line
            lines.forEach(l -> codes.add(l.get(0).replace(".", "")));
            return codes;
        }
        List<String> header = lines.get(0).fields();
        int col = header.indexOf(column);
        String[] keep = filter.isEmpty() ? null : filter.split("=", 2);
        int filterCol = keep == null ? -1 : header.indexOf(keep[0]);
        for (Csv.Line l : lines.subList(1, lines.size())) {
            if (keep == null || l.get(filterCol).equals(keep[1])) {
                codes.add(l.get(col).replace(".", ""));
            }
        }
        return codes;
    }

    private static Set<String> tableCodes(String table) throws IOException {
        Path rules = TestSupport.projectDir().resolve("rules");
        Path file;
        try (Stream<Path> walk = Files.walk(rules)) {
            file = walk.filter(p -> p.getFileName().toString().equals(table + ".csv")).findFirst()
                    .orElseThrow(() -> new AssertionError("no table " + table + " under rules/"));
        }
        List<Csv.Line> lines = Csv.parse(Files.readString(file));
        int col = lines.get(0).fields().indexOf("hts");
        Set<String> codes = new TreeSet<>();
        for (Csv.Line l : lines.subList(1, lines.size())) {
            codes.add(l.get(col).replace(".", "").replace(" ", ""));
        }
        return codes;
    }

    private static List<Exception> exceptions(String name) throws IOException {
        Path file = DIR.resolve(name + ".exceptions.csv");
        List<Exception> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<Csv.Line> lines = Csv.parse(Files.readString(file));
        for (Csv.Line l : lines.subList(1, lines.size())) {
            out.add(new Exception(l.get(0), l.get(1).replace(".", ""), l.get(2)));
        }
        return out;
    }
}
