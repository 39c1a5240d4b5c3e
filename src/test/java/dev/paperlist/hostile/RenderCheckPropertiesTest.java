package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.render.ReadmeRenderer;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.MarkdownStructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties that must hold for any catalogue, checked on generated ones: render is deterministic and
 * idempotent, the page's structure is what the catalogue implies, {@code check} after {@code render}
 * passes (through papers.yaml and the CLI, with LF or CRLF, with or without a byte-order mark, in either
 * layout), and any single-character edit inside the generated block makes {@code check} fail.
 */
@DisplayName("properties of render and check on generated catalogues")
class RenderCheckPropertiesTest {
    private static final String README = "# Intro\n\n## AnyGPT\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\nAfter.\n";

    @Property(tries = 200)
    void renderIsDeterministicAndIdempotent(@ForAll("catalogues") Catalog catalog) {
        String once = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        assertThat(ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml")).isEqualTo(once);
        assertThat(ReadmeRenderer.render(catalog, once, "README.md", "papers.yaml")).isEqualTo(once);
    }

    @Property(tries = 200)
    void structureAndAnchorsAreWhatTheCatalogueImplies(@ForAll("catalogues") Catalog catalog) {
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        MarkdownStructure structure = MarkdownStructure.of(readme);
        int[] sectionsAndPapers = count(catalog.sections());
        assertThat(structure.count("Heading")).isEqualTo(2 + sectionsAndPapers[0] + sectionsAndPapers[1]);
        assertThat(structure.count("HtmlInline") + structure.count("TableBlock") + structure.count("BlockQuote")
                + structure.count("ThematicBreak") + structure.count("FencedCodeBlock")
                + structure.count("IndentedCodeBlock")).isZero();
        // Two HTML blocks: the two marker lines.
        assertThat(structure.count("HtmlBlock")).isEqualTo(2);
        assertThat(structure.unresolvedFragments()).isEmpty();
    }

    @Property(tries = 300)
    void anySingleCharacterEditInsideTheBlockIsDetected(
            @ForAll("catalogues") Catalog catalog, @ForAll @IntRange(min = 0, max = 1_000_000) int where,
            @ForAll("edits") char replacement) {
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        int start = readme.indexOf('\n', readme.indexOf("<!-- paperlist:start")) + 1;
        int end = readme.indexOf("<!-- paperlist:end");
        int at = start + where % (end - start);
        if (readme.charAt(at) == replacement) {
            replacement = replacement == 'x' ? 'y' : 'x';
        }
        String edited = readme.substring(0, at) + replacement + readme.substring(at + 1);
        boolean detected;
        try {
            detected = !ReadmeRenderer.render(catalog, edited, "README.md", "papers.yaml").equals(edited);
        } catch (PaperlistException e) {
            detected = true;
        }
        assertThat(detected).isTrue();
    }

    @Property(tries = 80)
    void checkAfterRenderPassesThroughTheCli(@ForAll("catalogues") Catalog catalog, @ForAll boolean table,
                                             @ForAll boolean crlf, @ForAll boolean bom,
                                             @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                             @ForAll("edits") char replacement) throws IOException {
        Catalog laidOut = table ? new Catalog(Settings.DEFAULT.withLayout("table"), catalog.sections()) : catalog;
        Path dir = Files.createTempDirectory("g15");
        try {
            String readme = crlf ? README.replace("\n", "\r\n") : README;
            Workspace w = new Workspace(dir).write("papers.yaml", CatalogWriter.write(laidOut))
                    .write("README.md", (bom ? "\uFEFF" : "") + readme);

            CliRun render = w.run("render");
            CliRun check = w.run("check");
            byte[] rendered = w.bytes("README.md");
            CliRun again = w.run("render");

            assertThat(render.exitCode()).as(render.toString()).isZero();
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out()).isEqualTo("README.md: up to date\n");
            assertThat(again.out()).isEqualTo("README.md: up to date\n");
            assertThat(w.bytes("README.md")).isEqualTo(rendered);

            String text = w.read("README.md");
            int start = text.indexOf('\n', text.indexOf("<!-- paperlist:start")) + 1;
            int end = text.indexOf("<!-- paperlist:end");
            int at = start + where % (end - start);
            char c = text.charAt(at) == replacement ? (replacement == 'x' ? 'y' : 'x') : replacement;
            w.write("README.md", text.substring(0, at) + c + text.substring(at + 1));
            CliRun edited = w.run("check");
            assertThat(edited.exitCode()).as("edit at %d: %s", at, edited).isIn(1, 3);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Numbers and dates in the page never depend on the machine's language, where digits may not be ASCII. */
    @Test
    void renderIsTheSameInEveryLocale() {
        Catalog catalog = dev.paperlist.catalog.CatalogLoader.parse("sections:\n  - title: S\n    papers:\n"
                + "      - {name: P, title: T, submitted: 2024-02-19, venue: ICLR 2024}\n", "papers.yaml");
        String expected = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            for (String tag : List.of("ar-EG", "fa-IR", "hi-IN-u-nu-deva", "th-TH-u-nu-thai", "tr-TR")) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                assertThat(ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml")).as(tag).isEqualTo(expected);
            }
        } finally {
            java.util.Locale.setDefault(saved);
        }
        assertThat(expected).contains("- **Submission Date:** 2024-02-19\n");
    }

    @Provide
    Arbitrary<Character> edits() {
        return Arbitraries.of('x', ' ', '\n', '#', '-', '*', '中', '\\');
    }

    @Provide
    Arbitrary<Catalog> catalogues() {
        return sections(3).list().ofMaxSize(3).map(sections -> new Catalog(Settings.DEFAULT, sections));
    }

    private Arbitrary<Section> sections(int depth) {
        Arbitrary<List<Section>> children = depth <= 1
                ? Arbitraries.just(List.of())
                : Arbitraries.lazy(() -> sections(depth - 1)).list().ofMaxSize(2);
        return Combinators.combine(texts(), papers().list().ofMaxSize(3), children)
                .as((title, papers, subsections) -> new Section(title, distinctNames(papers), subsections,
                        SourcePosition.UNKNOWN));
    }

    // The loader refuses the same heading twice in a section; generated catalogues respect that too.
    private static List<Paper> distinctNames(List<Paper> papers) {
        List<Paper> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Paper p : papers) {
            if (!seen.contains(p.name().toLowerCase(java.util.Locale.ROOT))) {
                seen.add(p.name().toLowerCase(java.util.Locale.ROOT));
                out.add(p);
            }
        }
        return out;
    }

    private Arbitrary<Paper> papers() {
        return Combinators.combine(texts(), texts(), texts().injectNull(0.5), texts().list().ofMaxSize(3),
                        Arbitraries.integers().between(0, 3), texts().injectNull(0.3))
                .as((name, title, venue, authors, extras, abstractText) -> {
                    Paper.Builder b = Paper.builder(name, title).venue(venue).authors(authors).tags(authors)
                            .abstractText(abstractText);
                    if (extras > 0) {
                        // Distinct per name, as the loader refuses the same link twice in a section.
                        b.url("https://example.org/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("+", "%20") + "%20(x)")
                                .code(GitHubRepo.parse("owner/repo" + extras).orElseThrow())
                                .submitted(new PartialDate(2024, extras, 0));
                    }
                    if (extras > 1) {
                        b.badge(new Badge("custom", "https://example.org/b", null, title, name, "red", null, null, null,
                                SourcePosition.UNKNOWN));
                        b.note(new NoteLink(name, "https://example.org/n"));
                    }
                    return b.build();
                });
    }

    private Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("AnyGPT", "CLIP", "MDRG / Divter", "大型多模态模型", "🚀", "❤️", "C++", "a_b", "x*y*",
                        "**bold**", "[link](https://x.example)", "<b>", "`code`", "$x$", "~~s~~", ":smile:", "&amp;",
                        "#", "1.", "-", ">", "|", "\\", "Foo 1", "foo-1", "İstanbul", "ΟΔΟΣ", "   ", "!"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6));
        return pieces.list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join(" ", parts).replaceAll("\\s+", " ").strip())
                .filter(s -> !s.isEmpty());
    }

    private static int[] count(List<Section> sections) {
        int[] total = {0, 0};
        for (Section s : sections) {
            total[0]++;
            total[1] += s.papers().size();
            int[] inner = count(s.sections());
            total[0] += inner[0];
            total[1] += inner[1];
        }
        return total;
    }
}
