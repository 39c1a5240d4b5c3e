package dev.paperlist.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Checks a section's {@code text}, the one catalogue field written to the page as blocks of Markdown,
 * unescaped: it must be self-contained, so that it cannot swallow what paperlist writes after it. An
 * unclosed code fence or HTML block would run to the end of the page, past the end marker; an unclosed
 * {@code <details>} or {@code <div>} would fold the rest of the list into it on GitHub; a marker line
 * would end the generated block early. (Other unescaped fields, {@code extra} values and
 * {@code labels}, sit inside a list item or a table cell, whose end closes whatever they leave open.)
 */
public final class MarkdownBlocks {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String SENTINEL = "paperlistsentinel";
    private static final Pattern COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*?)?(/?)>");
    // Elements without content, and those whose end tag HTML itself implies at the next block.
    private static final Set<String> SELF_ENDING = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead",
            "tbody", "tfoot", "option", "optgroup", "rp", "rt", "colgroup", "caption");

    private MarkdownBlocks() {}

    /** What is wrong with a block of Markdown written as it is, or empty when it is self-contained. */
    public static Optional<String> problem(String markdown) {
        int line = 1;
        for (String text : markdown.split("\n", -1)) {
            if (text.startsWith("<!-- paperlist:")) {
                return Optional.of("holds a paperlist marker at its line " + line
                        + "; markers belong in the README only");
            }
            line++;
        }
        Node document = PARSER.parse(markdown + "\n\n" + SENTINEL + "\n");
        Node last = document.getLastChild();
        boolean closed = last instanceof Paragraph p && p.getFirstChild() instanceof Text t
                && t.getLiteral().equals(SENTINEL) && t.getNext() == null;
        if (!closed) {
            return Optional.of("opens a block it does not close (a code fence, an HTML comment or an HTML block "
                    + "such as <pre> or <script>), which would swallow the rest of the page; close it");
        }
        return unclosedElement(document);
    }

    private static Optional<String> unclosedElement(Node document) {
        StringBuilder html = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                html.append(block.getLiteral()).append('\n');
            }

            @Override
            public void visit(HtmlInline inline) {
                html.append(inline.getLiteral());
            }
        });
        // In order of first opening, so the message names the outermost element left open.
        Map<String, Integer> open = new LinkedHashMap<>();
        // Tags inside HTML comments are not elements: a commented-out "<!-- <details> -->" folds nothing.
        Matcher tag = TAG.matcher(COMMENT.matcher(html).replaceAll(""));
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (SELF_ENDING.contains(name) || !tag.group(3).isEmpty()) {
                continue;
            }
            open.put(name, Math.max(open.getOrDefault(name, 0) + (tag.group(1).isEmpty() ? 1 : -1), 0));
        }
        for (Map.Entry<String, Integer> e : open.entrySet()) {
            if (e.getValue() > 0) {
                return Optional.of("opens <" + e.getKey() + "> without closing it, which would fold the rest of the "
                        + "page into it on GitHub; add </" + e.getKey() + ">");
            }
        }
        return Optional.empty();
    }
}
