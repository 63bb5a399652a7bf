package dev.levy.spark;

import dev.levy.engine.RuleSource;
import java.io.Serializable;
import java.util.Objects;

/**
 * A rule set as it travels to the executors: its text and its content hash, computed once on the driver. An executor
 * checks the hash of what it received before building from it.
 *
 * @param digest the full SHA-256 of the rule files ({@link RuleSource#digest()})
 * @param source the files, by path relative to the rules folder
 */
public record ShippedRules(String digest, RuleSource source) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ShippedRules {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(source, "source");
    }

    public static ShippedRules of(RuleSource source) {
        return new ShippedRules(source.digest(), source);
    }

    /** The rule set's version as results carry it ({@code sha256:} and 16 hex digits). */
    public String version() {
        return source.version();
    }
}
