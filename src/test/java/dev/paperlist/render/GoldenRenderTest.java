package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.testing.Golden;
import dev.paperlist.testing.MarkdownStructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every case under resources/golden and compares with its expected README.md. */
class GoldenRenderTest {
    private static final Path ROOT = Golden.resources().resolve("golden");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void thereAreCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersAsExpectedAndIdempotently(Path dir) throws IOException {
        Catalog catalog = CatalogLoader.load(dir.resolve("papers.yaml"), "papers.yaml");
        Path input = dir.resolve("README.in.md");
        String before = Files.exists(input) ? Files.readString(input, StandardCharsets.UTF_8) : null;

        String rendered = ReadmeRenderer.render(catalog, before, "README.md", "papers.yaml");

        Golden.assertMatches(dir.resolve("README.md"), rendered);
        assertThat(ReadmeRenderer.render(catalog, rendered, "README.md", "papers.yaml")).isEqualTo(rendered);
        assertThat(MarkdownStructure.of(rendered).unresolvedFragments()).isEmpty();
        assertThat(rendered).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
    }

    @Test
    void theRepositoryCatalogueIsAGoldenCaseToo() throws IOException {
        Catalog catalog = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");
        String generated = new NotesLayout(catalog.settings()).render(catalog, new Slugger());
        Golden.assertMatches(ROOT.resolve("repository-list.md"), generated);
        assertThat(List.of(generated.split("\n"))).noneMatch(line -> line.endsWith(" "));
    }
}
