package dev.levy.engine;

import dev.levy.io.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them, and hints for codes that people take for them. */
public final class Countries {
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    /** Reserved codes that are not countries ({@code UK}, {@code EU}), with what to give instead. */
    private static final Map<String, String> RESERVED = reserved();
    /** Alpha-3 codes ({@code DEU}) and their alpha-2 code. */
    private static final Map<String, String> ALPHA3 = alpha3();

    private Countries() {}

    public static boolean isIsoCode(String code) {
        return code != null && ISO.contains(code);
    }

    /** For a code that is not an ISO alpha-2 code, what was probably meant, in words; null when nothing comes to mind. */
    public static String hint(String code) {
        String reserved = RESERVED.get(code);
        if (reserved != null) {
            return reserved;
        }
        String alpha2 = ALPHA3.get(code);
        return alpha2 == null ? null : code + " is an ISO 3166-1 alpha-3 code: did you mean " + alpha2 + "?";
    }

    private static Map<String, String> reserved() {
        try (InputStream in = Countries.class.getResourceAsStream("iso3166_reserved.csv")) {
            Map<String, String> out = new HashMap<>();
            for (Csv.Line line : Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                if (!line.get(0).equals("code")) {
                    out.put(line.get(0), line.get(1));
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> alpha3() {
        Map<String, String> out = new HashMap<>();
        for (String alpha2 : ISO) {
            try {
                out.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException e) {
                // the JDK knows no alpha-3 code for it: no hint
            }
        }
        return Map.copyOf(out);
    }
}
