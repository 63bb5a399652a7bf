package dev.levy.policy;

/**
 * DRL text with its comments and the contents of its string and character literals blanked out (spaces; line breaks
 * kept), so that a scan of what remains sees only code, at the same offsets and lines as the original.
 *
 * @param code       the blanked text, as long as the original
 * @param unterminated offset of a string or comment that never ends, or -1
 */
public record DrlText(String code, int unterminated) {

    public static DrlText of(String drl) {
        char[] out = drl.toCharArray();
        int i = 0;
        int n = out.length;
        while (i < n) {
            char c = out[i];
            if (c == '/' && i + 1 < n && out[i + 1] == '/') {
                i = blank(out, i, lineEnd(out, i));
            } else if (c == '/' && i + 1 < n && out[i + 1] == '*') {
                int end = commentEnd(out, i + 2);
                if (end < 0) {
                    blank(out, i, n);
                    return new DrlText(new String(out), i);
                }
                i = blank(out, i, end + 2);
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(out, i, c);
                if (end < 0) {
                    blank(out, i + 1, n);
                    return new DrlText(new String(out), i);
                }
                blank(out, i + 1, end);
                i = end + 1;
            } else {
                i++;
            }
        }
        return new DrlText(new String(out), -1);
    }

    /** The offset of the parenthesis closing the one at {@code open} in blanked {@code code}, or the code's end. */
    public static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The offset of the closing quote of the literal opened at {@code start}, or -1 (a literal never spans lines). */
    private static int literalEnd(char[] s, int start, char quote) {
        for (int i = start + 1; i < s.length; i++) {
            if (s[i] == '\\') {
                i++;
            } else if (s[i] == quote) {
                return i;
            } else if (s[i] == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static int lineEnd(char[] s, int from) {
        int i = from;
        while (i < s.length && s[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int commentEnd(char[] s, int from) {
        for (int i = from; i + 1 < s.length; i++) {
            if (s[i] == '*' && s[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Blanks {@code [from, to)} except line breaks; returns {@code to}. */
    private static int blank(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != '\n' && s[i] != '\r') {
                s[i] = ' ';
            }
        }
        return to;
    }
}
