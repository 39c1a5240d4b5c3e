package dev.paperlist.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Safe, stable file names for topics and sections, the same on every system: ASCII letters, digits,
 * {@code .}, {@code _} and {@code -} only, starting with a letter or digit. A name that is already safe is kept as it is
 * ({@code NLP} → {@code NLP}); any other gets its safe part and the first 8 hex digits of the SHA-256
 * of its UTF-8 text ({@code Efficiency/SpeedUp} → {@code Efficiency-SpeedUp-1a2b3c4d},
 * {@code 多模态} → {@code topic-5e6f7a8b}), so two names never share a file. Names that differ only in
 * case, and reserved names such as {@code README} or {@code CON}, get the hash too, because some file
 * systems cannot tell them apart.
 */
public final class FileNames {
    private static final int MAX_SAFE_LENGTH = 60;
    private static final Set<String> RESERVED = Set.of("readme", "index", "con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() {}

    /**
     * The base file name (without extension) of each name, in the order given.
     *
     * @param fallback the safe part used when a name has no ASCII letter or digit, such as {@code topic}
     */
    public static Map<String, String> of(List<String> names, String fallback) {
        Map<String, Integer> lowerCaseCounts = new HashMap<>();
        for (String name : new java.util.LinkedHashSet<>(names)) {
            lowerCaseCounts.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (String name : names) {
            if (out.containsKey(name)) {
                continue;
            }
            String safe = safePart(name);
            boolean clash = lowerCaseCounts.get(name.toLowerCase(Locale.ROOT)) > 1;
            String base = !safe.isEmpty() && safe.equals(name) && !clash && !RESERVED.contains(safe.toLowerCase(Locale.ROOT))
                    ? name
                    : (safe.isEmpty() ? fallback : safe) + "-" + shortHash(name);
            // A 32-bit hash collision is unlikely but must not make two names share a file.
            int seen = taken.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
            out.put(name, seen == 1 ? base : base + "-" + seen);
        }
        return out;
    }

    /** One name's file name among names that do not clash; see {@link #of}. */
    public static String of(String name, String fallback) {
        return of(List.of(name), fallback).get(name);
    }

    // Runs of other characters become one '-'; the ends are trimmed of '-' and '.', the start of '_'.
    static String safePart(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean dash = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (keep) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.append(c);
            } else {
                dash = true;
            }
        }
        String s = out.toString().replaceAll("\\.{2,}", ".");
        int start = 0;
        int end = s.length();
        // A leading '_' too: GitHub Pages (Jekyll) does not publish such files.
        while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '.' || s.charAt(start) == '_')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '.')) {
            end--;
        }
        s = s.substring(start, end);
        if (s.length() > MAX_SAFE_LENGTH) {
            s = s.substring(0, MAX_SAFE_LENGTH).replaceAll("[-.]+$", "");
        }
        return s;
    }

    static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
