package dev.levy.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.engine.RuleSet;
import dev.levy.engine.TableIndex;
import dev.levy.engine.Termination;
import dev.levy.io.Json;
import dev.levy.io.ShipmentReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic shipments for benchmarks, deterministic for a seed: HTS numbers from the rules' own MFN schedule, origins
 * from the countries the rules' tables name, entry dates across the period the rules cover, and a share of shipments
 * with US content, metal content, in-transit facts, a midnight entry time, an entry in the minute before or at the end
 * of a program ({@code terminations.csv}) or a special program claim. Every generated
 * shipment is valid, so a benchmark measures evaluation, not rejection. No tariff fact is written here: all of them
 * come from the rule set.
 */
public final class ShipmentGenerator {
    private static final String[] TRANSPORTS = {"vessel", "vessel", "vessel", "air", "truck", "rail"};
    private static final String[] METALS = {"steel", "aluminum", "copper"};

    private final TableIndex tables;
    private final List<String> hts;
    private final List<String> origins;
    private final LocalDate from;
    private final int days;
    /** The instants at which a program ends, inside the span covered. */
    private final List<LocalDateTime> ends = new ArrayList<>();
    private final SplittableRandom random;
    private long count;

    public ShipmentGenerator(RuleSet ruleSet, long seed) {
        this.tables = ruleSet.tables();
        this.hts = tables.adValoremScheduleLines();
        this.origins = tables.countries();
        this.from = ruleSet.coversFrom();
        this.days = (int) ChronoUnit.DAYS.between(from, ruleSet.coversTo());
        this.random = new SplittableRandom(seed);
        for (Termination t : ruleSet.terminations()) {
            LocalDateTime end = LocalDateTime.of(t.endsOn(), t.endsAt());
            if (t.endsOn().isAfter(from) && t.endsOn().isBefore(ruleSet.coversTo()) && !ends.contains(end)) {
                ends.add(end);
            }
        }
        if (hts.isEmpty() || origins.isEmpty()) {
            throw new IllegalStateException("the rules' schedule or tables name no HTS line or country to generate from");
        }
    }

    /** The next shipment, as one line of JSON. */
    public String next() {
        ObjectNode s = Json.MAPPER.createObjectNode();
        String digits = pick(hts);
        s.put("id", "B" + (++count));
        s.put("hts", dotted(digits));
        s.put("origin", pick(origins));
        LocalDate entry = from.plusDays(random.nextInt(days));
        if (!ends.isEmpty() && chance(2)) { // at a program's end, or the minute before it
            LocalDateTime at = pick(ends).minusMinutes(random.nextInt(2));
            entry = at.toLocalDate();
            s.put("entryDate", entry.toString());
            s.put("entryTime", at.toLocalTime().toString());
        } else {
            s.put("entryDate", entry.toString());
            if (chance(10) && entry.isAfter(from)) { // at 00:00 the previous day's law applies
                s.put("entryTime", "00:00");
            }
        }
        BigDecimal value = cents(100 + random.nextInt(500_000));
        s.put("value", value);
        if (chance(15)) {
            s.put("usContent", share(value, 50));
        }
        if (chance(20)) {
            ObjectNode metals = s.putObject("metalContent");
            metals.put(METALS[random.nextInt(METALS.length)], share(value, 60));
        }
        if (chance(25)) {
            s.put("transport", TRANSPORTS[random.nextInt(TRANSPORTS.length)]);
            s.put("loadedDate", entry.minusDays(1 + random.nextInt(60)).toString());
        }
        // only codes a shipment may claim: the 2025 schedule's Special column of 6204.63.11 reads ".OM", a typo for OM
        List<String> special = new ArrayList<>(tables.scheduleLine(digits, entry).special().keySet().stream()
                .filter(ShipmentReader::isSpecialProgramIndicator).toList());
        if (!special.isEmpty() && chance(10)) {
            special.sort(null);
            s.put("spi", pick(special));
        }
        return Json.compact(s);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private BigDecimal cents(int dollars) {
        return BigDecimal.valueOf(dollars * 100L + random.nextInt(100), 2);
    }

    private BigDecimal share(BigDecimal value, int maxPercent) {
        return value.multiply(BigDecimal.valueOf(random.nextInt(maxPercent + 1))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.DOWN);
    }

    private static String dotted(String d) {
        String dotted = d.substring(0, 4) + "." + d.substring(4, 6) + "." + d.substring(6, 8);
        return d.length() == 10 ? dotted + "." + d.substring(8) : dotted;
    }
}
