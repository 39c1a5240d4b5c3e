package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.render.NotesLayout;
import dev.paperlist.render.TableLayout;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Html;
import dev.paperlist.testing.MarkdownStructure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.Link;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text from the catalogue must not change the page: re-reading the rendered README finds exactly the
 * headings, links and list items the catalogue implies, with the text and URLs as written. The first
 * tests render a model directly; the later ones go from a papers.yaml through {@code paperlist render}.
 * Guards: {@code MarkdownText} (escaping), and {@code MarkdownBlocks} for a section's free Markdown.
 */
@DisplayName("Markdown and HTML in titles, names and abstracts")
class MarkupInjectionTest {
    @TempDir Path dir;

    static final List<String> HOSTILE = List.of(
            "Foo] [bar](https://evil.example) | *x* _y_ \\ `code` < > b",
            "<details><summary>open",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "$x^2$ and ~~gone~~ and :smile: and &amp; &#x41;",
            "# leading hash",
            "1. numbered",
            "- dash",
            "> quote",
            "    four spaces",
            "---",
            "```fence",
            "trailing hash #",
            "| a | b |",
            "=== setext",
            "<!-- comment -->",
            "https://autolink.example and www.example.com",
            "line one\n---\nline three\n# heading\n> quote\n1. item\n    code\n```\nfence");

    private static Catalog hostileCatalog() {
        List<Paper> papers = new ArrayList<>();
        int i = 0;
        for (String text : HOSTILE) {
            papers.add(Paper.builder(text, text)
                    .url("https://example.org/p " + i + "/(x)\"q\"<y>")
                    .code(GitHubRepo.parse("owner/repo" + i).orElseThrow())
                    .badge(new Badge("custom", "https://example.org/b(" + i + ")", text, text, text, "red", null, null,
                            null, SourcePosition.UNKNOWN))
                    .venue(text)
                    .authors(List.of(text, text))
                    .tags(List.of(text))
                    .abstractText(text)
                    .note(new NoteLink(text, "https://example.org/n " + i))
                    .build());
            i++;
        }
        return new Catalog(Settings.DEFAULT, List.of(new Section("Hostile | <b>", papers, List.of(), SourcePosition.UNKNOWN)));
    }

    @Test
    void structureIsExactlyWhatTheCatalogueImplies() {
        Catalog catalog = hostileCatalog();
        int papers = HOSTILE.size();
        String markdown = new NotesLayout(Settings.DEFAULT).render(catalog, new Slugger());

        MarkdownStructure structure = MarkdownStructure.of(markdown);

        assertThat(structure.count("Heading")).isEqualTo(1 + papers);
        // Table of contents: the section and each paper; per paper: title, star, one badge, one note.
        assertThat(structure.count("Link")).isEqualTo(1 + papers + papers * 4);
        assertThat(structure.count("Image")).isEqualTo(papers * 2);
        // Table of contents items, then per paper: paper, accepted, authors, tags, abstract, note.
        assertThat(structure.count("ListItem")).isEqualTo(1 + papers + papers * 6);
        for (String forbidden : List.of("HtmlInline", "HtmlBlock", "BlockQuote", "ThematicBreak", "FencedCodeBlock",
                "IndentedCodeBlock", "TableBlock", "Strikethrough", "OrderedList", "Code")) {
            assertThat(structure.count(forbidden)).as(forbidden).isZero();
        }
        // Abstracts may use emphasis: the first one's *x* and _y_; everything else is literal.
        assertThat(structure.count("Emphasis")).isEqualTo(2);
        // The bold labels: Paper, Accepted, Authors, Tags, Abstract and Personal Note for every paper.
        assertThat(structure.count("StrongEmphasis")).isEqualTo(papers * 6);
        assertThat(structure.unresolvedFragments()).isEmpty();
    }

    @Test
    void textAndUrlsComeBackAsWritten() {
        Catalog catalog = hostileCatalog();
        String markdown = new NotesLayout(Settings.DEFAULT).render(catalog, new Slugger());
        MarkdownStructure structure = MarkdownStructure.of(markdown);

        List<String> expectedHeadings = new ArrayList<>();
        expectedHeadings.add("Hostile | <b>");
        HOSTILE.forEach(t -> expectedHeadings.add(t.replaceAll("[\r\n]+", " ").strip()));
        assertThat(structure.headings()).containsExactlyElementsOf(expectedHeadings);

        List<String> paperUrls = structure.links().stream().map(Link::getDestination)
                .filter(d -> d.startsWith("https://example.org/p"))
                .map(d -> URLDecoder.decode(d, StandardCharsets.UTF_8)).toList();
        List<String> expectedUrls = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            expectedUrls.add("https://example.org/p " + i + "/(x)\"q\"<y>");
        }
        assertThat(paperUrls).containsExactlyElementsOf(expectedUrls);
    }

    @Test
    void tableCellsKeepTheirTable() {
        Settings table = Settings.DEFAULT.withLayout("table");
        Catalog catalog = hostileCatalog();
        String markdown = new TableLayout(table).render(new Catalog(table, catalog.sections()), new Slugger());

        MarkdownStructure structure = MarkdownStructure.of(markdown);

        int papers = HOSTILE.size();
        assertThat(structure.count("TableBlock")).isEqualTo(1);
        assertThat(structure.count("TableRow")).isEqualTo(1 + papers);
        assertThat(structure.count("TableCell")).isEqualTo(5 * (1 + papers));
        assertThat(structure.count("HtmlInline") + structure.count("HtmlBlock")).isZero();
        // Per paper: the title link, the star badge link and one supplement badge link; plus the contents.
        assertThat(structure.count("Link")).isEqualTo(1 + papers * 3);
        assertThat(structure.unresolvedFragments()).isEmpty();
    }

    @Test
    void noHtmlFromTheCatalogueReachesThePage() {
        String html = Html.of(new NotesLayout(Settings.DEFAULT).render(hostileCatalog(), new Slugger()));
        assertThat(html).doesNotContain("<script").doesNotContain("<details").doesNotContain("<img src=\"x\"")
                .doesNotContain("<img src=x").doesNotContain("<b>").doesNotContain("<!--");
    }

    @Test
    void abstractsKeepEmphasisAndCodeButNothingElse() {
        Paper p = Paper.builder("P", "T")
                .abstractText("the **LaVIT** model, *fast* and `x<y`; not [a link](https://x.example) or <b>html</b>")
                .build();
        Catalog catalog = new Catalog(Settings.DEFAULT, List.of(new Section("S", List.of(p), List.of(), SourcePosition.UNKNOWN)));
        String markdown = new NotesLayout(Settings.DEFAULT).render(catalog, new Slugger());

        MarkdownStructure structure = MarkdownStructure.of(markdown);

        // Three bold labels (Paper, Accepted, Abstract) and LaVIT.
        assertThat(structure.count("StrongEmphasis")).isEqualTo(4);
        assertThat(structure.count("Emphasis")).isEqualTo(1);
        assertThat(structure.count("Code")).isZero();
        assertThat(structure.count("HtmlInline")).isZero();
        assertThat(structure.links()).extracting(Link::getDestination).containsExactly("#s", "#p");
        assertThat(Html.of(markdown)).contains("<em>fast</em> and `x&lt;y`; not [a link](https://x.example) or &lt;b&gt;html&lt;/b&gt;");
    }

    @Test
    void theseChecksFailWhenEscapingIsOff() {
        // The structure checks above must be able to fail: unescaped text does change the page.
        String raw = "### " + HOSTILE.get(0) + "\n\n- " + HOSTILE.get(2) + "\n";
        MarkdownStructure structure = MarkdownStructure.of(raw);
        assertThat(structure.count("Link") + structure.count("HtmlInline") + structure.count("Emphasis")).isPositive();
    }

    @Test
    void fromAFileThroughRenderTheStructureIsWhatTheCatalogueImplies() {
        StringBuilder yaml = new StringBuilder("sections:\n  - title: ").append(quoted("Hostile | <b> ]")).append("\n    papers:\n");
        int i = 0;
        for (String text : HOSTILE) {
            yaml.append("      - name: ").append(quoted(text)).append('\n')
                    .append("        title: ").append(quoted(text)).append('\n')
                    .append("        url: ").append(quoted("https://example.org/p%20" + i++ + "/(x)")).append('\n')
                    .append("        venue: ").append(quoted(text)).append('\n')
                    .append("        authors: [").append(quoted(text)).append(", ").append(quoted(text)).append("]\n")
                    .append("        tags: [").append(quoted(text)).append("]\n")
                    .append("        abstract: ").append(quoted(text)).append('\n');
        }
        Workspace w = new Workspace(dir).write("papers.yaml", yaml.toString());

        CliRun render = w.run("render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        MarkdownStructure structure = MarkdownStructure.of(w.read("README.md"));
        int papers = HOSTILE.size();
        assertThat(structure.count("Heading")).isEqualTo(1 + papers);
        assertThat(structure.count("Link")).isEqualTo(1 + papers + papers);
        // Contents: the section and each paper; per paper: Paper, Accepted, Authors, Tags, Abstract.
        assertThat(structure.count("ListItem")).isEqualTo(1 + papers + papers * 5);
        // The two markers are the only HTML.
        assertThat(structure.count("HtmlBlock")).isEqualTo(2);
        for (String forbidden : List.of("HtmlInline", "BlockQuote", "ThematicBreak", "FencedCodeBlock",
                "IndentedCodeBlock", "TableBlock", "Strikethrough", "OrderedList", "Code", "Image")) {
            assertThat(structure.count(forbidden)).as(forbidden).isZero();
        }
        assertThat(structure.headings().get(0)).isEqualTo("Hostile | <b> ]");
        assertThat(structure.unresolvedFragments()).isEmpty();
        assertThat(w.run("check").exitCode()).isZero();
    }

    @Test
    void tableCellsFromAFileKeepTheirColumns() {
        Workspace w = new Workspace(dir).write("papers.yaml", """
                settings:
                  layout: table
                  table:
                    empty: "|"
                    columns: [title, venue, {extra: Note}]
                sections:
                  - title: S
                    papers:
                      - {name: "A | B", title: "x | y", venue: "a|b", extra: {Note: 'one | two \\| three'}}
                      - {name: C, title: "`|`", venue: "<td>"}
                """);

        assertThat(w.run("render").exitCode()).isZero();

        MarkdownStructure structure = MarkdownStructure.of(w.read("README.md"));
        assertThat(structure.count("TableBlock")).isEqualTo(1);
        assertThat(structure.count("TableRow")).isEqualTo(3);
        assertThat(structure.count("TableCell")).isEqualTo(9);
        assertThat(structure.count("HtmlInline")).isZero();
    }

    static Stream<Arguments> unclosedSectionText() {
        String problem = "opens a block it does not close (a code fence, an HTML comment or an HTML block such as "
                + "<pre> or <script>), which would swallow the rest of the page; close it";
        return Stream.of(
                Arguments.of("a code fence", "```python\n        print(1)", "'text' " + problem),
                Arguments.of("an HTML comment", "<!-- hidden", "'text' " + problem),
                Arguments.of("a script", "<script>\n        alert(1)", "'text' " + problem),
                Arguments.of("a pre block", "<pre>\n\n        x", "'text' " + problem),
                Arguments.of("details", "<details><summary>More</summary>\n\n        Hidden",
                        "'text' opens <details> without closing it, which would fold the rest of the page into it on GitHub; add </details>"),
                Arguments.of("a div in a div", "<div>\n        <div>\n\n        x\n\n        </div>",
                        "'text' opens <div> without closing it, which would fold the rest of the page into it on GitHub; add </div>"),
                Arguments.of("an end marker", "Intro.\n\n        <!-- paperlist:end -->",
                        "'text' holds a paperlist marker at its line 3; markers belong in the README only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unclosedSectionText")
    void aSectionsFreeMarkdownMustCloseWhatItOpens(String name, String text, String problem) {
        Workspace w = Workspace.rendered(dir);
        w.write("papers.yaml", Workspace.CATALOG.replace("    papers:\n", "    text: |\n      " + text.replace("\n        ", "\n      ")
                .replace("\n\n", "\n\n") + "\n    papers:\n"));
        w.assertRefused(ExitCode.INVALID_INPUT, "papers.yaml:3:11: " + problem, "render");
    }

    @Test
    void aSectionsFreeMarkdownThatClosesWhatItOpensIsWrittenAsItIs() {
        String text = "<details><summary>More</summary>\n\n      Hidden, with a `code` span.\n\n      </details>\n\n"
                + "      ```sh\n      make\n      ```";
        Workspace w = new Workspace(dir).write("papers.yaml",
                Workspace.CATALOG.replace("    papers:\n", "    text: |\n      " + text + "\n    papers:\n"));

        assertThat(w.run("render").exitCode()).isZero();

        assertThat(w.read("README.md")).contains("# Multimodal\n\n<details><summary>More</summary>\n\nHidden, with a `code` "
                + "span.\n\n</details>\n\n```sh\nmake\n```\n\n## AnyGPT\n");
        assertThat(w.run("check").exitCode()).isZero();
    }


    // A YAML double-quoted scalar.
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void importRefusesSectionTextThatDoesNotCloseWhatItOpensAtTheHeading() {
        Workspace w = new Workspace(dir).write("README.md", "# List\n\n## Vision\n\n<div align=\"center\">\n\n"
                + "Papers on images.\n\n### CLIP\n\n- **Paper:** [CLIP](https://arxiv.org/abs/2103.00020)\n");
        w.assertRefused(ExitCode.INVALID_INPUT, "README.md:3: the text under section 'Vision' opens <div> without closing "
                + "it, which would fold the rest of the page into it on GitHub; add </div>", "import", "README.md");
    }
}
