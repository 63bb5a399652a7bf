package dev.levy.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.TestSupport;
import dev.levy.engine.Countries;
import dev.levy.engine.RuleSet;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.io.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Valid shipments drawn from the rules themselves: HTS numbers of the fixtures (the interesting lines) and of the MFN
 * schedule, the countries the tables name, entry dates across what the rules cover, content and in-transit facts and
 * declarations. No tariff fact is written here.
 */
final class ShipmentGen {
    private static final String[] TRANSPORTS = {"vessel", "air", "truck", "rail", "mail", "other"};
    private static final String[] METALS = {"steel", "aluminum", "copper"};

    private final RuleSet rules;
    private final List<String> fixtureHts;
    private final List<String> fixtureOrigins;
    private final List<String> scheduleHts;
    private final List<String> origins;
    private final List<String> declarations;
    private final int days;

    ShipmentGen(RuleSet rules) {
        this.rules = rules;
        TreeSet<String> hts = new TreeSet<>();
        TreeSet<String> fixtureCountries = new TreeSet<>();
        // decidable numbers only: an ambiguous 8-digit number (a fixture of AMBIGUOUS_HTS) would be rejected
        java.util.Set<String> adValorem = new java.util.HashSet<>(rules.tables().adValoremScheduleLines());
        for (Fixture f : FixtureLoader.load(List.of(TestSupport.projectDir().resolve("fixtures")))) {
            JsonNode s = f.shipment();
            if (s != null && s.path("hts").isTextual() && s.path("quantity").isMissingNode()) {
                String digits = s.get("hts").asText().replaceAll("[. ]", "");
                if (adValorem.contains(digits)) {
                    hts.add(digits);
                }
            }
            if (s != null && s.path("origin").isTextual() && Countries.isIsoCode(s.get("origin").asText().toUpperCase())) {
                fixtureCountries.add(s.get("origin").asText().toUpperCase());
            }
        }
        this.fixtureHts = List.copyOf(hts);
        this.fixtureOrigins = List.copyOf(fixtureCountries);
        this.scheduleHts = rules.tables().adValoremScheduleLines();
        this.origins = rules.tables().countries();
        this.declarations = List.copyOf(rules.declarations().keySet());
        this.days = (int) ChronoUnit.DAYS.between(rules.coversFrom(), rules.coversTo());
    }

    List<String> declarations() {
        return declarations;
    }

    /** A valid shipment for this random source. */
    ObjectNode next(SplittableRandom r) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        String digits = r.nextInt(100) < 75 ? pick(r, fixtureHts) : pick(r, scheduleHts);
        s.put("id", "P" + Long.toHexString(r.nextLong()));
        s.put("hts", digits);
        s.put("origin", r.nextInt(100) < 60 ? pick(r, fixtureOrigins) : pick(r, origins));
        LocalDate entry = rules.coversFrom().plusDays(1 + r.nextInt(days - 1));
        s.put("entryDate", entry.toString());
        if (r.nextInt(100) < 10) {
            s.put("entryTime", r.nextBoolean() ? "00:00" : String.format("%02d:%02d", r.nextInt(24), r.nextInt(60)));
        }
        BigDecimal value = BigDecimal.valueOf(1 + r.nextLong(1_000_000_00L), 2);
        s.put("value", value);
        if (r.nextInt(100) < 25) {
            s.put("usContent", share(r, value, 100));
        }
        if (r.nextInt(100) < 30) {
            metals(r, s, value);
        }
        if (r.nextInt(100) < 30) {
            s.put("transport", TRANSPORTS[r.nextInt(TRANSPORTS.length)]);
            s.put("loadedDate", entry.minusDays(r.nextInt(120)).toString());
        }
        var special = rules.tables().scheduleLine(digits, entry).special();
        if (!special.isEmpty() && r.nextInt(100) < 15) {
            s.put("spi", pick(r, new ArrayList<>(new TreeSet<>(special.keySet()))));
        }
        if (r.nextInt(100) < 20) {
            s.putArray("declarations").add(pick(r, declarations));
        }
        return s;
    }

    private static void metals(SplittableRandom r, ObjectNode s, BigDecimal value) {
        ObjectNode m = s.putObject("metalContent");
        BigDecimal left = value;
        for (String metal : METALS) {
            if (r.nextBoolean()) {
                BigDecimal part = share(r, left, 100);
                m.put(metal, part);
                left = left.subtract(part);
            }
        }
    }

    private static BigDecimal share(SplittableRandom r, BigDecimal value, int maxPercent) {
        return value.multiply(BigDecimal.valueOf(r.nextInt(maxPercent + 1))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.DOWN);
    }

    static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
