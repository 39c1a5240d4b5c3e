package dev.paperlist.testing;

import dev.paperlist.markdown.HeadingTexts;
import dev.paperlist.markdown.Slugger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Re-reads rendered Markdown the way GitHub would (CommonMark plus GFM tables and strikethrough) and
 * reports its structure: how many nodes of each kind, the headings, the links, and unresolved anchors.
 */
public final class MarkdownStructure {
    private static final Parser GFM = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create()))
            .build();

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> headings = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final String markdown;

    private MarkdownStructure(String markdown) {
        this.markdown = markdown;
        Node document = GFM.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                    counts.merge(node.getClass().getSimpleName(), 1, Integer::sum);
                    if (node instanceof Heading) {
                        headings.add(textOf(node));
                    }
                    if (node instanceof Link link) {
                        links.add(link);
                    }
                    node.accept(this);
                }
            }

            @Override
            public void visit(CustomBlock customBlock) {
                visitChildren(customBlock);
            }

            @Override
            public void visit(CustomNode customNode) {
                visitChildren(customNode);
            }
        });
    }

    public static MarkdownStructure of(String markdown) {
        return new MarkdownStructure(markdown);
    }

    public int count(String nodeType) {
        return counts.getOrDefault(nodeType, 0);
    }

    public Map<String, Integer> counts() {
        return counts;
    }

    public List<String> headings() {
        return headings;
    }

    public List<Link> links() {
        return links;
    }

    /** Fragment links ({@code #anchor}) that match no heading anchor of the document. */
    public List<String> unresolvedFragments() {
        Slugger slugger = new Slugger();
        Set<String> anchors = new HashSet<>();
        for (String heading : HeadingTexts.of(markdown)) {
            anchors.add(slugger.slug(heading));
        }
        List<String> missing = new ArrayList<>();
        for (Link link : links) {
            String destination = link.getDestination();
            if (destination.startsWith("#") && !anchors.contains(destination.substring(1))) {
                missing.add(destination);
            }
        }
        return missing;
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }
}
