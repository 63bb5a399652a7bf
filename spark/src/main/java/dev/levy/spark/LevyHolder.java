package dev.levy.spark;

import dev.levy.Levy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link Levy} per rule set per JVM: built lazily, the first time a task of this executor (or the driver) needs
 * it, then shared by every task and thread of the JVM. Keyed by the rule set's content hash, so a job with changed
 * rules builds anew and never reuses stale ones; the few most recent rule sets are kept.
 */
public final class LevyHolder {
    private static final int KEEP = 4;
    private static final Map<String, Levy> BY_DIGEST = new LinkedHashMap<>(8, 0.75f, true);
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private LevyHolder() {}

    /**
     * The Levy for these rules, built on first use (compiling takes about a second). Concurrent tasks wait for the one
     * build rather than compiling the same rules twice.
     */
    public static Levy get(ShippedRules rules) {
        synchronized (BY_DIGEST) {
            Levy levy = BY_DIGEST.get(rules.digest());
            if (levy != null) {
                return levy;
            }
            String received = rules.source().digest();
            if (!received.equals(rules.digest())) {
                throw new IllegalStateException("the rule set received (sha256 " + received + ") is not the one shipped ("
                        + rules.digest() + "): refusing to evaluate with it");
            }
            levy = Levy.load(rules.source());
            BUILDS.incrementAndGet();
            BY_DIGEST.put(rules.digest(), levy);
            if (BY_DIGEST.size() > KEEP) {
                BY_DIGEST.remove(BY_DIGEST.keySet().iterator().next()); // the least recently used
            }
            return levy;
        }
    }

    /** How many times this JVM has built a Levy (compiled a KieBase) from shipped rules. */
    public static int builds() {
        return BUILDS.get();
    }
}
