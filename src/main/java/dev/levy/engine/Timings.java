package dev.levy.engine;

import java.io.PrintStream;

/**
 * Start-up timings on standard error, for finding where a cold start goes: {@code LEVY_TIMINGS=1 ./levy eval one.json}
 * (or {@code -Dlevy.timings=true} for an embedder) prints one line per step, with the milliseconds the step took, the
 * CPU milliseconds the calling thread spent in it (on a busy machine, closer to what a quiet one would take) and the
 * milliseconds since the JVM started. Off by default, and then each mark costs one field read.
 */
public final class Timings {
    private static final boolean ON = "1".equals(System.getenv("LEVY_TIMINGS"))
            || Boolean.getBoolean("levy.timings");
    /** When the JVM started, shifted by the time taken to ask (JMX loads a few hundred classes, only when on). */
    private static final long JVM_START_MS = ON ? jvmStart() : 0;
    private static final java.lang.management.ThreadMXBean THREADS = ON
            ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
    private static long last = ON ? System.nanoTime() : 0;
    private static long lastCpu = ON ? THREADS.getCurrentThreadCpuTime() : 0;
    private static boolean first = true;

    private Timings() {}

    /** Records that a step ended: prints its name, its duration and the time since the JVM started. */
    public static synchronized void mark(String step) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long sinceStart = System.currentTimeMillis() - JVM_START_MS;
        PrintStream err = System.err;
        // the first step runs from the JVM's start, before this class was loaded
        long took = first ? sinceStart : (now - last) / 1_000_000;
        long tookCpu = first ? cpu / 1_000_000 : (cpu - lastCpu) / 1_000_000;
        err.printf("levy: timings: %-40s %6d ms  cpu %6d ms  (%6d ms since the JVM started)%n", step, took, tookCpu,
                sinceStart);
        first = false;
        last = now;
        lastCpu = cpu;
    }

    private static long jvmStart() {
        long asked = System.currentTimeMillis();
        long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        return start + (System.currentTimeMillis() - asked);
    }
}
