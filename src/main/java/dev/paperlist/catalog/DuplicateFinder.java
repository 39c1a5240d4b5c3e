package dev.paperlist.catalog;

import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a paper that is already in the catalogue: by arXiv id in any spelling, by URL (host case,
 * {@code www.}, scheme and a final slash ignored), or by title with case, punctuation and spacing ignored.
 */
public final class DuplicateFinder {
    /**
     * An existing paper the new one matches.
     *
     * @param reason how they match, such as "the same arXiv id 2402.12226"
     * @param sections the paths of the sections that list it
     * @param sameId whether the match is by arXiv id or URL, which identify a paper, rather than by title alone
     */
    public record Match(Paper existing, String reason, List<String> sections, boolean sameId) {}

    private final Map<Paper, List<String>> papers = new IdentityHashMap<>();
    private final List<Paper> order = new ArrayList<>();

    public DuplicateFinder(Catalog catalog) {
        collect(catalog.sections(), "");
    }

    private void collect(List<Section> sections, String parent) {
        for (Section s : sections) {
            String path = parent.isEmpty() ? s.title() : parent + "/" + s.title();
            for (Paper p : s.papers()) {
                if (!papers.containsKey(p)) {
                    order.add(p);
                }
                papers.computeIfAbsent(p, k -> new ArrayList<>()).add(path);
            }
            collect(s.sections(), path);
        }
    }

    /** The first existing paper that {@code candidate} duplicates, checking ids before URLs before titles. */
    public Optional<Match> find(Paper candidate) {
        Optional<ArxivId> arxiv = candidate.arxivId();
        if (arxiv.isPresent()) {
            for (Paper p : order) {
                if (p.arxivId().equals(arxiv)) {
                    return Optional.of(new Match(p, "the same arXiv id " + arxiv.get(), papers.get(p), true));
                }
            }
        }
        if (candidate.url() != null) {
            String url = TextRules.normalisedUrl(candidate.url());
            for (Paper p : order) {
                if (p.url() != null && TextRules.normalisedUrl(p.url()).equals(url)) {
                    return Optional.of(new Match(p, "the same url", papers.get(p), true));
                }
            }
        }
        String title = normalisedTitle(candidate.title());
        if (!title.isEmpty()) {
            for (Paper p : order) {
                if (normalisedTitle(p.title()).equals(title)) {
                    return Optional.of(new Match(p, "the same title", papers.get(p), false));
                }
            }
        }
        return Optional.empty();
    }

    /** Letters and digits only, in lower case and compatibility-normalised: "AnyGPT: Unified…" → "anygptunified…". */
    public static String normalisedTitle(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
