package dev.paperlist;

/**
 * A problem at a place in a file, as a value: tools (lint's JSON, GitHub annotations) read its parts
 * instead of parsing {@code file:line:column: message} back out of a sentence.
 *
 * @param line 1-based, or 0 when the problem is about the whole file
 * @param column 1-based, or 0 when only the line is known
 */
public record Diagnostic(String file, int line, int column, String message) {
    /** A problem at a line and column. */
    public static Diagnostic at(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, message);
    }

    /** A problem at a line, its column unknown. */
    public static Diagnostic atLine(String file, int line, String message) {
        return new Diagnostic(file, line, 0, message);
    }

    /** A problem with the whole file. */
    public static Diagnostic inFile(String file, String message) {
        return new Diagnostic(file, 0, 0, message);
    }

    /** The one-line form users see: {@code file:line:column: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(message).toString();
    }
}
