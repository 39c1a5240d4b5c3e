package dev.paperlist.render;

import dev.paperlist.markdown.HeadingTexts;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.markdown.Slugger;
import java.util.List;

/** The headings of a generated list and how both layouts write them: the nested contents and each heading. */
final class Outline {
    /**
     * One heading: its text, Markdown level, nesting depth in the contents, and GitHub anchor. The
     * contents link to {@code page} instead of the anchor when the heading's section was moved there.
     */
    record Entry(String text, int level, int depth, String anchor, String page) {
        String href() {
            return page != null ? page : "#" + anchor;
        }

        Entry movedTo(String otherPage) {
            return new Entry(text, level, depth, anchor, otherPage);
        }
    }

    private Outline() {}

    static void appendContents(StringBuilder out, List<Entry> entries) {
        for (Entry e : entries) {
            out.append("  ".repeat(e.depth())).append("- [").append(MarkdownText.text(e.text()))
                    .append("](").append(MarkdownText.url(e.href())).append(")\n");
        }
    }

    /** The heading line, preceded by a blank line unless it is the first thing written from {@code start} on. */
    static void appendHeading(StringBuilder out, Entry e, int start) {
        if (out.length() > start) {
            out.append('\n');
        }
        out.append("#".repeat(e.level())).append(' ').append(MarkdownText.text(e.text())).append('\n');
    }

    /** A section's free Markdown, verbatim, as its own block after the heading. */
    static void appendText(StringBuilder out, String markdown) {
        if (markdown != null && !markdown.isBlank()) {
            out.append('\n').append(markdown.strip()).append('\n');
        }
    }

    static Entry entry(String text, int level, int depth, Slugger slugger) {
        String heading = HeadingTexts.ofCatalogueText(text);
        return new Entry(heading, level, depth, slugger.slug(heading), null);
    }
}
