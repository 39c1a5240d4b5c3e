package dev.paperlist.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The text of each Markdown heading of a document, in order, as GitHub derives anchors from it
 * (the heading's visible text, without markup).
 */
public final class HeadingTexts {
    private static final Parser PARSER = Parser.builder().build();

    private HeadingTexts() {}

    public static List<String> of(String markdown) {
        List<String> texts = new ArrayList<>();
        if (markdown.isEmpty()) {
            return texts;
        }
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                texts.add(textOf(heading));
            }
        });
        return texts;
    }

    /** The text GitHub derives the anchor from, for a heading paperlist writes from this catalogue text. */
    public static String ofCatalogueText(String catalogueText) {
        return Outline.headingText(catalogueText);
    }

    static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }
}
