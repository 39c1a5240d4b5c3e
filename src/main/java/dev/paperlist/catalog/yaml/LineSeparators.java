package dev.paperlist.catalog.yaml;

import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses U+2028, U+2029 and NEL anywhere in a catalogue. YAML 1.1, which SnakeYAML reads, takes them
 * as line breaks, so inside a comment they would start a line that editors and reviewers see as part
 * of the comment: {@code # note<U+2028>venue: hidden} would set a venue nobody sees.
 */
public final class LineSeparators {
    private LineSeparators() {}

    /** Throws, at the character's line and column, when the text holds one of the three. */
    public static void refuseIn(String text, String fileName) {
        int at = indexIn(text);
        if (at >= 0) {
            throw refused(text, at, text.charAt(at), fileName);
        }
    }

    /** Whether the text holds one of the three. */
    public static boolean isIn(String text) {
        return indexIn(text) >= 0;
    }

    private static int indexIn(String text) {
        // A whole catalogue is scanned at every load: copied out a chunk at a time and looked at in an array,
        // as the launcher's compiler (C1) does not inline charAt.
        char[] chunk = new char[Math.min(CHUNK, text.length())];
        for (int from = 0; from < text.length(); from += CHUNK) {
            int to = Math.min(text.length(), from + CHUNK);
            text.getChars(from, to, chunk, 0);
            for (int k = 0; k < to - from; k++) {
                char c = chunk[k];
                if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                    return from + k;
                }
            }
        }
        return -1;
    }

    private static final int CHUNK = 8192;

    /** The same for UTF-8 bytes, without decoding a clean file: E2 80 A8, E2 80 A9 and C2 85. */
    public static void refuseIn(byte[] utf8, String fileName) {
        for (int i = 0; i + 1 < utf8.length; i++) {
            byte b = utf8[i];
            if (b == (byte) 0xC2 && utf8[i + 1] == (byte) 0x85
                    || b == (byte) 0xE2 && utf8[i + 1] == (byte) 0x80 && i + 2 < utf8.length
                    && (utf8[i + 2] == (byte) 0xA8 || utf8[i + 2] == (byte) 0xA9)) {
                // Only a bad file pays for decoding, and the message's position counts characters.
                String before = new String(utf8, 0, i, StandardCharsets.UTF_8);
                char c = b == (byte) 0xC2 ? '\u0085' : utf8[i + 2] == (byte) 0xA8 ? '\u2028' : '\u2029';
                throw refused(before + c, before.length(), c, fileName);
            }
        }
    }

    private static PaperlistException refused(String text, int offset, char c, String fileName) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int column = text.codePointCount(lineStart, offset) + 1;
        String name = c == '\u0085' ? "next line" : c == '\u2028' ? "line separator" : "paragraph separator";
        return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName, line, column, String.format(Locale.ROOT,
                "U+%04X (%s) is not allowed anywhere in a catalogue, comments included: YAML reads it"
                        + " as a line break that editors do not show; remove it", (int) c, name)));
    }
}
