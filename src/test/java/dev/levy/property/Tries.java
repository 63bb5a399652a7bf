package dev.levy.property;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A small property runner: {@code tries} cases, each from its own seed derived from a fixed base seed, so that a run is
 * reproducible and a failure names the seed that made it. {@code -Dlevy.tries.scale=10} runs ten times as many;
 * {@code -Dlevy.seed=N} changes the base seed.
 */
final class Tries {
    static final long BASE_SEED = Long.getLong("levy.seed", 20250417L);
    private static final double SCALE = Double.parseDouble(System.getProperty("levy.tries.scale", "1"));

    private Tries() {}

    /** Runs {@code property} on {@code tries} (scaled) cases; an exception or assertion names the failing seed. */
    static int run(String name, int tries, BiConsumer<SplittableRandom, Integer> property) {
        int n = Math.max(1, (int) Math.round(tries * SCALE));
        SplittableRandom seeds = new SplittableRandom(BASE_SEED ^ name.hashCode());
        for (int i = 0; i < n; i++) {
            long seed = seeds.nextLong();
            try {
                property.accept(new SplittableRandom(seed), i);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + ": case " + i + " (seed " + seed + ") failed: " + e.getMessage(), e);
            }
        }
        return n;
    }
}
