package dev.paperlist.render;

import dev.paperlist.markdown.Badges;
import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.List;

/**
 * The one-bullet layout of many awesome lists: per section a heading, then per paper
 * {@code - [Title](url) (Apr., 2025) (Venue)} with its badges on the lines under it.
 */
public final class ListLayout extends SectionLayout {
    private static final String[] MONTHS = {"Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.",
        "Oct.", "Nov.", "Dec."};

    public ListLayout(Settings settings) {
        super(settings);
    }

    @Override
    String name() {
        return "list";
    }

    @Override
    void papers(StringBuilder out, Section section) {
        parts(out, section.content(), section.entries());
    }

    // Entries and list items follow one another as the list's lines (an entry written as it is carries the
    // blank line of a loose list); text ends the list with a blank line, and what follows it starts another.
    private void parts(StringBuilder out, List<Part> parts, List<EntryTemplate> templates) {
        EntryTemplates entries = new EntryTemplates(settings, p -> MetricsText.code(p, settings, figures),
                p -> MetricsText.citations(p, settings, figures));
        boolean afterText = false;
        for (Part part : parts) {
            if (afterText) {
                blankLine(out);
            }
            afterText = false;
            if (part instanceof Part.Listed listed) {
                Paper p = listed.paper();
                String written = entries.written(p, templates);
                if (written != null) {
                    out.append(written).append('\n');
                } else {
                    paper(out, p);
                }
            } else if (part instanceof Part.Text text) {
                if (out.length() > 0) {
                    blankLine(out);
                }
                out.append(text.markdown()).append('\n');
                afterText = true;
            } else if (part instanceof Part.Item item) {
                out.append(item.markdown()).append('\n');
                if (!item.parts().isEmpty()) {
                    StringBuilder nested = new StringBuilder();
                    parts(nested, item.parts(), templates);
                    appendIndented(out, nested, nestedIndent(item.markdown()));
                }
            }
        }
    }

    /** The entry this layout makes of a paper's fields with the default settings, without its final line break. */
    public static String entry(Paper p) {
        StringBuilder out = new StringBuilder();
        new ListLayout(Settings.DEFAULT).paper(out, p);
        return out.substring(0, out.length() - 1);
    }

    private void paper(StringBuilder out, Paper p) {
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
        p.extra().forEach((label, markdown) -> {
            if (!label.equals(Paper.WRITTEN)) {
                out.append(' ').append(MarkdownText.oneLine(markdown));
            }
        });
        out.append('\n');
        if (p.code() != null) {
            out.append("  ").append(MetricsText.code(p, settings, figures)).append('\n');
        }
        String citations = MetricsText.citations(p, settings, figures);
        if (!citations.isEmpty()) {
            out.append("  ").append(citations).append('\n');
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
}
