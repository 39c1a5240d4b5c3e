package dev.paperlist.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The text a reader sees in a node of commonmark's syntax tree: its text and code literals, without markup. */
public final class PlainText {
    private PlainText() {}

    /** The text of a title, a label or a table cell, each line break read as a space. */
    public static String of(Node node) {
        return collect(node, " ");
    }

    /** The text of a heading as its anchor is derived from it, line breaks left out. */
    public static String ofHeading(Node heading) {
        return collect(heading, "");
    }

    private static String collect(Node node, String lineBreak) {
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

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(lineBreak);
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                out.append(lineBreak);
            }
        });
        return out.toString();
    }
}
