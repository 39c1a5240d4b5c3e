package dev.paperlist.model;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A titled part of the list, holding papers (shown first) and then subsections.
 * Depth 1 is a top-level section.
 *
 * @param text Markdown written under the heading before the papers, verbatim; {@code null} when none
 * @param columns the table layout's columns for this section; empty means the output's columns
 * @param papers each paper the section lists, once, in the order first listed: what most readers of a
 *     section want
 * @param content what the section lists in order: its papers where they are listed (a paper may be
 *     listed twice), the Markdown written between them and the list items that are not papers; the
 *     layouts write this
 * @param headingLevel the Markdown level of the section's heading when the list writes it at another than
 *     the one its nesting gives (a {@code ####} right under a {@code ##}); 0 for the natural level. Its
 *     subsections and papers are headed below it; the contents still nest by depth.
 * @param layout how the section's own papers are written when not as the output writes them: one of
 *     {@link #LAYOUTS}; {@code null} for the output's layout. Its heading, and its subsections (unless they
 *     say otherwise), stay the output's.
 * @param entries how this section writes its papers' entries, tried before the list's ({@link Settings#entries})
 */
public record Section(String title, String text, List<TableColumn> columns, List<Paper> papers,
                      List<Section> sections, SourcePosition position, List<Part> content, int headingLevel,
                      String layout, List<EntryTemplate> entries) {
    /**
     * The layouts a section may choose for its papers. The notes layout is the output's alone: its papers
     * are headings, whose anchors the contents of a list or table output do not have.
     */
    public static final List<String> LAYOUTS = List.of("list", "table");

    public Section {
        entries = List.copyOf(entries);
        if (headingLevel < 0 || headingLevel > 6) {
            throw new IllegalArgumentException("heading level " + headingLevel + " of section '" + title + "'");
        }
        if (layout != null && !LAYOUTS.contains(layout)) {
            throw new IllegalArgumentException("layout '" + layout + "' of section '" + title + "'");
        }
        columns = List.copyOf(columns);
        sections = List.copyOf(sections);
        if (content == null) {
            papers = List.copyOf(papers);
            content = Part.of(papers);
        } else {
            content = List.copyOf(content);
            List<Paper> listed = Part.papers(content);
            if (papers != null && !sameInstances(papers, listed)) {
                throw new IllegalArgumentException("the papers of section '" + title + "' are not those of its content");
            }
            papers = listed;
        }
    }

    /** A section in the output's layout, listing {@code content}, or exactly {@code papers} when content is null. */
    public Section(String title, String text, List<TableColumn> columns, List<Paper> papers,
                   List<Section> sections, SourcePosition position, List<Part> content, int headingLevel) {
        this(title, text, columns, papers, sections, position, content, headingLevel, null, List.of());
    }

    /** A section with the list's entry templates alone. */
    public Section(String title, String text, List<TableColumn> columns, List<Paper> papers,
                   List<Section> sections, SourcePosition position, List<Part> content, int headingLevel,
                   String layout) {
        this(title, text, columns, papers, sections, position, content, headingLevel, layout, List.of());
    }

    /** A section listing {@code content}, or exactly {@code papers} when content is null, at its natural level. */
    public Section(String title, String text, List<TableColumn> columns, List<Paper> papers,
                   List<Section> sections, SourcePosition position, List<Part> content) {
        this(title, text, columns, papers, sections, position, content, 0);
    }

    /** A section that lists exactly its papers, each once, with nothing between them. */
    public Section(String title, String text, List<TableColumn> columns, List<Paper> papers,
                   List<Section> sections, SourcePosition position) {
        this(title, text, columns, papers, sections, position, null);
    }

    /** A section with no free text and the output's columns, as most are. */
    public Section(String title, List<Paper> papers, List<Section> sections, SourcePosition position) {
        this(title, null, List.of(), papers, sections, position);
    }

    /** A section listing {@code content} in order; its papers are those of the content. */
    public static Section of(String title, String text, List<TableColumn> columns, List<Part> content,
                             List<Section> sections, SourcePosition position) {
        return new Section(title, text, columns, null, sections, position, content);
    }

    /** A section listing {@code content} in order under a heading of the given level (0: the natural one). */
    public static Section of(String title, String text, List<TableColumn> columns, List<Part> content,
                             List<Section> sections, SourcePosition position, int headingLevel) {
        return new Section(title, text, columns, null, sections, position, content, headingLevel);
    }

    /** A section listing {@code content} in order, its papers written in {@code layout} (null: the output's). */
    public static Section of(String title, String text, List<TableColumn> columns, List<Part> content,
                             List<Section> sections, SourcePosition position, int headingLevel, String layout) {
        return new Section(title, text, columns, null, sections, position, content, headingLevel, layout);
    }

    /** The same section with its papers written in {@code newLayout} (null: the output's). */
    public Section withLayout(String newLayout) {
        return new Section(title, text, columns, null, sections, position, content, headingLevel, newLayout, entries);
    }

    /** The same section with its own entry templates. */
    public Section withEntries(List<EntryTemplate> newEntries) {
        return new Section(title, text, columns, null, sections, position, content, headingLevel, layout, newEntries);
    }

    /** The layout the section's papers are written in, in an output of {@code outputLayout}. */
    public String layoutIn(String outputLayout) {
        return layout == null ? outputLayout : layout;
    }

    /** The level of this section's heading, given the level its nesting gives it. */
    public int headingLevel(int natural) {
        return headingLevel == 0 ? natural : headingLevel;
    }

    /**
     * The same section holding other papers and subsections. When the section lists only its papers,
     * once each, the new papers are what it lists; otherwise there are as many as before, and each takes
     * the places of the paper at its index in {@link #papers()}, so that the text between them stays.
     */
    public Section with(List<Paper> newPapers, List<Section> newSections) {
        if (isPlain()) {
            return new Section(title, text, columns, newPapers, newSections, position, null, headingLevel, layout,
                    entries);
        }
        if (newPapers.size() != papers.size()) {
            throw new IllegalArgumentException("section '" + title + "' lists " + papers.size() + " papers, not "
                    + newPapers.size());
        }
        Map<Paper, Paper> replaced = new IdentityHashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            replaced.put(papers.get(i), newPapers.get(i));
        }
        return new Section(title, text, columns, null, newSections, position, Part.map(content, replaced::get),
                headingLevel, layout, entries);
    }

    /** The same section listing other content. */
    public Section withContent(List<Part> newContent, List<Section> newSections) {
        return new Section(title, text, columns, null, newSections, position, newContent, headingLevel, layout, entries);
    }

    /** Whether the section lists its papers alone, each once: nothing written between them. */
    public boolean isPlain() {
        return content.size() == papers.size() && content.stream().allMatch(p -> p instanceof Part.Listed);
    }

    private static boolean sameInstances(List<Paper> a, List<Paper> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
