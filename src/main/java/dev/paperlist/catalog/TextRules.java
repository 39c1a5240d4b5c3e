package dev.paperlist.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * What catalogue text may contain. Characters that hide or reorder text on the page (bidi overrides,
 * zero-width spaces, control characters, lone surrogates) are refused, with the character named.
 */
public final class TextRules {
    /**
     * A character catalogue text may not hold, at {@code offset} (a UTF-16 index) of the text searched.
     *
     * @param description the code point and what it is, as in {@code U+202E (bidirectional formatting character)}
     */
    public record Forbidden(int offset, String description) {}

    private static final java.util.regex.Pattern ID_OTHER = java.util.regex.Pattern.compile("[^a-z0-9._-]+");
    private static final java.util.regex.Pattern ID_LEADING_OR_TRAILING = java.util.regex.Pattern.compile("^[^a-z0-9]+|-+$");

    // The longest piece of a text copied out at once to be scanned.
    private static final int CHUNK = 8192;

    private TextRules() {}

    /** Names the first forbidden character, or empty when the text is clean. */
    public static Optional<String> forbiddenCharacter(String text) {
        return firstForbidden(text, 0, text.length()).map(Forbidden::description);
    }

    /** The first forbidden character between {@code start} and {@code end}, or empty when there is none. */
    public static Optional<Forbidden> firstForbidden(String text, int start, int end) {
        // Every value of a catalogue is scanned when it loads, and a whole README when it is imported: tens of
        // millions of characters. The launcher's compiler (C1) does not inline charAt, so the text is copied out
        // a chunk at a time and scanned in an array, as Utf8.length does; a value is one chunk.
        if (end <= start) {
            return Optional.empty();
        }
        char[] chunk = new char[Math.min(CHUNK, end - start)];
        boolean lowOfPair = false;
        for (int from = start; from < end; from += CHUNK) {
            int to = Math.min(end, from + CHUNK);
            text.getChars(from, to, chunk, 0);
            for (int k = 0; k < to - from; k++) {
                char c = chunk[k];
                if (c >= 0x20 && c < 0x7F || c >= 0x3000 && c < 0xD800) {
                    continue;
                }
                if (lowOfPair) {
                    lowOfPair = false;
                    continue;
                }
                int i = from + k;
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                    lowOfPair = true;
                    continue;
                }
                String name = forbiddenName(c);
                if (name != null) {
                    return Optional.of(forbidden(i, c, name));
                }
            }
        }
        return Optional.empty();
    }

    private static Forbidden forbidden(int offset, char c, String name) {
        return new Forbidden(offset, String.format(Locale.ROOT, "U+%04X (%s)", (int) c, name));
    }

    /** The text without the characters {@link #forbiddenCharacter} reports, for text from outside sources. */
    public static String withoutForbidden(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (forbiddenName(c) == null) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String forbiddenName(char c) {
        if (Character.isSurrogate(c)) {
            return "lone surrogate";
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            return null;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return "control character";
        }
        return switch (c) {
            case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' ->
                    "bidirectional formatting character";
            case '\u200B', '\u2060', '\uFEFF', '\u180E' -> "zero-width character";
            case '\u2028', '\u2029' -> "line or paragraph separator";
            default -> null;
        };
    }

    /** Folds every run of white space, line breaks included, into one space, and trims the ends. */
    public static String collapseWhitespace(String text) {
        if (isCollapsed(text)) {
            // Most values: the same string, so the catalogue holds one copy of each abstract, not two.
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isCollapsed(String text) {
        // Every value of a catalogue is looked at here when it loads: in a copy, as the launcher's compiler (C1)
        // does not inline charAt.
        char[] chars = text.toCharArray();
        int last = chars.length - 1;
        if (last < 0) {
            return true;
        }
        if (isSpace(chars[0]) || isSpace(chars[last])) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = chars[i];
            if (c != ' ' && isSpace(c) || c == ' ' && chars[i + 1] == ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text holds no forbidden character and is already collapsed (what {@link #collapseWhitespace}
     * returns as it is), found in one pass: the loader asks both of nearly every value. {@code false} also for
     * some texts that are both (a control character, a lone surrogate): the caller then asks each in full.
     */
    public static boolean isCleanAndCollapsed(String text) {
        int n = text.length();
        if (n == 0) {
            return true;
        }
        char[] chars = text.toCharArray();
        if (chars[0] == ' ' || chars[n - 1] == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c > 0x20 && c < 0x7F || c >= 0x3000 && c < 0xD800) {
                continue;
            }
            if (c == ' ') {
                // Not the last character, which was looked at above.
                if (chars[i + 1] == ' ') {
                    return false;
                }
                continue;
            }
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c) || forbiddenName(c) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    /** True for an absolute http or https URL with a host. */
    public static boolean isWebUrl(String url) {
        // The scheme in any ASCII case, compared in place: every link of a list is asked when it is imported.
        int rest = startsWithIgnoringAsciiCase(url, "https://") ? 8 : startsWithIgnoringAsciiCase(url, "http://") ? 7 : -1;
        return rest > 0 && rest < url.length() && "/?#".indexOf(url.charAt(rest)) < 0
                && !Character.isWhitespace(url.charAt(rest));
    }

    /** True for a URL the catalogue holds: a web URL ({@link #isWebUrl}) without white space anywhere. */
    public static boolean isCatalogueUrl(String url) {
        return isWebUrl(url) && firstWhitespace(url) < 0;
    }

    /**
     * Where the first white space of a URL is (as {@link Character#isWhitespace} or {@link Character#isSpaceChar}
     * has it: a no-break space too), or -1: the catalogue's URLs hold none, so that none is cut short by a reader.
     */
    public static int firstWhitespace(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            // Every URL of a catalogue is looked at here when it loads; printable ASCII is the most of it.
            if (c > ' ' && c < 0x7F) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why a link is not one the catalogue holds ({@link #isCatalogueUrl}), to follow "which": "is not an http(s)
     * URL" or "holds white space (U+00A0)".
     */
    public static String whyNotCatalogueUrl(String url) {
        int space = firstWhitespace(url);
        if (space >= 0 && isWebUrl(url.substring(0, space))) {
            return String.format(Locale.ROOT, "holds white space (U+%04X)", (int) url.charAt(space));
        }
        return "is not an http(s) URL";
    }

    // As toLowerCase(Locale.ROOT).startsWith(prefix) for a lower-case ASCII prefix, without the copy: only ASCII
    // letters fold ('ſ' is no 's' here, as it is not there).
    private static boolean startsWithIgnoringAsciiCase(String text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = text.charAt(i);
            char p = prefix.charAt(i);
            if (c != p && !(p >= 'a' && p <= 'z' && c == p - 32)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A URL reduced to what identifies the page: host without {@code www.} and in lower case, and path
     * without a final slash; the scheme is dropped. Two spellings of one page give the same text.
     */
    public static String normalisedUrl(String url) {
        String u = url.strip();
        int scheme = u.indexOf("://");
        String rest = scheme < 0 ? u : u.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return (host.startsWith("www.") ? host.substring(4) : host) + path;
    }

    /**
     * A paper id made from its name ({@code MDRG / Divter} gives {@code mdrg-divter}, a name with no
     * letters or digits gives {@code paper}): the first of that, {@code -2}, {@code -3}… not yet taken.
     */
    public static String freshId(String name, java.util.function.Predicate<String> taken) {
        String base = ID_LEADING_OR_TRAILING.matcher(ID_OTHER.matcher(name.toLowerCase(java.util.Locale.ROOT))
                .replaceAll("-")).replaceAll("");
        base = base.isEmpty() ? "paper" : base;
        String id = base;
        for (int n = 2; taken.test(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
