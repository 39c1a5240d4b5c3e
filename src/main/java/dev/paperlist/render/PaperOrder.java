package dev.paperlist.render;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Figures;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Orders the papers within each section as {@code settings.metrics.sort} asks: most stars or citations
 * first, newest first, or by name. Papers without the figure keep their order after those with it, and
 * equal ones keep the order of papers.yaml, so the result depends on the files alone.
 */
public final class PaperOrder {
    private PaperOrder() {}

    /** The catalogue in the order its settings ask for; the catalogue itself when they ask for none. */
    public static Catalog apply(Catalog catalog) {
        String sort = catalog.settings().metrics().sort();
        if (sort == null) {
            return catalog;
        }
        Comparator<Paper> order = comparator(sort, catalog.figures());
        return new Catalog(catalog.settings(), sorted(catalog.sections(), order), catalog.figures());
    }

    private static List<Section> sorted(List<Section> sections, Comparator<Paper> order) {
        List<Section> out = new ArrayList<>(sections.size());
        for (Section s : sections) {
            List<Paper> papers = new ArrayList<>(s.papers());
            papers.sort(order);
            out.add(s.with(papers, sorted(s.sections(), order)));
        }
        return out;
    }

    private static Comparator<Paper> comparator(String sort, Figures figures) {
        return switch (sort) {
            case "stars" -> descending(p -> {
                Integer stars = p.code() == null ? null
                        : figures.repoFigures(p.code().slug()).map(Figures.Repo::stars).orElse(null);
                return stars == null ? OptionalInt.empty() : OptionalInt.of(stars);
            });
            case "citations" -> descending(p -> MetricsText.citationCount(p, figures));
            case "date" -> Comparator.comparing((Paper p) -> Optional.ofNullable(p.submitted()),
                    (a, b) -> a.isPresent() && b.isPresent() ? b.get().compareTo(a.get())
                            : Boolean.compare(a.isEmpty(), b.isEmpty()));
            case "name" -> Comparator.comparing((Paper p) -> p.name().toLowerCase(Locale.ROOT));
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
    }

    private static Comparator<Paper> descending(java.util.function.Function<Paper, OptionalInt> figure) {
        return (a, b) -> {
            OptionalInt x = figure.apply(a);
            OptionalInt y = figure.apply(b);
            if (x.isPresent() && y.isPresent()) {
                return Integer.compare(y.getAsInt(), x.getAsInt());
            }
            return Boolean.compare(x.isEmpty(), y.isEmpty());
        };
    }
}
