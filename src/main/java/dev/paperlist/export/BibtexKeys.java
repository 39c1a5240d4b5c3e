package dev.paperlist.export;

import dev.paperlist.model.Paper;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citation keys, unique within a catalogue and stable as it grows. A paper with an {@code id} uses it;
 * any other gets Google Scholar's shape, first author's family name, year, first word of the title
 * that is not a small word ({@code chen2023seine}), in ASCII; when the author is not written in Latin
 * letters (an affiliation in Chinese, say) the title word comes first ({@code anygpt2024}). The first
 * paper in catalogue order with a key keeps it; later ones with the same key get {@code b}, {@code c}, …
 * so adding a paper after them never changes an existing key.
 */
public final class BibtexKeys {
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and",
            "with", "towards", "toward", "from", "via", "by", "is", "are", "at", "as", "do", "does", "what", "how",
            "when", "why", "can");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(1[89][0-9]{2}|2[0-9]{3})(?![0-9])");

    private BibtexKeys() {}

    /** Each paper's key, by identity. */
    public static Map<Paper, String> of(List<Paper> papers) {
        Map<Paper, String> keys = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (Paper p : papers) {
            if (p.id() != null) {
                keys.put(p, p.id());
                used.add(p.id().toLowerCase(Locale.ROOT));
            }
        }
        for (Paper p : papers) {
            if (keys.containsKey(p)) {
                continue;
            }
            String base = base(p);
            String key = base;
            for (int n = 1; used.contains(key.toLowerCase(Locale.ROOT)); n++) {
                key = base + suffix(n);
            }
            used.add(key.toLowerCase(Locale.ROOT));
            keys.put(p, key);
        }
        return keys;
    }

    // b, c, …, z, then zb, zc, …: never empty, never a digit that would blur into the year.
    private static String suffix(int n) {
        StringBuilder out = new StringBuilder();
        while (n > 24) {
            out.append('z');
            n -= 24;
        }
        return out.append((char) ('a' + n)).toString();
    }

    static String base(Paper p) {
        String author = p.authors().isEmpty() ? "" : familyName(p.authors().get(0));
        String year = year(p);
        String word = titleWord(p.title());
        if (word.isEmpty()) {
            word = ascii(p.name());
        }
        String key = author.isEmpty() ? word + year : author + year + word;
        return key.isEmpty() ? "paper" : key;
    }

    /** The year of the paper: its submission, else the one in its venue; empty when neither says. */
    static String year(Paper p) {
        if (p.submitted() != null) {
            return String.valueOf(p.submitted().year());
        }
        return venueYear(p);
    }

    static String venueYear(Paper p) {
        if (p.venue() == null) {
            return "";
        }
        Matcher m = YEAR.matcher(p.venue());
        return m.find() ? m.group(1) : "";
    }

    private static String familyName(String author) {
        String name = author.strip();
        int comma = name.indexOf(',');
        if (comma > 0) {
            return ascii(name.substring(0, comma));
        }
        String[] words = name.split("\\s+");
        return ascii(words[words.length - 1]);
    }

    private static String titleWord(String title) {
        for (String word : title.split("\\s+")) {
            String w = ascii(word);
            if (!w.isEmpty() && !SMALL_WORDS.contains(w)) {
                return w;
            }
        }
        return "";
    }

    /** Lower-case ASCII letters and digits of a text, accents removed: {@code Müller-Ö} → {@code mullero}. */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c == 'ß') {
                out.append("ss");
            }
        }
        return out.toString();
    }
}
