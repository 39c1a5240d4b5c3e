package dev.paperlist.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's heading anchors, exactly as the github-slugger package computes them: JavaScript's
 * lower-casing, then every character removed that is not a letter, mark, decimal or letter number,
 * connector punctuation, alphabetic symbol, space or hyphen; each space becomes a hyphen, and repeats
 * get {@code -1}, {@code -2}, …. One instance covers one page, in document order. Repeats cost
 * amortised constant time, so 10,000 equal headings stay linear.
 */
public final class Slugger {
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The anchor for the next heading on the page with this text. */
    public String slug(String headingText) {
        String base = slugify(headingText);
        String slug = base;
        while (occurrences.containsKey(slug)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            slug = base + "-" + n;
        }
        occurrences.put(slug, 0);
        return slug;
    }

    /** The anchor for a heading text, without de-duplication. Locale-independent. */
    public static String slugify(String text) {
        String lower = lowerCase(text);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                out.append('-');
            } else if (keeps(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    // github-slugger's removal set, generated from Unicode 13 (the data of Java 17), read as categories:
    // other numbers such as '²' or '①' go, alphabetic symbols such as 'Ⓐ' and lone surrogates stay.
    private static boolean keeps(int cp) {
        if (cp == '-') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.SURROGATE -> true;
            default -> Character.isAlphabetic(cp);
        };
    }

    /**
     * JavaScript's {@code toLowerCase}. Java's differs only for Greek capital sigma, which JavaScript
     * maps to final {@code ς} by the Unicode Final_Sigma context rather than by word boundaries.
     */
    static String lowerCase(String text) {
        if (text.indexOf('\u03A3') < 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0x03A3) {
                out.append(casedBefore(text, i) && !casedAfter(text, next) ? '\u03C2' : '\u03C3');
            } else {
                out.append(text.substring(i, next).toLowerCase(Locale.ROOT));
            }
            i = next;
        }
        return out.toString();
    }

    private static boolean casedBefore(String s, int i) {
        while (i > 0) {
            int cp = s.codePointBefore(i);
            i -= Character.charCount(cp);
            if (!caseIgnorable(cp)) {
                return cased(cp);
            }
        }
        return false;
    }

    private static boolean casedAfter(String s, int i) {
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!caseIgnorable(cp)) {
                return cased(cp);
            }
        }
        return false;
    }

    private static boolean cased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    // Unicode's Case_Ignorable: marks, format characters, modifiers and word-internal punctuation.
    // It is checked before Cased, because U+0345 is both and counts as ignorable.
    private static boolean caseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT,
                    Character.MODIFIER_LETTER, Character.MODIFIER_SYMBOL -> {
                return true;
            }
            default -> {
                return switch (cp) {
                    case '\'', '.', ':', 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027,
                            0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
                    default -> false;
                };
            }
        }
    }
}
