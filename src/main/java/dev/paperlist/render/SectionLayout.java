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

    /** The papers of one section, after its heading and text; called only when it has papers. */
    abstract void papers(StringBuilder out, Section section);

    @Override
    public final void renderTo(Catalog catalog, Slugger slugger, MovedSections moved, StringBuilder out) {
        figures = catalog.figures();
        List<Heading> headings = new ArrayList<>();
        collect(catalog.sections(), settings.topHeadingLevel(), 0, slugger, moved, headings);
        int start = out.length();
        if (settings.toc()) {
            Outline.appendContents(out, headings.stream().map(Heading::entry).toList());
        }
        for (Heading h : headings) {
            Outline.appendHeading(out, h.entry, start);
            if (h.entry.page() != null) {
                out.append('\n').append(MovedSections.notice(h.section, h.entry.page()));
                continue;
            }
            Outline.appendText(out, h.section.text());
            if (!h.section.papers().isEmpty()) {
                out.append('\n');
                papers(out, h.section);
            }
        }
    }

    private static void collect(List<Section> sections, int level, int depth, Slugger slugger, MovedSections moved,
                                List<Heading> out) {
        for (Section section : sections) {
            Outline.Entry entry = Outline.entry(section.title(), level, depth, slugger);
            moved.anchor(section, entry.anchor());
            if (moved.isMoved(section)) {
                out.add(new Heading(entry.movedTo(moved.page(section)), section));
                continue;
            }
            out.add(new Heading(entry, section));
            collect(section.sections(), level + 1, depth + 1, slugger, moved, out);
        }
    }

    private record Heading(Outline.Entry entry, Section section) {}
}
