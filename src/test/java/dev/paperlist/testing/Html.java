package dev.paperlist.testing;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown to HTML with commonmark-java, normalised so that only whitespace between tags is ignored. */
public final class Html {
    // GitHub's tables are part of what a list looks like; the importer reads them, so the comparison must see them.
    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(GFM).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(GFM).build();

    private Html() {}

    public static String of(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** Fails with the first point where two strings differ, rather than both strings in full. */
    public static void assertSame(String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 120);
        throw new AssertionError("first difference at offset " + i + "\n expected: …"
                + expected.substring(from, Math.min(expected.length(), i + 120)) + "…\n   actual: …"
                + actual.substring(from, Math.min(actual.length(), i + 120)) + "…");
    }

    /** HTML with whitespace-only runs between tags removed and HTML comments dropped. */
    public static String normalised(String markdown) {
        return of(markdown)
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll(">\\s+<", "><")
                .strip();
    }
}
