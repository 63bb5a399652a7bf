package dev.levy.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The input of a streaming command: a file, or standard input for none or {@code -}. */
final class InputFile {

    private InputFile() {}

    /** A reader of the input, or null after saying on {@code err} that the file does not exist. */
    static Reader open(String file, String command, PrintWriter err) throws IOException {
        if (file == null || file.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(command + ": no such file: " + file);
            return null;
        }
    }
}
