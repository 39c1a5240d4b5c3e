package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.CatalogWriter;
import dev.paperlist.model.Catalog;
import dev.paperlist.render.NotesLayout;
import dev.paperlist.render.Slugger;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the real hand-written seed list, and rendering the result back. */
class NotesImporterTest {
    private static final Path SEED = Path.of("src/test/resources/seeds/multimodal-paper-notes.md");

    @Test
    void importingTheSeedGivesThisRepositorysCatalogue() throws IOException {
        NotesImporter.Result result = new NotesImporter().read(Files.readString(SEED, StandardCharsets.UTF_8), "seed.md");
        Catalog repository = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");

        assertThat(result.warnings()).isEmpty();
        assertThat(CatalogWriter.write(result.catalog())).isEqualTo(CatalogWriter.write(repository));
    }

    @Test
    void importThenRenderGivesTheSeedsHtml() throws IOException {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        Catalog imported = new NotesImporter().read(seed, "seed.md").catalog();

        String rendered = new NotesLayout(imported.settings()).render(imported, new Slugger());

        Html.assertSame(Html.normalised(seed.substring(seed.indexOf("- [Multimodal]"))), Html.normalised(rendered));
    }

    @Test
    void writtenCatalogueLoadsBackUnchanged() {
        Catalog repository = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");
        String yaml = CatalogWriter.write(repository);
        assertThat(CatalogWriter.write(CatalogLoader.parse(yaml, "papers.yaml"))).isEqualTo(yaml);
    }

    @Test
    void importCommandWritesACatalogueThatRendersAndChecks(@TempDir Path dir) throws IOException {
        Files.copy(SEED, dir.resolve("README.md"));

        CliRun run = CliRun.in(dir, "import", "README.md");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("papers.yaml: imported 10 papers from README.md\n");
        assertThat(CliRun.in(dir, "import", "README.md").err())
                .isEqualTo("papers.yaml: already exists; use --force to overwrite it\n");
        Files.writeString(dir.resolve("LIST.md"), "<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        assertThat(CliRun.in(dir, "render", "--readme", "LIST.md").exitCode()).isZero();
        assertThat(CliRun.in(dir, "check", "--readme", "LIST.md").exitCode()).isZero();
    }
}
