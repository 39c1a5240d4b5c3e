package dev.paperlist.model;

import java.util.ArrayList;
import java.util.List;

/** The whole paper list: its settings and its top-level sections. */
public record Catalog(Settings settings, List<Section> sections) {
    public Catalog {
        sections = List.copyOf(sections);
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
