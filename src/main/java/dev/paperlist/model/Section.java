package dev.paperlist.model;

import java.util.List;

/**
 * A titled part of the list, holding papers (shown first) and then subsections.
 * Depth 1 is a top-level section.
 *
 * @param text Markdown written under the heading before the papers, verbatim; {@code null} when none
 * @param columns the table layout's columns for this section; empty means the output's columns
 */
public record Section(String title, String text, List<TableColumn> columns, List<Paper> papers,
                      List<Section> sections, SourcePosition position) {
    public Section {
        columns = List.copyOf(columns);
        papers = List.copyOf(papers);
        sections = List.copyOf(sections);
    }

    /** A section with no free text and the output's columns, as most are. */
    public Section(String title, List<Paper> papers, List<Section> sections, SourcePosition position) {
        this(title, null, List.of(), papers, sections, position);
    }

    /** The same section holding other papers and subsections. */
    public Section with(List<Paper> newPapers, List<Section> newSections) {
        return new Section(title, text, columns, newPapers, newSections, position);
    }
}
