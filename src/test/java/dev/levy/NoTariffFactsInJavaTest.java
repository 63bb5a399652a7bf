package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The law lives in rules/: no Chapter 99 heading, legal date, rate or country code in the Java of the engine, nor in
 * the playground's page and scripts (they get programs, declarations and dates from {@code GET /v1/rules}).
 */
class NoTariffFactsInJavaTest {
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("99\\d\\d\\.\\d\\d\\.\\d\\d"),                 // a Chapter 99 heading
            Pattern.compile("LocalDate\\.of\\(\\s*20\\d\\d"),                // a legal date
            Pattern.compile("\"20\\d\\d-\\d\\d-\\d\\d\""),                   // a date literal
            Pattern.compile("\"(CN|HK|MO|CA|MX|JP|GB|DE|KR|IN|BR|VN|CH|RU|BY|CU|KP)\""), // a country the law names
            Pattern.compile("SECTION_232_|IEEPA_|SECTION_301|SECTION_201"),   // a program the law names
            Pattern.compile("\"COLUMN_2(_RUSSIA)?\""));                      // the column 2 programs

    @Test
    void engineJavaHoldsNoTariffFacts() throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(TestSupport.projectDir().resolve("src/main/java")),
                Files.walk(TestSupport.projectDir().resolve("src/main/resources")))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(java|js|html|css)")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                        continue; // comments may give examples
                    }
                    for (Pattern p : FORBIDDEN) {
                        if (p.matcher(line).find()) {
                            hits.add(f.getFileName() + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
