package dev.paperlist;

/**
 * The UTF-8 length of text, counted without encoding it: the renderer checks size budgets with it, and
 * the writer sizes its buffer exactly.
 */
public final class Utf8 {
    private Utf8() {}

    /** The number of bytes UTF-8 takes for the text; a lone surrogate counts as three. */
    public static long length(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
