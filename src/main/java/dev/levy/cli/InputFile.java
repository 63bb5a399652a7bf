package dev.levy.cli;

import dev.levy.io.Inputs;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** The input of a streaming command: a file, or standard input for none or {@code -}; and its format. */
final class InputFile {

    private InputFile() {}

    /** A reader of the input, or null after saying on {@code err} why there is none (no such file, a folder). */
    static Reader open(String file, String command, PrintWriter err) throws IOException {
        if (file == null || file.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        if (Files.isDirectory(Path.of(file))) {
            err.println(command + ": " + file + " is a directory: give a file of shipments or -");
            return null;
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(command + ": no such file: " + file);
            return null;
        }
    }

    /**
     * The format of the input: the one given ({@code --input-format}), else CSV for a file named {@code *.csv}, else JSON.
     * Standard input and other names are read as JSON, where a first line that is a CSV header is refused
     * ({@link Inputs.LooksLikeCsv}) rather than guessed: one flag costs less than a batch read the wrong way.
     */
    static Inputs.Format format(String file, Inputs.Format given) {
        if (given != null) {
            return given;
        }
        return file != null && file.toLowerCase(Locale.ROOT).endsWith(".csv") ? Inputs.Format.CSV : Inputs.Format.JSON;
    }
}
