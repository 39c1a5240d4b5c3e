package dev.paperlist.importer;

import dev.paperlist.catalog.TextRules;
import dev.paperlist.markdown.PlainText;

import org.commonmark.node.ListBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Reads lists that give each paper one bullet: {@code - [Title](url) (Apr., 2025)} followed by
 * indented lines of badges. A parenthesised date becomes the submission date, other parenthesised
 * text the venue; anything else stays as the paper's extra field {@code Note}.
 */
final class BulletPapers {

    private BulletPapers() {}

    /** Whether most items of the list (or of the lists nested in its items) are papers. */
    static boolean isPaperList(ListBlock list) {
        int[] counts = new int[2];
        count(list, counts);
        return counts[0] > 0 && counts[1] * 2 > counts[0];
    }

    private static void count(ListBlock list, int[] counts) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            ListBlock nested = nestedList(item);
            if (isPaper(item)) {
                counts[0]++;
                counts[1]++;
            } else if (nested != null) {
                count(nested, counts);
            } else {
                counts[0]++;
            }
        }
    }

    private static boolean isPaper(Node item) {
        return titleLink(item) != null || item.getFirstChild() instanceof Paragraph p && LinkedEntries.paperLink(p) != null;
    }

    private static ListBlock nestedList(Node item) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListBlock l) {
                return l;
            }
        }
        return null;
    }

    /** What a paper list holds, item by item in order: papers, items that group the papers of their nested list, and others. */
    interface Items {
        void paper(PaperDraft paper);

        /** An item grouping papers: its lines up to the nested list, as {@link #written} gives them. */
        void group(String written, ListBlock nested, Node item);

        /** An item that is not a paper, as {@link #written} gives it. */
        void other(Node item, String written);
    }

    private static Link titleLink(Node item) {
        if (!(item.getFirstChild() instanceof Paragraph p)) {
            return null;
        }
        Node first = p.getFirstChild();
        if (alias(first) != null) {
            first = first.getNext();
        }
        if (first instanceof StrongEmphasis strong && strong.getFirstChild() instanceof Link link && link.getNext() == null) {
            first = link;
        }
        // Relative links (other pages of the repository, "./#anchor") make a list navigation, not papers.
        if (first instanceof Link link && (link.getDestination().isEmpty() || TextRules.isWebUrl(link.getDestination()))
                && !(link.getFirstChild() instanceof Image)) {
            return link;
        }
        return null;
    }

    // An item's lines as written, from its bullet to its last character, each less the indentation before
    // the bullet (a nested item's lines carry its parents' indentation, which the layout writes again).
    static String written(Node item, String markdown) {
        var spans = item.getSourceSpans();
        var last = spans.get(spans.size() - 1);
        String text = lines(item, markdown, last.getInputIndex() + last.getLength());
        // A loose list (a blank line between its items) shows each item as paragraphs: the blank line is its.
        return item.getParent() instanceof ListBlock list && !list.isTight() ? text + "\n" : text;
    }

    // A grouping item's lines before the list nested in it.
    private static String groupLines(Node item, ListBlock nested, String markdown) {
        int end = nested.getSourceSpans().get(0).getInputIndex();
        // Back to the end of the line before the nested list's.
        int lineStart = markdown.lastIndexOf('\n', end - 1);
        return lines(item, markdown, Math.max(lineStart, item.getSourceSpans().get(0).getInputIndex())).stripTrailing();
    }

    private static String lines(Node item, String markdown, int end) {
        int start = item.getSourceSpans().get(0).getInputIndex();
        int lineStart = markdown.lastIndexOf('\n', start - 1) + 1;
        int marker = start;
        while (marker < markdown.length() && markdown.charAt(marker) == ' ') {
            marker++;
        }
        int indent = marker - lineStart;
        String text = markdown.substring(lineStart, Math.max(end, lineStart)).replace("\r\n", "\n");
        if (indent == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int cut = 0;
            while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
                cut++;
            }
            out.append(line, cut, line.length());
        }
        return out.toString();
    }

    // The ')' closing a leading '(' (or full-width '（'), counting those in between; -1 when there is none.
    private static int closingParenthesis(String text) {
        if (!text.startsWith("(") && !text.startsWith("（")) {
            return -1;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' || c == '（' ? 1 : c == ')' || c == '）' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // "[Alias] " written before the title link.
    private static String alias(Node node) {
        if (node instanceof Text t && node.getNext() instanceof Link) {
            String text = t.getLiteral();
            if (text.startsWith("[") && text.endsWith("] ") && text.length() > 3) {
                return text.substring(1, text.length() - 2);
            }
        }
        return null;
    }

    static void read(ListBlock list, String markdown, int lineOffset, BadgeReader badges, Items items) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Link link = titleLink(item);
            PaperDraft d = new PaperDraft(ListImporter.line(item) + lineOffset);
            if (link == null) {
                d.listItem = written(item, markdown);
                if (item.getFirstChild() instanceof Paragraph p && LinkedEntries.read(d, p, markdown)) {
                    for (Node block = p.getNext(); block != null; block = block.getNext()) {
                        d.extra("More", Values.source(markdown, block, block));
                    }
                    items.paper(d);
                } else if (nestedList(item) != null && isPaperList(nestedList(item))
                        && nestedList(item).getPrevious() != null) {
                    items.group(groupLines(item, nestedList(item), markdown), nestedList(item), item);
                } else {
                    items.other(item, d.listItem);
                }
                continue;
            }
            d.listItem = written(item, markdown);
            d.title = Values.oneLine(PlainText.of(link));
            d.url = link.getDestination();
            Node after = link.getParent() instanceof StrongEmphasis ? link.getParent().getNext() : link.getNext();
            StringBuilder rest = new StringBuilder();
            for (Node n = after; n != null; n = n.getNext()) {
                if (n instanceof Link l && l.getFirstChild() instanceof Image image) {
                    badges.linkedImage(d, l.getDestination(), image);
                } else if (n instanceof Image image) {
                    badges.linkedImage(d, null, image);
                } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    rest.append(' ');
                } else {
                    rest.append(n instanceof Text t ? t.getLiteral() : Values.source(markdown, n, n));
                }
            }
            String remaining = rest.toString().strip();
            // "(Apr., 2025) (ICLR 2024)": a date and a venue, in either order.
            for (int close = closingParenthesis(remaining); close > 0; close = closingParenthesis(remaining)) {
                String inside = remaining.substring(1, close).strip();
                var date = Values.date(inside);
                if (date.isPresent() && d.submitted == null) {
                    d.submitted = date.get();
                } else if (date.isEmpty() && d.venue == null && !inside.isEmpty()) {
                    d.venue = inside;
                } else {
                    break;
                }
                remaining = remaining.substring(close + 1).strip();
            }
            if (!remaining.isEmpty()) {
                d.extra("Note", remaining);
            }
            for (Node block = item.getFirstChild().getNext(); block != null; block = block.getNext()) {
                d.extra("More", Values.source(markdown, block, block));
            }
            Node first = ((Paragraph) item.getFirstChild()).getFirstChild();
            String alias = alias(first);
            d.name = alias != null ? alias : d.title;
            items.paper(d);
        }
    }
}
