package dev.paperlist.render;

import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Figures;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * What the layouts that head only sections (table and list) share: the contents of the sections, each
 * section's heading, its free text or the notice of its own page, and then its papers as the subclass
 * writes them.
 */
abstract class SectionLayout implements Layout {
    final Settings settings;
    /** The figures of the catalogue being rendered, set as rendering starts. */
    Figures figures = Figures.NONE;

    SectionLayout(Settings settings) {
        this.settings = settings;
    }

    /**
     * What one section lists, after its heading and text, in order: its papers and what is written between
     * them; called only when it lists something.
     */
    abstract void papers(StringBuilder out, Section section);

    /** The layout's name, as settings and sections spell it. */
    abstract String name();

    /**
     * The writer of one section's papers in {@code layout} (one a section may choose), for a catalogue of
     * these figures: the one code path by which every output writes a section that has a layout of its own.
     */
    static SectionLayout papersIn(String layout, Settings settings, Figures figures) {
        SectionLayout writer = switch (layout) {
            case "table" -> new TableLayout(settings);
            case "list" -> new ListLayout(settings);
            default -> throw new IllegalArgumentException("a section's papers are not written in the " + layout + " layout");
        };
        writer.figures = figures;
        return writer;
    }

    @Override
    public final void renderTo(Catalog catalog, Slugger slugger, MovedSections moved, StringBuilder out) {
        figures = catalog.figures();
        List<Heading> headings = new ArrayList<>();
        collect(catalog.sections(), settings.topHeadingLevel(), 0, slugger, moved, headings);
        int start = out.length();
        if (settings.toc()) {
            Outline.appendContents(out, headings.stream().map(Heading::entry).toList());
        }
        // A section with a layout of its own writes its papers in that layout, under the output's heading.
        java.util.Map<String, SectionLayout> writers = new java.util.HashMap<>();
        writers.put(name(), this);
        for (Heading h : headings) {
            Outline.appendHeading(out, h.entry, start);
            if (h.entry.page() != null) {
                out.append('\n').append(MovedSections.notice(h.section, h.entry.page()));
                continue;
            }
            Outline.appendText(out, h.section.text());
            if (!h.section.content().isEmpty()) {
                out.append('\n');
                String layout = h.section.layoutIn(name());
                writers.computeIfAbsent(layout, l -> papersIn(l, settings, figures)).papers(out, h.section);
            }
        }
    }

    private static void collect(List<Section> sections, int level, int depth, Slugger slugger, MovedSections moved,
                                List<Heading> out) {
        for (Section section : sections) {
            int written = section.headingLevel(level);
            Outline.Entry entry = Outline.entry(section.title(), written, depth, slugger);
            moved.anchor(section, entry.anchor());
            if (moved.isMoved(section)) {
                out.add(new Heading(entry.movedTo(moved.page(section)), section));
                continue;
            }
            out.add(new Heading(entry, section));
            collect(section.sections(), written + 1, depth + 1, slugger, moved, out);
        }
    }

    private record Heading(Outline.Entry entry, Section section) {}

    /** Ends what was written with a blank line, unless it already ends with one. */
    static void blankLine(StringBuilder out) {
        int n = out.length();
        if (!(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
            out.append('\n');
        }
    }

    /** Each non-empty line of {@code markdown} after {@code indent}: parts nested under a list item. */
    static void appendIndented(StringBuilder out, CharSequence markdown, String indent) {
        int start = 0;
        while (start < markdown.length()) {
            int end = start;
            while (end < markdown.length() && markdown.charAt(end) != '\n') {
                end++;
            }
            if (end > start) {
                out.append(indent);
            }
            out.append(markdown, start, end);
            if (end < markdown.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
    }

    /**
     * How far the items nested in a list item are indented under it: the width of its marker and the
     * spaces after it ({@code "- "} is 2, {@code "10. "} is 4), as Markdown reads the item's content.
     */
    static String nestedIndent(String item) {
        int i = 0;
        while (i < item.length() && item.charAt(i) == ' ') {
            i++;
        }
        int marker = i;
        while (i < item.length() && Character.isDigit(item.charAt(i))) {
            i++;
        }
        if (i < item.length() && (i > marker ? item.charAt(i) == '.' || item.charAt(i) == ')'
                : item.charAt(i) == '-' || item.charAt(i) == '*' || item.charAt(i) == '+')) {
            i++;
        }
        int spaces = 0;
        while (i + spaces < item.length() && item.charAt(i + spaces) == ' ') {
            spaces++;
        }
        // Five spaces or more after the marker are the item's indented code, which starts after one.
        return " ".repeat(i + (spaces == 0 || spaces > 4 ? 1 : spaces));
    }
}
