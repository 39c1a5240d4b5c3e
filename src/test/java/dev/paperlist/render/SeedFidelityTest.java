package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.testing.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The repository's own papers.yaml, rendered, must give the same HTML as the real hand-written list it
 * was taken from: its table of contents and paper sections, up to whitespace between tags.
 */
class SeedFidelityTest {
    private static final Path SEED = Path.of("src/test/resources/seeds/multimodal-paper-notes.md");

    /** The seed's table of contents and paper sections, without its personal header. */
    private static String seedList() throws IOException {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        return seed.substring(seed.indexOf("- [Multimodal](#multimodal)"));
    }

    private static String renderedList() {
        Catalog catalog = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");
        return new NotesLayout(catalog.settings()).render(catalog, new Slugger());
    }

    @Test
    void renderedListHasTheSeedsHtml() throws IOException {
        Html.assertSameHtml("seed-fidelity", seedList(), renderedList());
    }

    @Test
    void theComparisonSeesADifferenceInOneCharacter() throws IOException {
        String broken = renderedList().replace("ICLR 2024", "ICLR 2O24");
        assertThat(Html.normalised(broken)).isNotEqualTo(Html.normalised(seedList()));
    }

    @Test
    void repositoryReadmeIsInSyncWithPapersYaml() throws IOException {
        Catalog catalog = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(ReadmeRenderer.render(catalog, readme, "README.md", "papers.yaml"))
                .as("README.md is stale: run ./paperlist render")
                .isEqualTo(readme);
    }
}
