package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.CmarkGfm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalogue text as GitHub shows it: every field of a catalogue holds HTML behind a "www." or
 * "http(s)://" address, where GitHub's autolink extension once took the backslash of an escaped
 * '&lt;' into a link and let the HTML through. Every page paperlist writes (README with its table of
 * contents, in each layout; tag pages; section pages) is rendered by cmark-gfm, GitHub's renderer: it
 * must hold exactly the elements and attributes commonmark-java finds in it (which the other hostile
 * tests pin to what the catalogue asks for), no link to an address in the text, and the text as written.
 */
@DisplayName("catalogue text through GitHub's own renderer")
class GitHubRendererTest {
    private static final List<String> PAYLOADS = List.of("<details open x=y>", "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>", "<!-- c -->", "</a>", "<a href=\"javascript:alert(1)\">", "\\<b>");
    private static final List<String> PREFIXES = List.of("www.x.example/", "see www.x.example/", "(www.x.example/",
            "*www.x.example/", "http://x.example/", "https://x.example/a_b&amp;", "HTTPS://x.example/", "ftp://x.example/",
            "www.x.example/`c`");

    // As GitHub's renderer but without autolinks: the elements the Markdown asks for.
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).percentEncodeUrls(true).build();

    @TempDir Path dir;

    static List<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String payload : PAYLOADS) {
                texts.add(prefix + payload + " end");
            }
        }
        return texts;
    }

    @ParameterizedTest(name = "layout {0}")
    @ValueSource(strings = {"notes", "table", "list"})
    void githubShowsTheCataloguesTextAndNoElementItDidNotAskFor(String layout) throws IOException {
        CmarkGfm.assumeInstalled();
        List<String> texts = corpus();
        Files.writeString(dir.resolve("papers.yaml"), catalogue(layout, texts), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), "# List\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");

        CliRun render = CliRun.in(dir, "render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).as("README, tag pages and section pages").hasSizeGreaterThan(3);
        StringBuilder allText = new StringBuilder();
        List<String> headings = new ArrayList<>();
        for (Path page : pages) {
            String markdown = Files.readString(page, StandardCharsets.UTF_8);
            Document github = Jsoup.parseBodyFragment(CmarkGfm.html(page));
            Document asked = Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown)));
            String name = dir.relativize(page).toString();

            assertThat(elements(github)).as("elements and attributes of %s as GitHub renders it", name)
                    .isEqualTo(elements(asked));
            assertThat(github.body().text()).as("text of %s as GitHub renders it", name).isEqualTo(asked.body().text());
            for (Element link : github.select("a[href]")) {
                assertThat(link.attr("href")).as("a link in %s", name).doesNotMatch("(?i)(https?|ftp)://(www\\.)?x\\.example.*");
            }
            assertThat(github.select("script, img[src=x], a[href^=javascript]")).as(name).isEmpty();
            assertThat(github.select("details").size()).as(name).isEqualTo(asked.select("details").size());
            allText.append(github.body().text()).append('\n');
            headings.addAll(github.select("h1, h2, h3, h4, h5, h6").eachText());
        }
        // Every hostile text shows somewhere as the very characters the catalogue holds.
        for (String text : texts) {
            assertThat(allText).as("visible text").contains(text);
        }
        if (layout.equals("notes")) {
            // A heading a paper: its whole text is the paper's name, character for character.
            assertThat(headings).containsAll(texts);
        }
    }

    @org.junit.jupiter.api.Test
    void withoutTheEscapeGitHubMakesAnElement() {
        CmarkGfm.assumeInstalled();
        // What the comparison above guards against: backslash escapes alone, as commonmark-java needs them.
        String html = CmarkGfm.html("- **Authors:** www.x.example/\\<img src=x onerror=alert(1)\\>\n");
        assertThat(Jsoup.parseBodyFragment(html).select("img")).hasSize(1);
        assertThat(Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(
                "- **Authors:** www.x.example/\\<img src=x onerror=alert(1)\\>\n"))).select("img")).isEmpty();
    }

    // Tag name and attributes of every element, in document order.
    private static List<String> elements(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.body().select("*")) {
            TreeMap<String, String> attributes = new TreeMap<>();
            for (Attribute a : e.attributes()) {
                attributes.put(a.getKey(), a.getValue());
            }
            out.add(e.tagName() + attributes);
        }
        return out;
    }

    private static String catalogue(String layout, List<String> texts) {
        StringBuilder yaml = new StringBuilder("settings:\n  layout: ").append(layout).append('\n')
                .append("  toc: true\n  tag_pages: {folder: tags}\n  size_budget: 4 KB\n  split_sections: {folder: sections}\n")
                .append("sections:\n  - title: Small\n    papers:\n      - {name: Tiny, title: A tiny paper}\n")
                .append("  - title: ").append(quoted(texts.get(0))).append("\n    papers:\n");
        int i = 0;
        for (String text : texts) {
            String q = quoted(text);
            yaml.append("      - name: ").append(q).append('\n')
                    .append("        title: ").append(q).append('\n')
                    .append("        url: https://example.org/p").append(i).append('\n')
                    .append("        code: owner/repo").append(i).append('\n')
                    .append("        badges:\n          - {kind: custom, url: \"https://example.org/b").append(i)
                    .append("\", alt: ").append(q).append(", label: ").append(q).append(", message: ").append(q).append("}\n")
                    .append("        venue: ").append(q).append('\n')
                    .append("        authors: [").append(q).append(", ").append(q).append("]\n")
                    .append("        tags: [").append(q).append("]\n")
                    .append("        topics: [").append(q).append("]\n")
                    .append("        abstract: ").append(q).append('\n')
                    .append("        summary: ").append(q).append('\n')
                    .append("        comment: ").append(q).append('\n')
                    .append("        notes:\n          - {label: ").append(q).append(", url: \"https://example.org/n").append(i).append("\"}\n");
            i++;
        }
        return yaml.toString();
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
