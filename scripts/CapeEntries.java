import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.Levy;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.io.Json;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Generates entry lines for levy refunds --cape: ENTRIES entries of 3 lines each (the bench generator's lines, one entry
 * date per entry), with entry facts drawn from the seed. Usage, after ./levy has built the jar:
 * java -cp target/levy-0.3.0-cli.jar scripts/CapeEntries.java ENTRIES SEED [FROM TO] > entries.jsonl
 * With FROM and TO (YYYY-MM-DD), every entry's date is in that span (an entry drawn outside it is drawn again): an
 * importer's year, whose totals do not move when law after TO is written.
 */
public class CapeEntries {
    private static final String[] TYPES = {"01", "01", "01", "01", "01", "01", "11", "06", "02", "03", "08", "09", "47"};

    public static void main(String[] args) throws Exception {
        int entries = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        String from = args.length > 2 ? LocalDate.parse(args[2]).toString() : null;
        String to = args.length > 3 ? LocalDate.parse(args[3]).toString() : null;
        ShipmentGenerator lines = new ShipmentGenerator(Levy.bundled().ruleSet(), seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (int e = 0; e < entries; e++) {
                String number = String.format("%03d-%07d-%d", 100 + random.nextInt(900), e, random.nextInt(10));
                String type = TYPES[random.nextInt(TYPES.length)];
                int liquidatedAfter = random.nextInt(3) == 0 ? -1 : 200 + random.nextInt(300);
                boolean protest = random.nextInt(50) == 0;
                boolean reconciliation = random.nextInt(30) == 0;
                String entryDate = null;
                String entryTime = null;
                for (int l = 0; l < 3; l++) {
                    ObjectNode s = (ObjectNode) Json.MAPPER.readTree(lines.next());
                    while (entryDate == null && from != null && (s.get("entryDate").asText().compareTo(from) < 0
                            || s.get("entryDate").asText().compareTo(to) > 0)) {
                        s = (ObjectNode) Json.MAPPER.readTree(lines.next());
                    }
                    if (entryDate == null) {
                        entryDate = s.get("entryDate").asText();
                        entryTime = s.has("entryTime") ? s.get("entryTime").asText() : null;
                    }
                    s.put("entryDate", entryDate);
                    if (s.has("loadedDate") && s.get("loadedDate").asText().compareTo(entryDate) > 0) {
                        s.remove("loadedDate"); // loaded after the entry date it now has
                    }
                    if (entryTime != null) {
                        s.put("entryTime", entryTime);
                    } else {
                        s.remove("entryTime");
                    }
                    s.put("entryNumber", number);
                    s.put("entryType", type);
                    if (liquidatedAfter >= 0) {
                        s.put("liquidationDate", LocalDate.parse(entryDate).plusDays(liquidatedAfter).toString());
                    }
                    if (protest) {
                        s.put("protestOpen", true);
                    }
                    if (reconciliation) {
                        s.put("reconciliation", true);
                    }
                    out.write(Json.compact(s));
                    out.write('\n');
                }
            }
        }
    }
}
