package dev.levy.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Hints for a misspelt name: the known names closest to it. */
public final class Names {

    private Names() {}

    /** Up to three known names within a few edits of {@code name}, closest first. */
    public static List<String> nearest(String name, Collection<String> known) {
        int limit = Math.max(3, name.length() / 3);
        return known.stream().filter(k -> distance(name, k) <= limit)
                .sorted(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
                .limit(3).toList();
    }

    /** " (did you mean a, b?)", or nothing when no known name is close. */
    public static String didYouMean(String name, Collection<String> known) {
        List<String> close = nearest(name, known);
        return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), substitution);
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
