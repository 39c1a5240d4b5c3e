package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.PaperlistException;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.testing.MarkdownStructure;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of rendering that must hold for any catalogue, checked on generated ones. */
class RenderPropertiesTest {
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
                        b.url("https://example.org/" + name.length() + " (x)")
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
