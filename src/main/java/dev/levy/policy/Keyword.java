package dev.levy.policy;

import java.util.Optional;
import java.util.Set;

/**
 * DRL words that reach outside the facts or compute inexactly. {@link #category()} null: refused whatever the policy.
 */
enum Keyword {
    GLOBAL("global", Category.GLOBALS, false, "a global hands the rules an object from outside the facts"),
    EVAL("eval", Category.EVAL, true, "eval() runs an arbitrary expression; write a constraint on a fact"),
    MODIFY("modify", Category.MODIFY, true, "facts are immutable: delete the fact and insert a changed copy"),
    UPDATE("update", Category.MODIFY, true, "facts are immutable: delete the fact and insert a changed copy"),
    TIMER("timer", Category.THREADS, true, "timers run rules on a scheduler thread, by the clock"),
    CALENDARS("calendars", Category.THREADS, false, "calendars make rules depend on the machine's clock"),
    DURATION("duration", Category.THREADS, true, "a duration runs rules on a scheduler thread, by the clock"),
    ACCUMULATE("accumulate", null, false, "accumulate functions (sum, average, ...) compute in doubles and custom"
            + " ones run Java code; put totals in Java or in a table"),
    ACC("acc", null, true, "accumulate functions compute in doubles and custom ones run Java code"),
    DOUBLE("double", null, false, "double is inexact: money and rates are BigDecimal"),
    FLOAT("float", null, false, "float is inexact: money and rates are BigDecimal"),
    DOUBLE_TYPE("Double", null, false, "Double is inexact: money and rates are BigDecimal"),
    FLOAT_TYPE("Float", null, false, "Float is inexact: money and rates are BigDecimal");

    /** Members that turn an exact number into a floating-point one. */
    static final Set<String> INEXACT_MEMBERS = Set.of("doubleValue", "floatValue");

    private final String word;
    private final Category category;
    private final boolean call;
    private final String why;

    Keyword(String word, Category category, boolean call, String why) {
        this.word = word;
        this.category = category;
        this.call = call;
        this.why = why;
    }

    Category category() {
        return category;
    }

    String why() {
        return why;
    }

    /**
     * The keyword a name at the start of a chain is, if any; {@code call} keywords count only when followed by
     * {@code (} or {@code {} and alone ({@code x.update(...)} is a method).
     */
    static Optional<Keyword> of(String first, char next, int parts) {
        for (Keyword k : values()) {
            if (k.word.equals(first) && (!k.call || (parts == 1 && (next == '(' || next == '{')))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
