package dev.paperlist.markdown;

import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
        // Offsets into the text rather than a copy of each line: a README can hold a 100,000-paper list.
        for (int offset = 0; offset < text.length(); ) {
            line++;
            int newline = text.indexOf('\n', offset);
            int next = newline < 0 ? text.length() : newline + 1;
            int end = newline < 0 ? text.length() : newline;
            if (end > offset && text.charAt(end - 1) == '\r') {
                end--;
            }
            int trimmed = offset;
            while (trimmed < offset + 3 && trimmed < end && text.charAt(trimmed) == ' ') {
                trimmed++;
            }
            if (fenceChar != 0) {
                if (isClosingFence(text, trimmed, end, fenceChar, fenceLength)) {
                    fenceChar = 0;
                }
            } else if (text.startsWith("```", trimmed) && trimmed + 3 <= end
                    || text.startsWith("~~~", trimmed) && trimmed + 3 <= end) {
                fenceChar = text.charAt(trimmed);
                fenceLength = runLength(text, trimmed, end, fenceChar);
            } else if (text.startsWith(MARKER_PREFIX, offset) && offset + MARKER_PREFIX.length() <= end) {
                if (text.startsWith(START_PREFIX, offset) && offset + START_PREFIX.length() <= end) {
                    starts.add(new int[] {line, offset, next});
                } else if (text.startsWith(END_PREFIX, offset) && offset + END_PREFIX.length() <= end) {
                    ends.add(new int[] {line, offset, next});
                } else {
                    throw error(displayName, line, "unknown paperlist marker '" + text.substring(offset, end).strip()
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
        return join(split, out -> out.append(generated), generated.length(), catalogName);
    }

    /**
     * The README with the block replaced, written into one buffer: {@code generate} appends the generated
     * lines (ending in a newline, or nothing) where they belong, with no copy of the list in between.
     * {@code sizeHint} is about how many characters it appends; a good guess saves the buffer's regrowth.
     */
    public static String join(Split split, Consumer<StringBuilder> generate, int sizeHint, String catalogName) {
        long capacity = (long) split.before().length() + split.after().length() + Math.max(0, sizeHint) + 4096;
        StringBuilder out = new StringBuilder((int) Math.min(capacity, Integer.MAX_VALUE - 16));
        out.append(split.before());
        int block = out.length();
        out.append(startLine(catalogName)).append("\n\n");
        int generated = out.length();
        generate.accept(out);
        if (out.length() > generated) {
            out.append('\n');
        }
        out.append(END_LINE);
        if (!split.eol().equals("\n")) {
            String body = withEol(out.substring(block), split.eol());
            out.setLength(block);
            out.append(body);
        }
        out.append(split.after());
        return out.toString();
    }

    private static String withEol(String text, String eol) {
        return eol.equals("\n") ? text : text.replace("\n", eol);
    }

    // A closing fence: at least as many fence characters as the opening one, then only white space.
    private static boolean isClosingFence(String text, int from, int end, char fenceChar, int length) {
        int run = runLength(text, from, end, fenceChar);
        return run >= length && text.substring(from + run, end).isBlank();
    }

    private static int runLength(String text, int from, int end, char c) {
        int n = 0;
        while (from + n < end && text.charAt(from + n) == c) {
            n++;
        }
        return n;
    }

    private static PaperlistException error(String displayName, int line, String message) {
        return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.atLine(displayName, line, message));
    }
}
