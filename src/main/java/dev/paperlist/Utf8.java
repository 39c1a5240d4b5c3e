package dev.paperlist;

/**
 * The UTF-8 length of text, counted without encoding it: the renderer checks size budgets with it, and
 * the writer sizes its buffer exactly.
 */
public final class Utf8 {
    private static final int CHUNK = 8192;

    private Utf8() {}

    /** The number of bytes UTF-8 takes for the text; a lone surrogate counts as three. */
    public static long length(CharSequence text) {
        int length = text.length();
        // A README is tens of millions of characters, and the launcher's compiler (C1) does not inline
        // charAt through CharSequence: the text is copied out a chunk at a time and counted in an array.
        char[] chunk = new char[Math.min(length, CHUNK)];
        long extra = 0;
        boolean afterHigh = false;
        for (int from = 0; from < length; from += CHUNK) {
            int to = Math.min(length, from + CHUNK);
            if (text instanceof String string) {
                string.getChars(from, to, chunk, 0);
            } else {
                for (int i = from; i < to; i++) {
                    chunk[i - from] = text.charAt(i);
                }
            }
            // Each character is one byte plus the extra bytes its range takes; a high surrogate counts as
            // three, and the low one that completes its pair adds one more: four for the pair.
            for (int i = 0; i < to - from; i++) {
                char c = chunk[i];
                if (c < 0x80) {
                    afterHigh = false;
                } else if (c < 0x800) {
                    extra++;
                    afterHigh = false;
                } else if (afterHigh && Character.isLowSurrogate(c)) {
                    afterHigh = false;
                } else {
                    extra += 2;
                    afterHigh = Character.isHighSurrogate(c);
                }
            }
        }
        return length + extra;
    }
}
