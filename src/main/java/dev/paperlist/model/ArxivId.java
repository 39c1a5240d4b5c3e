package dev.paperlist.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without its version, in the new ({@code 2402.12226}) or old
 * ({@code hep-th/9901001}) scheme. Two spellings of the same paper compare equal.
 */
public record ArxivId(String id) {
    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v\\d+)?");
    private static final Pattern OLD_STYLE = Pattern.compile("([a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?");
    private static final Pattern URL = Pattern.compile(
            "https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads every form people paste: {@code 2402.12226}, {@code 2402.12226v2}, {@code arXiv:2402.12226},
     * abs, pdf and html URLs, and old-style ids; empty when the text is not an arXiv reference.
     */
    public static Optional<ArxivId> parse(String text) {
        String s = text.strip();
        Matcher url = URL.matcher(s);
        if (url.matches()) {
            s = url.group(1);
        } else if (s.regionMatches(true, 0, "arxiv:", 0, 6)) {
            s = s.substring(6).strip();
        }
        Matcher m = NEW_STYLE.matcher(s);
        if (m.matches()) {
            return Optional.of(new ArxivId(m.group(1)));
        }
        m = OLD_STYLE.matcher(s);
        if (m.matches()) {
            // The pattern admits only arXiv's own spelling (math.AG/0309136), which must read back as itself.
            return Optional.of(new ArxivId(m.group(1)));
        }
        return Optional.empty();
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    @Override
    public String toString() {
        return id;
    }
}
