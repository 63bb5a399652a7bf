package dev.levy.model;

/**
 * A problem found while loading a rule set, located in the analyst's own file: {@code FILE:LINE:COL: message}.
 * Line and column are 0 when unknown.
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, int line, String message) {
        return new Problem(Severity.ERROR, file, line, 0, message);
    }

    /** An error at {@code offset} of a file's {@code text}: its line and column (both from 1) are counted there. */
    public static Problem errorAt(String file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(Severity.ERROR, file, line, offset - lineStart + 1, message);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(Severity.WARNING, file, line, 0, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (isError() ? "error: " : "warning: ") + message;
    }
}
