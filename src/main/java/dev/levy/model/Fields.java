package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An output profile: the top-level fields of a {@link Result} to write ({@code levy eval --fields id,measures,totalDuty}).
 * The written fields keep the result's order and bytes, whatever the order of the list; an error object is written
 * whole. What no written field shows is not computed: without {@code trace} no rule's message is rendered, without
 * {@code refundable} the law after the rulings is not evaluated (see {@link #has}).
 */
public final class Fields {
    /** Every field of a result's JSON, in its order. */
    public static final List<String> NAMES = List.of(Result.class.getAnnotation(JsonPropertyOrder.class).value());
    /** Every field: the default output. */
    public static final Fields ALL = new Fields(NAMES);

    private final List<String> names;

    private Fields(List<String> names) {
        this.names = names;
    }

    /**
     * The fields of a comma-separated list, e.g. {@code id,measures,totalDuty,totalRate,refundable}.
     *
     * @throws IllegalArgumentException naming the first unknown field and listing the valid ones, or for an empty list
     */
    public static Fields of(String list) {
        return of(Arrays.stream(list.split(",", -1)).map(String::strip).toList());
    }

    /** @throws IllegalArgumentException naming the first unknown field and listing the valid ones, or for none */
    public static Fields of(Collection<String> fields) {
        Set<String> asked = new LinkedHashSet<>();
        for (String f : fields) {
            if (!NAMES.contains(f)) {
                throw new IllegalArgumentException((f.isEmpty() ? "an empty field name" : "unknown field '" + f + "'")
                        + "; the fields of a result are: " + String.join(", ", NAMES));
            }
            asked.add(f);
        }
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("no field named; the fields of a result are: " + String.join(", ", NAMES));
        }
        return new Fields(NAMES.stream().filter(asked::contains).toList());
    }

    /** These fields and those of {@code other}: what must be computed when both are read. */
    public Fields and(Fields other) {
        List<String> both = new ArrayList<>(names);
        both.addAll(other.names);
        return of(both);
    }

    /**
     * Whether the field is written, and so computed.
     *
     * @throws IllegalArgumentException for a name that is no field of a result: a misspelt one must not read as absent
     */
    public boolean has(String field) {
        if (!NAMES.contains(field)) {
            throw new IllegalArgumentException("no field '" + field + "' in a result: " + String.join(", ", NAMES));
        }
        return names.contains(field);
    }

    /** Whether every field is written: the default output. */
    public boolean all() {
        return names.size() == NAMES.size();
    }

    /** The fields, in the result's order. */
    public List<String> names() {
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields f && f.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** The comma-separated list, in the result's order. */
    @Override
    public String toString() {
        return String.join(",", names);
    }
}
