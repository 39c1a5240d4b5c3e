package dev.paperlist.render;

import java.util.List;

/** The headings of a generated list and how both layouts write them: the nested contents and each heading. */
final class Outline {
    /** One heading: its text, Markdown level, nesting depth in the contents, and GitHub anchor. */
    record Entry(String text, int level, int depth, String anchor) {}

    private Outline() {}

    static void appendContents(StringBuilder out, List<Entry> entries) {
        for (Entry e : entries) {
            out.append("  ".repeat(e.depth())).append("- [").append(MarkdownText.text(e.text()))
                    .append("](#").append(e.anchor()).append(")\n");
        }
    }

    /** The heading line, preceded by a blank line unless it is the first thing written. */
    static void appendHeading(StringBuilder out, Entry e) {
        appendHeading(out, e, 0);
    }

    /** The heading line, preceded by a blank line unless it is the first thing written from {@code start} on. */
    static void appendHeading(StringBuilder out, Entry e, int start) {
        if (out.length() > start) {
            out.append('\n');
        }
        out.append("#".repeat(e.level())).append(' ').append(MarkdownText.text(e.text())).append('\n');
    }

    // The text GitHub derives the anchor from: one line, without the spaces Markdown trims off a heading.
    static String headingText(String text) {
        String line = MarkdownText.oneLine(text);
        int start = 0;
        int end = line.length();
        while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(start, end);
    }

    static Entry entry(String text, int level, int depth, Slugger slugger) {
        String heading = headingText(text);
        return new Entry(heading, level, depth, slugger.slug(heading));
    }
}
