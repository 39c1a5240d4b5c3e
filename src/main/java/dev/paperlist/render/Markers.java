package dev.paperlist.render;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the generated block of a README, between a {@code <!-- paperlist:start … -->} line and a
 * {@code <!-- paperlist:end -->} line, so that everything outside it is kept byte for byte. Marker
 * text inside fenced code blocks (as in documentation showing the markers) does not count.
 */
public final class Markers {
    public static final String START_PREFIX = "<!-- paperlist:start";
    public static final String END_PREFIX = "<!-- paperlist:end";
    public static final String END_LINE = "<!-- paperlist:end -->";
    private static final String MARKER_PREFIX = "<!-- paperlist:";

    /**
     * A README split around its generated block.
     *
     * @param before everything up to the start marker line
     * @param after everything from the line after the end marker line, its line ending included
     * @param eol the line ending of the start marker line, used for the generated lines
     */
    public record Split(String before, String after, String eol) {}

    private Markers() {}

    /** The start marker line, which also tells contributors where to make their edits. */
    public static String startLine(String catalogName) {
        return START_PREFIX + ": generated from " + catalogName + ". Do not edit this block by hand: edit "
                + catalogName + ", then run \"paperlist render\". -->";
    }

    public static Split split(String text, String displayName) {
        List<int[]> starts = new ArrayList<>();
        List<int[]> ends = new ArrayList<>();
        // Each entry: line number, start offset, end offset (after the line ending).
        int line = 0;
        char fenceChar = 0;
        int fenceLength = 0;
        for (int offset = 0; offset < text.length(); ) {
            line++;
            int newline = text.indexOf('\n', offset);
            int next = newline < 0 ? text.length() : newline + 1;
            String content = stripEol(text.substring(offset, newline < 0 ? text.length() : newline));
            String trimmed = leadingSpacesUpTo3(content);
            if (fenceChar != 0) {
                if (isClosingFence(trimmed, fenceChar, fenceLength)) {
                    fenceChar = 0;
                }
            } else if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenceChar = trimmed.charAt(0);
                fenceLength = runLength(trimmed, fenceChar);
            } else if (content.startsWith(MARKER_PREFIX)) {
                if (content.startsWith(START_PREFIX)) {
                    starts.add(new int[] {line, offset, next});
                } else if (content.startsWith(END_PREFIX)) {
                    ends.add(new int[] {line, offset, next});
                } else {
                    throw error(displayName, line, "unknown paperlist marker '" + content.strip()
                            + "'; the markers are '" + START_PREFIX + " -->' and '" + END_LINE + "'");
                }
            }
            offset = next;
        }
        if (starts.isEmpty() && ends.isEmpty()) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName
                    + ": no paperlist markers; add a line '" + START_PREFIX + " -->' and a line '" + END_LINE
                    + "' where the list should go");
        }
        if (starts.size() > 1) {
            throw error(displayName, starts.get(1)[0], "a second start marker (the first is at line "
                    + starts.get(0)[0] + "); keep exactly one pair of markers");
        }
        if (ends.size() > 1) {
            throw error(displayName, ends.get(1)[0], "a second end marker (the first is at line "
                    + ends.get(0)[0] + "); keep exactly one pair of markers");
        }
        if (starts.isEmpty()) {
            throw error(displayName, ends.get(0)[0], "end marker without a start marker '" + START_PREFIX + " -->' before it");
        }
        if (ends.isEmpty()) {
            throw error(displayName, starts.get(0)[0], "start marker without an end marker '" + END_LINE + "' after it");
        }
        int[] start = starts.get(0);
        int[] end = ends.get(0);
        if (end[0] < start[0]) {
            throw error(displayName, end[0], "the end marker comes before the start marker (line " + start[0]
                    + "); put '" + END_LINE + "' after it");
        }
        String startLineText = text.substring(start[1], start[2]);
        String eol = startLineText.endsWith("\r\n") ? "\r\n" : "\n";
        String endLineText = text.substring(end[1], end[2]);
        String endEol = endLineText.endsWith("\r\n") ? "\r\n" : endLineText.endsWith("\n") ? "\n" : "";
        return new Split(text.substring(0, start[1]), endEol + text.substring(end[2]), eol);
    }

    /** The README with the block replaced: before, start marker, generated lines, end marker, after. */
    public static String join(Split split, String generated, String catalogName) {
        String body = startLine(catalogName) + "\n\n" + generated + (generated.isEmpty() ? "" : "\n") + END_LINE;
        return split.before() + withEol(body, split.eol()) + split.after();
    }

    /** A new README holding only the markers and the list. */
    public static String newDocument(String generated, String catalogName) {
        return join(new Split("", "\n", "\n"), generated, catalogName);
    }

    private static String withEol(String text, String eol) {
        return eol.equals("\n") ? text : text.replace("\n", eol);
    }

    private static String stripEol(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String leadingSpacesUpTo3(String line) {
        int i = 0;
        while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isClosingFence(String trimmed, char fenceChar, int length) {
        return runLength(trimmed, fenceChar) >= length && trimmed.substring(runLength(trimmed, fenceChar)).isBlank();
    }

    private static int runLength(String s, char c) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) {
            n++;
        }
        return n;
    }

    private static PaperlistException error(String displayName, int line, String message) {
        return new PaperlistException(ExitCode.INVALID_INPUT, displayName + ":" + line + ": " + message);
    }
}
