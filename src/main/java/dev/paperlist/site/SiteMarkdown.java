package dev.paperlist.site;

import dev.paperlist.markdown.MarkdownText;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Abstracts, summaries and comments as HTML, through commonmark-java: inline Markdown (emphasis, code,
 * links, images) renders, raw HTML is shown as text, and only http and https links and images survive;
 * a link to anything else keeps its text and loses its target, an image its picture. Block syntax is
 * off, because catalogue text is one line and a summary starting with {@code 2023.} is not a list.
 */
final class SiteMarkdown {
    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of()).build();
    private static final UrlSanitizer WEB_ONLY = new UrlSanitizer() {
        @Override
        public String sanitizeLinkUrl(String url) {
            return MarkdownText.isWebUrl(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return MarkdownText.isWebUrl(url) ? url : "";
        }
    };
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(WEB_ONLY)
            .percentEncodeUrls(true)
            .omitSingleParagraphP(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                } else if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                }
            })
            .build();

    private SiteMarkdown() {}

    /** The HTML of one line of inline Markdown, without a wrapping paragraph. */
    static String inline(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                visitChildren(link);
                if (!MarkdownText.isWebUrl(link.getDestination())) {
                    unwrap(link);
                }
            }

            @Override
            public void visit(Image image) {
                if (!MarkdownText.isWebUrl(image.getDestination())) {
                    image.insertBefore(new Text(altText(image)));
                    image.unlink();
                }
            }
        });
        return RENDERER.render(document).strip();
    }

    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    private static String altText(Image image) {
        StringBuilder out = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }
        });
        return out.toString();
    }
}
