package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.KieBaseCache;
import dev.levy.engine.Timings;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code levy}: the command line of the contract. Exit codes: 0 success, 1 a check or fixture failed, 2 bad input
 * or usage, 3 the rules do not compile. */
@Command(name = "levy", mixinStandardHelpOptions = true, versionProvider = LevyCommand.Version.class,
        description = "Evaluates US tariff measures for customs entry lines, with citations.")
public final class LevyCommand implements Runnable {
    /** The subcommands, in the order {@code levy --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(EvalCommand.class, TestCommand.class, CheckCommand.class,
            DiffCommand.class, RefundsCommand.class, ImportHtsCommand.class, BenchCommand.class, ServeCommand.class,
            LoadCommand.class, ExceptionsCommand.class);

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int RULES_BROKEN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Timings.mark("JVM start to main");
        quietDrools();
        cacheCompiledRules();
        CommandLine cl = commandLine(args);
        Timings.mark("picocli command model");
        // System.out flushes every line; batches write hundreds of megabytes, so stdout gets a large buffer of its own.
        cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), 1 << 16)));
        int exit = cl.execute(args);
        cl.getOut().flush();
        Timings.mark("command done");
        System.exit(exit);
    }

    /**
     * The CLI keeps compiled rules in {@code $XDG_CACHE_HOME/levy} (default {@code ~/.cache/levy}) so that a fresh
     * process skips the DRL compilation; {@code -Dlevy.cache.dir=DIR} moves it, {@code LEVY_CACHE=off} turns it off.
     */
    private static void cacheCompiledRules() {
        if (System.getProperty(KieBaseCache.DIR_PROPERTY) != null) {
            return;
        }
        if ("off".equals(System.getenv("LEVY_CACHE"))) {
            return;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        System.setProperty(KieBaseCache.DIR_PROPERTY, base.resolve("levy").toString());
    }

    /**
     * Levy reports rule problems itself, as FILE:LINE:COL; Drools would print each again through its logger (and warn
     * about its own deprecations). The CLI's logger shows Drools' warnings only where Levy has no better report.
     */
    private static void quietDrools() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("levy.log", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.drools.drl.parser", "error");
    }

    /** The command line with every subcommand: what {@code levy --help} lists, and what the tests drive. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments. Its model is built for the subcommand the first argument names alone when
     * it names one (picocli builds a command's model from its annotations, about a tenth of a cold start for all ten):
     * parsing, help and errors of {@code levy eval ...} concern {@code eval} only. Any other first argument (an
     * option, a misspelt command, none) gets every subcommand, for the usage and the suggestions.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new LevyCommand());
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        for (Class<?> subcommand : named != null ? List.of(named) : SUBCOMMANDS) {
            cl.addSubcommand(subcommand);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(LocalDate.class, new OptionValues.Date()); // every date option, --as-known and others
        CommandLine.IParameterExceptionHandler standard = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, rest) -> {
            // A bad option value gets one line naming the option, not picocli's Java exception and the whole usage
            if (e.getCause() instanceof CommandLine.TypeConversionException bad
                    && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
                e.getCommandLine().getErr().println("levy " + e.getCommandLine().getCommandName() + ": "
                        + option.longestName() + ": " + bad.getMessage());
                return BAD_INPUT;
            }
            return standard.handleParseException(e, rest);
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("levy: " + e.getMessage());
            return BAD_INPUT;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"levy " + Levy.version()};
        }
    }
}
