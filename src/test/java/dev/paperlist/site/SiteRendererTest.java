package dev.paperlist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.testing.Golden;
import dev.paperlist.testing.LinkCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's pages are deterministic, self-contained and safe: one inline style sheet and one inline
 * script, both allowed by their hash in the page's Content-Security-Policy and nothing else; no event
 * handler attributes, no link or image to anything but http(s) and the site's own files, whatever the
 * catalogue's text holds; and every internal link of this repository's site resolves.
 */
class SiteRendererTest {
    private static final Path HOSTILE = Golden.resources().resolve("outputs/tag-pages/papers.yaml");

    @Test
    void sameCatalogueSameBytes() {
        Catalog catalog = CatalogLoader.load(HOSTILE, "papers.yaml");
        assertThat(SiteRenderer.render(catalog, "T")).isEqualTo(SiteRenderer.render(
                CatalogLoader.load(HOSTILE, "papers.yaml"), "T"));
    }

    @Test
    void everyPageIsSelfContainedAndItsPolicyAllowsOnlyItsOwnScriptAndStyle() throws Exception {
        Map<String, String> pages = SiteRenderer.render(CatalogLoader.load(HOSTILE, "papers.yaml"), "<T> & \"co\"");
        assertThat(pages).containsKeys("index.html", "tags/index.html", "tags/NLP.html");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Document doc = Jsoup.parse(page.getValue());
            assertThat(doc.select("script")).as(page.getKey()).hasSize(1);
            assertThat(doc.select("style")).as(page.getKey()).hasSize(1);
            assertThat(doc.select("script[src], link, iframe, object, embed, base, form")).as(page.getKey()).isEmpty();
            String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertThat(csp).startsWith("default-src 'none';")
                    .contains("'" + sha256(doc.select("script").first().data()) + "'")
                    .contains("'" + sha256(doc.select("style").first().data()) + "'");
            assertThat(doc.title()).contains("<T> & \"co\"");
            assertSafe(doc, page.getKey());
        }
    }

    @Test
    void theRepositorySiteHasNoBrokenInternalLink(@TempDir Path dir) {
        Catalog catalog = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");
        SiteFolder.write(dir, "site", SiteRenderer.render(catalog, "Awesome Multimodal Papers"));
        assertThat(LinkCheck.html(dir)).isEmpty();
        // Every topic of every paper has its page, and the index links to each one.
        assertThat(dir.resolve("tags")).isDirectoryContaining("glob:**/ComputerVision.html")
                .isDirectoryContaining("glob:**/Efficiency-SpeedUp-8cdf828a.html");
    }

    @Test
    void aBrokenLinkIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.html"), "<a href=\"tags/x.html\">x</a><a href=\"#nowhere\">y</a>"
                + "<a id=\"here\" href=\"#here\">z</a><a href=\"javascript:alert(1)\">j</a>");
        assertThat(LinkCheck.html(dir)).containsExactly("index.html: tags/x.html names no file",
                "index.html: #nowhere names no anchor in index.html", "index.html: javascript: link javascript:alert(1)");
    }

    @Test
    void writingTheSiteAgainChangesNothingAndRemovesPagesOfTopicsThatAreGone(@TempDir Path dir) throws IOException {
        Catalog catalog = CatalogLoader.load(HOSTILE, "papers.yaml");
        assertThat(SiteFolder.write(dir, "site", SiteRenderer.render(catalog, "T")).written()).isEqualTo(11);
        assertThat(SiteFolder.write(dir, "site", SiteRenderer.render(catalog, "T")))
                .isEqualTo(new SiteFolder.Result(0, 11, 0));
        Files.writeString(dir.resolve("tags/notes.html"), "my own notes");
        Catalog fewer = CatalogLoader.parse("sections:\n  - title: S\n    papers:\n"
                + "      - {name: A, title: A, topics: [NLP]}\n", "papers.yaml");
        SiteFolder.Result result = SiteFolder.write(dir, "site", SiteRenderer.render(fewer, "T"));
        assertThat(result.removed()).isEqualTo(8);
        try (var files = Files.list(dir.resolve("tags"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("NLP.html", "index.html", "notes.html");
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("<>\"'&`[]()!*_:/=\\ ajvscriptonerol").ofMaxLength(40),
                Arbitraries.of("<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](javascript:x)",
                        "<img src=x onerror=alert(1)>", "<a href='data:text/html,x'>d</a>", "[x](JaVaScRiPt:1)",
                        "<https://example.org/ok>", "[ok](https://example.org/\"onmouseover=\"x)",
                        "`<script>`", "[x](<javascript:alert(1)>)", "&lt;script&gt;", "<!-- x --> <?php ?>"));
    }

    @Property(tries = 200)
    void noCatalogueTextBecomesMarkupThatRuns(@ForAll("hostile") String a, @ForAll("hostile") String b,
                                              @ForAll("hostile") String c) {
        Paper paper = Paper.builder(a.isBlank() ? "n" : a, b.isBlank() ? "t" : b)
                .summary(c.isBlank() ? null : c).comment(a.isBlank() ? null : a + b)
                .abstractText(b.isBlank() ? null : b).topics(List.of(c.isBlank() ? "x" : c)).authors(List.of("A " + a))
                .build();
        Catalog catalog = new Catalog(Settings.DEFAULT, List.of(new Section(c.isBlank() ? "s" : c, List.of(paper),
                List.of(), SourcePosition.UNKNOWN)));
        for (Map.Entry<String, String> page : SiteRenderer.render(catalog, a).entrySet()) {
            Document doc = Jsoup.parse(page.getValue());
            assertThat(doc.select("script")).hasSize(1);
            assertSafe(doc, page.getKey());
        }
    }

    private static void assertSafe(Document doc, String page) {
        List<String> problems = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            for (Attribute attribute : e.attributes()) {
                if (attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
                    problems.add("event handler " + attribute);
                }
                if (List.of("href", "src", "action", "formaction").contains(attribute.getKey())) {
                    String v = attribute.getValue();
                    boolean web = v.startsWith("http://") || v.startsWith("https://");
                    boolean local = !v.contains(":") && !v.startsWith("//");
                    if (!web && !local) {
                        problems.add(e.tagName() + " " + attribute);
                    }
                }
            }
        }
        assertThat(problems).as(page).isEmpty();
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
