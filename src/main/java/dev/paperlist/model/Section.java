package dev.paperlist.model;

import java.util.List;

/**
 * A titled part of the list, holding papers (shown first) and then subsections.
 * Depth 1 is a top-level section.
 */
public record Section(String title, List<Paper> papers, List<Section> sections, SourcePosition position) {
    public Section {
        papers = List.copyOf(papers);
        sections = List.copyOf(sections);
    }
}
