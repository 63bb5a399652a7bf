package dev.levy.cli;

/** Runs the command line in this JVM, for tests outside this package. */
public final class CliRunner {
    private CliRunner() {}

    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }
}
