package dev.levy.model;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not load: the problems, each with its file and line. */
public final class RuleSetException extends RuntimeException {
    private final List<Problem> problems;

    public RuleSetException(List<Problem> problems) {
        super(problems.stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
