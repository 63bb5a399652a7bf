package dev.levy.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column 1 rate as the HTSUS prints it, parsed: {@code Free}, ad valorem ({@code 2.5%}), specific ({@code 4.4¢/kg},
 * {@code $1.35/kg}, {@code 1¢ each}) or compound ({@code 2.8¢/kg + 5%}). Rates with other wording (on drained weight,
 * per degree, on the case, ...) are not parsed: their lines are refused as {@code UNSUPPORTED_RATE}.
 *
 * @param adValorem percent (0 when the rate is specific only)
 * @param perUnit   USD per unit, or null when the rate has no specific part
 * @param unit      the unit of quantity the specific part is per ({@code kg}, {@code liter}, {@code each}, ...)
 */
public record RateText(String text, BigDecimal adValorem, BigDecimal perUnit, String unit) {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern SPECIFIC = Pattern.compile(
            "(?:" + NUMBER + "¢|\\$" + NUMBER + ")(?:/((?:pf\\.)?liter|kg|bbl|pr\\.|doz\\.|gross|t|m2|m3|m|1000|head|No\\.)| (each))");
    private static final Pattern AD_VALOREM = Pattern.compile(NUMBER + "%");

    public static Optional<RateText> parse(String text) {
        String t = text.strip();
        if (t.equals("Free")) {
            return Optional.of(new RateText(t, BigDecimal.ZERO, null, null));
        }
        String[] parts = t.split(" \\+ ");
        if (parts.length > 2) {
            return Optional.empty();
        }
        BigDecimal adValorem = BigDecimal.ZERO;
        BigDecimal perUnit = null;
        String unit = null;
        for (String part : parts) {
            Matcher av = AD_VALOREM.matcher(part);
            Matcher sp = SPECIFIC.matcher(part);
            if (av.matches() && adValorem.signum() == 0) {
                adValorem = new BigDecimal(av.group(1));
            } else if (sp.matches() && perUnit == null) {
                perUnit = sp.group(1) != null
                        ? new BigDecimal(sp.group(1)).divide(BigDecimal.valueOf(100), 8, RoundingMode.UNNECESSARY).stripTrailingZeros()
                        : new BigDecimal(sp.group(2));
                unit = sp.group(3) != null ? sp.group(3) : "each";
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new RateText(t, adValorem, perUnit, unit));
    }

    /**
     * A rate in words for messages: {@code 5%}, {@code $0.01/kg}, {@code 5% + $0.015/kg}; the specific part is never
     * left out, so a specific rate never reads as {@code 0%}.
     */
    public static String show(BigDecimal adValorem, BigDecimal perUnit, String unit) {
        String percent = MessageTemplate.percent(adValorem) + "%";
        if (perUnit == null) {
            return percent;
        }
        String specific = "$" + perUnit.stripTrailingZeros().toPlainString() + "/" + unit;
        return adValorem.signum() == 0 ? specific : percent + " + " + specific;
    }

    public boolean isSpecific() {
        return perUnit != null;
    }
}
