package dev.paperlist.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
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
                texts.add(PlainText.ofHeading(heading));
            }
        });
        return texts;
    }

    /** The text GitHub derives the anchor from, for a heading paperlist writes from this catalogue text. */
    public static String ofCatalogueText(String catalogueText) {
        // One line, without the spaces and tabs Markdown trims off a heading.
        String line = MarkdownText.oneLine(catalogueText);
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
}
