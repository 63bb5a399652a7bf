package dev.levy.cli;

import picocli.CommandLine.Option;

/** {@code --threads N}: the workers of a streaming command. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();
}
