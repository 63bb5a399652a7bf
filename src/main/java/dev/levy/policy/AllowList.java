package dev.levy.policy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The types DRL may import and name: the fact model, exact numbers, dates, collections, and a few java.lang value
 * types that need no import. Nothing here can reach a file, the network, a process, a thread or a class loader.
 */
final class AllowList {
    private static final List<String> FACT_MODEL = List.of(
            "dev.levy.model.Shipment", "dev.levy.model.Measure", "dev.levy.model.NotApplied",
            "dev.levy.model.TraceStep", "dev.levy.model.Result", "dev.levy.model.Rejection",
            "dev.levy.model.Evaluation", "dev.levy.model.ShipmentError", "dev.levy.model.ErrorCode",
            "dev.levy.fact.Duty", "dev.levy.fact.Exemption", "dev.levy.fact.Row", "dev.levy.fact.ShipmentFact",
            "dev.levy.fact.AllIn");
    private static final List<String> VALUES = List.of(
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime", "java.time.DayOfWeek",
            "java.time.Month", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay", "java.time.Period",
            "java.time.Duration", "java.time.temporal.ChronoUnit",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.Collections",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.HashSet",
            "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet",
            "java.util.SortedMap", "java.util.SortedSet", "java.util.NavigableMap", "java.util.NavigableSet",
            "java.util.Iterator", "java.util.Optional", "java.util.Objects", "java.util.Arrays");
    /** java.lang types the code may name without an import (java.lang is imported implicitly). */
    static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Short", "Byte", "Boolean",
            "Character", "CharSequence", "StringBuilder", "Comparable", "Iterable", "Object", "Number",
            "IllegalStateException", "IllegalArgumentException");
    /** What a rule may do with {@code kcontext} or {@code drools} itself: read which rule fired (our facts do). */
    static final Set<String> CONTEXT_MEMBERS = Set.of("getRule", "getMatch");

    private static final Set<String> TYPES = new TreeSet<>();

    static {
        TYPES.addAll(FACT_MODEL);
        TYPES.addAll(VALUES);
        JAVA_LANG.forEach(t -> TYPES.add("java.lang." + t));
    }

    private AllowList() {}

    static boolean isType(String qualified) {
        return TYPES.contains(qualified);
    }

    /** Packages whose allowed types a wildcard import brings in: the fact model's and java.time. */
    static boolean isPackage(String pkg) {
        return pkg.equals("dev.levy.model") || pkg.equals("dev.levy.fact") || pkg.equals("java.time");
    }

    static Set<String> typesIn(String pkg) {
        return TYPES.stream().filter(t -> t.substring(0, t.lastIndexOf('.')).equals(pkg))
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).collect(Collectors.toSet());
    }

    /** True if {@code java.lang.<name>} exists: a declared type or binding of that name would shadow it. */
    static boolean shadowsJavaLang(String name) {
        if (JAVA_LANG.contains(name)) {
            return true;
        }
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static String describe() {
        return "dev.levy.model.*, dev.levy.fact.*, java.math.BigDecimal, java.time.*, java.util collections";
    }
}
