package dev.levy.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule may reach outside the fact model, by kind. Every kind is refused unless {@code ruleset.properties}
 * names it in {@code policy.allow}, e.g. {@code policy.allow=io,threads}.
 */
public enum Category {
    IO("io", "files and streams (java.io, java.nio, File, Path)"),
    NETWORK("network", "the network (java.net, Socket, URL, HttpClient)"),
    PROCESS("process", "processes and the JVM (Runtime, ProcessBuilder, exec)"),
    REFLECTION("reflection", "reflection (Class, getClass, forName, java.lang.reflect, method handles)"),
    SYSTEM("system", "System, the environment and the clock (System, getenv, now, date-effective)"),
    THREADS("threads", "threads and timers (Thread, java.util.concurrent, timer)"),
    CLASSLOADING("classloading", "class loading (ClassLoader, loadClass, ServiceLoader)"),
    KIE_RUNTIME("kieruntime", "the engine beyond insert and delete (getKieRuntime, halt, entry points, org.kie, org.drools)"),
    GLOBALS("globals", "globals (objects handed in from outside the facts)"),
    EVAL("eval", "eval() conditions (an arbitrary expression in the condition)"),
    MODIFY("modify", "modify/update of facts in place (facts are immutable: delete, then insert a changed copy)"),
    MVEL("mvel", "the MVEL dialect for consequences"),
    TYPES("types", "Java types outside the fact model's allow-list");

    private final String key;
    private final String what;

    Category(String key, String what) {
        this.key = key;
        this.what = what;
    }

    /** The name used in {@code policy.allow}. */
    public String key() {
        return key;
    }

    public String what() {
        return what;
    }

    public static Optional<Category> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
