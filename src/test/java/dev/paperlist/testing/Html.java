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
    // As close to GitHub as commonmark-java comes, for the witness's check that cmark-gfm agrees with it:
    // GitHub's autolinks and strikethrough, and URLs percent-encoded as cmark-gfm writes them.
    private static final List<org.commonmark.Extension> GITHUB = List.of(TablesExtension.create(),
            org.commonmark.ext.autolink.AutolinkExtension.create(),
            org.commonmark.ext.gfm.strikethrough.StrikethroughExtension.create());
    private static final Parser GITHUB_PARSER = Parser.builder().extensions(GITHUB).build();
    private static final HtmlRenderer GITHUB_RENDERER = HtmlRenderer.builder().extensions(GITHUB).percentEncodeUrls(true).build();

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

    /**
     * Fails unless two Markdown texts give the same normalised HTML; the pair is also recorded under
     * {@code name} for the cmark-gfm witness ({@link GfmPairs}).
     */
    public static void assertSameHtml(String name, String expectedMarkdown, String actualMarkdown) {
        GfmPairs.record(name, expectedMarkdown, actualMarkdown);
        assertSame(normalised(expectedMarkdown), normalised(actualMarkdown));
    }

    /** What {@link #normalised} gives, with GitHub's extensions as commonmark-java has them. */
    public static String normalisedAsGitHub(String markdown) {
        return GITHUB_RENDERER.render(GITHUB_PARSER.parse(markdown))
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll(">\\s+<", "><")
                .strip();
    }

    /** HTML with whitespace-only runs between tags removed and HTML comments dropped. */
    public static String normalised(String markdown) {
        return of(markdown)
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll(">\\s+<", "><")
                .strip();
    }
}
