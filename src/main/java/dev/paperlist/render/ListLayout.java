package dev.paperlist.render;

import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-bullet layout of many awesome lists: per section a heading, then per paper
 * {@code - [Title](url) (Apr., 2025) (Venue)} with its badges on the lines under it.
 */
public final class ListLayout implements Layout {
    private static final String[] MONTHS = {"Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.",
        "Oct.", "Nov.", "Dec."};

    private final Settings settings;

    public ListLayout(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String render(Catalog catalog, Slugger slugger) {
        return render(catalog, slugger, MovedSections.NONE);
    }

    @Override
    public String render(Catalog catalog, Slugger slugger, MovedSections moved) {
        List<Heading> headings = new ArrayList<>();
        collect(catalog.sections(), settings.topHeadingLevel(), 0, slugger, moved, headings);
        StringBuilder out = new StringBuilder(4096);
        if (settings.toc()) {
            Outline.appendContents(out, headings.stream().map(Heading::entry).toList());
        }
        for (Heading h : headings) {
            Outline.appendHeading(out, h.entry);
            if (h.entry.page() != null) {
                out.append('\n').append(MovedSections.notice(h.section, h.entry.page()));
                continue;
            }
            Outline.appendText(out, h.section.text());
            if (!h.section.papers().isEmpty()) {
                out.append('\n');
                for (Paper p : h.section.papers()) {
                    paper(out, p);
                }
            }
        }
        return out.toString();
    }

    private static void paper(StringBuilder out, Paper p) {
        out.append("- ");
        if (!p.name().equals(p.title())) {
            out.append("\\[").append(MarkdownText.text(p.name())).append("\\] ");
        }
        if (p.url() != null) {
            out.append('[').append(MarkdownText.text(p.title())).append("](").append(MarkdownText.url(p.url())).append(')');
        } else {
            out.append(MarkdownText.text(p.title()));
        }
        if (p.submitted() != null) {
            out.append(" (").append(date(p.submitted())).append(')');
        }
        if (p.venue() != null) {
            out.append(" (").append(MarkdownText.text(p.venue())).append(')');
        }
        // Extra fields are Markdown kept from an imported list, written back as they were.
        p.extra().values().forEach(markdown -> out.append(' ').append(MarkdownText.oneLine(markdown)));
        out.append('\n');
        if (p.code() != null) {
            out.append("  ").append(Badges.star(p.code())).append('\n');
        }
        for (Badge badge : p.badges()) {
            out.append("  ").append(Badges.badge(badge)).append('\n');
        }
    }

    /** "Apr., 2025" for a month, "Apr. 19, 2025" for a day, "2025" for a year alone. */
    static String date(PartialDate date) {
        if (!date.hasMonth()) {
            return String.valueOf(date.year());
        }
        String month = MONTHS[date.month() - 1];
        return date.hasDay() ? month + " " + date.day() + ", " + date.year() : month + ", " + date.year();
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
