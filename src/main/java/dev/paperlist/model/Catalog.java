package dev.paperlist.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole paper list: its settings and its top-level sections, and the figures (stars, citations) of
 * the data file beside it, {@link Figures#NONE} when there is none.
 */
public record Catalog(Settings settings, List<Section> sections, Figures figures) {
    public Catalog {
        sections = List.copyOf(sections);
        java.util.Objects.requireNonNull(figures, "figures");
    }

    /** A catalogue without figures, as papers.yaml alone gives it. */
    public Catalog(Settings settings, List<Section> sections) {
        this(settings, sections, Figures.NONE);
    }

    /** The same list with other figures. */
    public Catalog withFigures(Figures other) {
        return new Catalog(settings, sections, other);
    }

    /** Every distinct paper once, in the order of first appearance. */
    public List<Paper> distinctPapers() {
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Paper, Boolean>());
        List<Paper> out = new ArrayList<>();
        collect(sections, seen, out);
        return out;
    }

    private static void collect(List<Section> sections, java.util.Set<Paper> seen, List<Paper> out) {
        for (Section s : sections) {
            for (Paper p : s.papers()) {
                if (seen.add(p)) {
                    out.add(p);
                }
            }
            collect(s.sections(), seen, out);
        }
    }
}
