package dev.paperlist.importer;

import dev.paperlist.catalog.TextRules;
import dev.paperlist.markdown.PlainText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Recognises a paper by the link to its paper rather than by where its title link stands: a bullet,
 * paragraph or block written in any order ({@code **Name**: "Title", Venue. [[Paper](arxiv)]},
 * {@code - Title [[CVPR2019]](arxiv)}) is a paper when it carries an arXiv, DOI, OpenReview, proceedings
 * or PDF link. Its title is the bold or quoted text, or the words before the first link; what else the
 * entry says is kept as written.
 */
final class LinkedEntries {
    /** Hosts and paths of links that lead to a paper rather than to code, a project page or a post. */
    static final Pattern PAPER_LINK = Pattern.compile("(?i)https?://(?:www\\.)?(?:arxiv\\.org/(?:abs|pdf|html)/"
            + "|export\\.arxiv\\.org/|(?:dx\\.)?doi\\.org/|dl\\.acm\\.org/doi|openreview\\.net/|aclanthology\\.org/"
            + "|aclweb\\.org/anthology|papers\\.nips\\.cc/|proceedings\\.neurips\\.cc/|proceedings\\.mlr\\.press/"
            + "|openaccess\\.thecvf\\.com/|ieeexplore\\.ieee\\.org/|link\\.springer\\.com/|ecva\\.net/|ojs\\.aaai\\.org/"
            + "|ijcai\\.org/proceedings|sciencedirect\\.com/|nature\\.com/articles|biorxiv\\.org/|huggingface\\.co/papers/"
            + "|semanticscholar\\.org/paper|jmlr\\.org/papers|[^\\s)\"'<>]*\\.pdf\\b)[^\\s)\"'<>]*");
    // The text of a link that names no paper but only says it is one: "Paper", "[PDF]", "📄 Paper", "arXiv",
    // "📄 Paper (Low Resolution)".
    static final Pattern GENERIC =
            Pattern.compile("(?iU)[^\\p{L}\\p{N}]*(paper|pdf|arxiv|link)[^\\p{L}\\p{N}(]*(\\([^()]*\\)[^\\p{L}\\p{N}]*)?");
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{8,})[\"”]");

    private LinkedEntries() {}

    static boolean isPaperUrl(String url) {
        return url != null && TextRules.isWebUrl(url) && PAPER_LINK.matcher(url).lookingAt();
    }

    /** The first link under {@code node} that leads to a paper, or {@code null}. */
    static Link paperLink(Node node) {
        Link[] found = {null};
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (found[0] == null && isPaperUrl(link.getDestination()) && !(link.getFirstChild() instanceof Image)) {
                    found[0] = link;
                }
                if (found[0] == null) {
                    visitChildren(link);
                }
            }
        });
        return found[0];
    }

    /**
     * A link that says only that it is the paper and leads to a paper without its {@code https://}
     * ({@code [📄 Paper](arxiv.org/pdf/2402.00525.pdf)}, which GitHub takes for a file of the repository), or
     * {@code null}.
     */
    static Link schemelessPaperLink(Node node) {
        Link[] found = {null};
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String url = link.getDestination();
                if (found[0] == null && !url.isEmpty() && !url.contains(":") && !url.startsWith("/") && !url.startsWith(".")
                        && isPaperUrl("https://" + url) && GENERIC.matcher(PlainText.of(link)).matches()) {
                    found[0] = link;
                }
            }
        });
        return found[0];
    }

    /** A paper URL written bare in the text (not a link: GitHub links it, commonmark does not), or {@code null}. */
    static String barePaperUrl(String source) {
        Matcher m = PAPER_LINK.matcher(source);
        return m.find() ? m.group() : null;
    }

    /**
     * Fills title, name, URL and the entry's remaining text from one paragraph that holds a paper link;
     * returns false when it has none.
     */
    static boolean read(PaperDraft d, Node paragraph, String markdown) {
        Link paper = paperLink(paragraph);
        if (paper == null) {
            return false;
        }
        d.url = paper.getDestination();
        Node titleNode = null;
        StrongEmphasis strong = firstStrong(paragraph);
        if (strong != null) {
            String bold = clean(PlainText.of(strong));
            Node next = strong.getNext();
            Matcher quoted = next instanceof Text t ? QUOTED.matcher(t.getLiteral()) : null;
            if (quoted != null && t(next).startsWith(":") && quoted.find()) {
                // **Name**: "Title", ...
                d.name = bold;
                d.title = quoted.group(1).strip();
            } else {
                d.title = bold;
                titleNode = strong.getParent() instanceof Link ? strong.getParent() : strong;
            }
        } else {
            Matcher quoted = QUOTED.matcher(PlainText.of(paragraph));
            if (quoted.find()) {
                d.title = quoted.group(1).strip();
            } else {
                Node first = paragraph.getFirstChild();
                String before = first instanceof Text t ? clean(t.getLiteral()) : "";
                if (before.length() > 3) {
                    d.title = before;
                    titleNode = first;
                } else {
                    d.title = clean(PlainText.of(paper));
                }
            }
        }
        if (d.title == null || d.title.isBlank()) {
            d.title = clean(PlainText.of(paper));
        }
        String rest;
        if (titleNode != null && titleNode.getParent() == paragraph) {
            String before = titleNode.getPrevious() == null ? "" : Values.source(markdown, paragraph.getFirstChild(), titleNode.getPrevious());
            String after = titleNode.getNext() == null ? "" : Values.source(markdown, titleNode.getNext(), paragraph.getLastChild());
            rest = (before + " " + after).strip();
            if (!before.isEmpty()) {
                d.extra("Before", before);
                rest = after.strip();
            }
        } else {
            rest = Values.source(markdown, paragraph.getFirstChild(), paragraph.getLastChild());
        }
        if (!rest.isEmpty()) {
            d.extra("Entry", rest);
        }
        return true;
    }

    private static String t(Node text) {
        return ((Text) text).getLiteral().strip();
    }

    private static StrongEmphasis firstStrong(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof StrongEmphasis s) {
                return s;
            }
            if (n instanceof Link l && l.getFirstChild() instanceof StrongEmphasis s && !isPaperUrl(l.getDestination())) {
                return s;
            }
        }
        return null;
    }

    // Quotes, brackets and the trailing punctuation around a title.
    static String clean(String text) {
        String s = Values.oneLine(text).strip();
        s = s.replaceAll("^[\\s\"“”'\\[(]+|[\\s\"“”'\\]),.:;|-]+$", "").strip();
        return s;
    }
}
