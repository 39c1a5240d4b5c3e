package dev.paperlist.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
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
    private static final Pattern PARENTHESISED = Pattern.compile("\\s*[(（]([^)）]*)[)）]\\s*(.*)", Pattern.DOTALL);

    private BulletPapers() {}

    static boolean isPaperList(BulletList list) {
        int items = 0;
        int papers = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items++;
            if (titleLink(item) != null) {
                papers++;
            }
        }
        return items > 0 && papers * 2 > items;
    }

    private static Link titleLink(Node item) {
        if (!(item.getFirstChild() instanceof Paragraph p)) {
            return null;
        }
        Node first = p.getFirstChild();
        if (first instanceof StrongEmphasis strong && strong.getFirstChild() instanceof Link link && link.getNext() == null) {
            first = link;
        }
        if (first instanceof Link link && !link.getDestination().startsWith("#") && !(link.getFirstChild() instanceof Image)) {
            return link;
        }
        return null;
    }

    static List<PaperDraft> read(BulletList list, String markdown, int lineOffset) {
        List<PaperDraft> out = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Link link = titleLink(item);
            PaperDraft d = new PaperDraft(ListImporter.line(item) + lineOffset);
            if (link == null) {
                continue;
            }
            d.title = Values.oneLine(Values.textOf(link));
            d.url = link.getDestination();
            Node after = link.getParent() instanceof StrongEmphasis ? link.getParent().getNext() : link.getNext();
            StringBuilder rest = new StringBuilder();
            for (Node n = after; n != null; n = n.getNext()) {
                if (n instanceof Link l && l.getFirstChild() instanceof Image image) {
                    NotesFields.linkedImage(d, l.getDestination(), image);
                } else if (n instanceof Image image) {
                    NotesFields.linkedImage(d, null, image);
                } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    rest.append(' ');
                } else {
                    rest.append(n instanceof Text t ? t.getLiteral() : Values.source(markdown, n, n));
                }
            }
            String remaining = rest.toString().strip();
            Matcher m = PARENTHESISED.matcher(remaining);
            if (m.matches()) {
                String inside = m.group(1).strip();
                var date = Values.date(inside);
                if (date.isPresent()) {
                    d.submitted = date.get();
                } else {
                    d.venue = inside;
                }
                remaining = m.group(2).strip();
            }
            if (!remaining.isEmpty()) {
                d.extra("Note", remaining);
            }
            for (Node block = item.getFirstChild().getNext(); block != null; block = block.getNext()) {
                d.extra("More", Values.source(markdown, block, block));
            }
            d.name = d.title;
            out.add(d);
        }
        return out;
    }
}
