package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import --write-markers} then {@code render} on a hand-written list gives a README that GitHub
 * shows exactly as before (same HTML, comments aside), and {@code check} passes straight away.
 */
class ImportRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"seeds/multimodal-paper-notes.md", "import/table-list.md", "import/bullet-list.md",
        "import/heading-papers.md", "import/table-header.md", "import/page-top.md", "import/bold-titles.md",
        "import/section-table.md", "import/section-list.md",
        "import/section-bullets-in-notes.md"})
    void importWithMarkersThenRenderShowsTheSamePage(String fixture, @TempDir Path dir) throws IOException {
        String original = Files.readString(Path.of("src/test/resources", fixture), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), original, StandardCharsets.UTF_8);

        CliRun imported = CliRun.in(dir, "import", "README.md", "--write-markers", "--strict");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.err()).isEmpty();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("<!-- paperlist:start").contains("<!-- paperlist:end -->");
        Html.assertSameHtml("import-round-trip/" + fixture, original, readme);
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        CliRun render = CliRun.in(dir, "render");
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).as(render.toString()).isEqualTo(readme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seeds/multimodal-paper-notes.md", "import/table-list.md", "import/bullet-list.md",
        "import/heading-papers.md", "import/table-header.md", "import/page-top.md", "import/bold-titles.md",
        "import/section-table.md", "import/section-list.md",
        "import/section-bullets-in-notes.md"})
    void importingTheRenderedReadmeAgainGivesTheSameCatalogue(String fixture, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), Files.readString(Path.of("src/test/resources", fixture)));
        assertThat(CliRun.in(dir, "import", "README.md", "--write-markers").exitCode()).isZero();
        String first = Files.readString(dir.resolve("papers.yaml"), StandardCharsets.UTF_8);

        CliRun again = CliRun.in(dir, "import", "README.md", "--output", "again.yaml");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(CatalogWriter.write(CatalogLoader.load(dir.resolve("again.yaml"), "again.yaml"))).isEqualTo(first);
    }

    /**
     * Lists whose sections hold more than papers, each fixture one kind: text after the papers, text between
     * two lists of one section, list items that are not papers, items grouping the papers nested under them,
     * a paper listed twice, headings that skip a level, a cell left empty where the others write '-' and one paper in two rows that
     * differ in another cell.
     * Import reports what it could not read as a paper, and the page GitHub shows
     * is the same all the same, written in the order the list wrote it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"import/content/text-after-papers.md", "import/content/text-between-lists.md",
        "import/content/non-paper-items.md", "import/content/group-items.md", "import/content/exact-duplicate.md",
        "import/content/skipped-levels.md", "import/content/empty-cell.md",
        "import/content/same-paper-two-rows.md"})
    void whatASectionWritesBetweenItsPapersStaysInItsPlace(String fixture, @TempDir Path dir) throws IOException {
        String original = Files.readString(Path.of("src/test/resources", fixture), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), original, StandardCharsets.UTF_8);

        CliRun imported = CliRun.in(dir, "import", "README.md", "--write-markers");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.err()).doesNotContain("rendered before");
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        Html.assertSameHtml("import-round-trip/" + fixture, original, readme);
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
        String first = Files.readString(dir.resolve("papers.yaml"), StandardCharsets.UTF_8);
        CliRun again = CliRun.in(dir, "import", "README.md", "--output", "again.yaml");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(CatalogWriter.write(CatalogLoader.load(dir.resolve("again.yaml"), "again.yaml"))).isEqualTo(first);
    }

    @org.junit.jupiter.api.Test
    void aCrlfReadmeStaysCrlf(@TempDir Path dir) throws IOException {
        String original = Files.readString(Path.of("src/test/resources/import/table-list.md"), StandardCharsets.UTF_8)
                .replace("\n", "\r\n");
        Files.writeString(dir.resolve("README.md"), original, StandardCharsets.UTF_8);

        CliRun imported = CliRun.in(dir, "import", "README.md", "--write-markers");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.replace("\r\n", "")).doesNotContain("\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
    }
}
