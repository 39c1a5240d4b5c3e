package dev.paperlist;

/**
 * The loop every escaper shares: each character of a text, replaced where a table says so. The tables
 * (HTML, TeX, shields.io paths, YAML) differ; the walk over the text is written once.
 */
public final class Escaping {
    private Escaping() {}

    /** What a character becomes, or {@code null} to keep it as it is. */
    @FunctionalInterface
    public interface Table {
        String replacement(char c);
    }

    /** The text with each character the table replaces replaced; the text itself when it replaces none. */
    public static String replace(String text, Table table) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = table.replacement(c);
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
