package dev.levy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader: fields without quotes are cut between commas, quoted ones keep commas, quotes and newlines. */
class CsvTest {

    @Test
    void fieldsWithoutQuotes() {
        assertEquals(List.of("a", "b", "", "c"), Csv.fields("a,b,,c"));
        assertEquals(List.of(""), Csv.fields(""));
        assertEquals(List.of("", ""), Csv.fields(","));
        assertEquals(List.of(" a ", "b "), Csv.fields(" a ,b "));
    }

    @Test
    void quotedFields() {
        assertEquals(List.of("x", "y,z", "a\"b", ""), Csv.fields("x,\"y,z\",\"a\"\"b\","));
        assertEquals(List.of("Free (A+,AU)", "2.5%"), Csv.fields("\"Free (A+,AU)\",2.5%"));
    }

    @Test
    void recordsWithLineNumbersCommentsAndQuotedNewlines() {
        List<Csv.Line> lines = Csv.parse("h1,h2\r\n# comment\n\na,\"b\nc\"\nd,e\n");
        assertEquals(3, lines.size());
        assertEquals(List.of("h1", "h2"), lines.get(0).fields());
        assertEquals(4, lines.get(1).number());
        assertEquals(List.of("a", "b\nc"), lines.get(1).fields());
        assertEquals(6, lines.get(2).number());
        assertEquals("e", lines.get(2).get(1));
    }
}
