package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.testing.LinkCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Splitting an over-budget README keeps it under budget when it can, and every link of every page lands. */
class SplitPropertiesTest {
    private static final String README = "# Intro\n\n## Vision\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n";

    @Property(tries = 150)
    void theReadmeFitsOrEverySectionMovedAndEveryLinkResolves(@ForAll("catalogues") Catalog catalog,
            @ForAll @IntRange(min = 300, max = 6000) int budget, @ForAll boolean table) throws IOException {
        Settings base = table ? Settings.DEFAULT.withLayout("table") : Settings.DEFAULT;
        Settings settings = new Settings(base.notAccepted(), base.labels(), base.authorSeparator(), base.tagSeparator(),
                base.toc(), base.tocPapers(), base.topHeadingLevel(), base.layout(), base.tableColumns(), base.emptyCell(),
                base.outputs(), base.lintDisabled(), null, budget, new Settings.Split("more/pages"));
        Catalog split = new Catalog(settings, catalog.sections());
        ReadmeRenderer.Rendered rendered = ReadmeRenderer.renderSplit(split, README, "README.md", "papers.yaml");

        assertThat(ReadmeRenderer.renderSplit(split, README, "README.md", "papers.yaml")).isEqualTo(rendered);
        assertThat(rendered.pages().keySet()).allMatch(p -> p.matches("more/pages/[A-Za-z0-9._-]+\\.md"));
        long size = rendered.readme().getBytes(StandardCharsets.UTF_8).length;
        assertThat(size <= budget || rendered.pages().size() == catalog.sections().size())
                .as("%d bytes against a budget of %d with %d of %d sections moved", size, budget,
                        rendered.pages().size(), catalog.sections().size()).isTrue();
        if (rendered.pages().isEmpty()) {
            assertThat(rendered.readme()).isEqualTo(ReadmeRenderer.render(split, README, "README.md", "papers.yaml"));
        }

        Path dir = Files.createTempDirectory("split");
        try {
            Files.writeString(dir.resolve("README.md"), rendered.readme());
            for (Map.Entry<String, String> page : rendered.pages().entrySet()) {
                Files.createDirectories(dir.resolve(page.getKey()).getParent());
                Files.writeString(dir.resolve(page.getKey()), page.getValue());
            }
            assertThat(LinkCheck.markdown(dir)).isEmpty();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<Catalog> catalogues() {
        return sections(3).list().ofMinSize(1).ofMaxSize(4).map(sections -> new Catalog(Settings.DEFAULT, sections));
    }

    private Arbitrary<Section> sections(int depth) {
        Arbitrary<List<Section>> children = depth <= 1
                ? Arbitraries.just(List.of())
                : Arbitraries.lazy(() -> sections(depth - 1)).list().ofMaxSize(2);
        Arbitrary<List<Paper>> papers = Combinators.combine(titles(), titles(), Arbitraries.integers().between(0, 400))
                .as((name, title, length) -> Paper.builder(name, title).abstractText("x".repeat(length)).build())
                .list().ofMaxSize(3).map(SplitPropertiesTest::distinctNames);
        return Combinators.combine(titles(), papers, children)
                .as((title, ps, subsections) -> new Section(title, ps, subsections, SourcePosition.UNKNOWN));
    }

    private static Arbitrary<String> titles() {
        return Arbitraries.of("Vision", "vision", "Speech & Audio", "多模态", "A/B", "README", "Intro", "x", "Vision 2");
    }

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
}
