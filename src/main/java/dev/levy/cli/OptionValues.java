package dev.levy.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values that picocli would otherwise report with a Java exception: each says in plain words what is wrong, and
 * {@link LevyCommand} prints it as {@code levy CMD: --option: message} with exit 2.
 */
final class OptionValues {

    private OptionValues() {}

    /** A date {@code YYYY-MM-DD} that exists ({@code 2025-13-01} and {@code 2025-02-30} do not). */
    static final class Date implements ITypeConverter<LocalDate> {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value, FORMAT);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not a date (YYYY-MM-DD): " + value);
            }
        }
    }

    /** A rules folder that exists: a missing one is a usage error, not rules that fail to compile. */
    static final class RulesFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path dir;
            try {
                dir = Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("not a path: " + value);
            }
            if (!Files.exists(dir)) {
                throw new TypeConversionException("rules folder " + value + " does not exist");
            }
            if (!Files.isDirectory(dir)) {
                throw new TypeConversionException(value + " is a file, not a rules folder");
            }
            return dir;
        }
    }
}
