package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written list adopted with {@code import} keeps its way of writing entries: the entry templates import
 * finds write its papers back as they were, and a paper added later is written the same way.
 */
class EntryTemplatesCliTest {
    private static final Path LIST = Path.of("src/test/resources/import/corpus/11-entry-templates.md");

    @TempDir Path dir;

    @Test
    void aPaperAddedToAnImportedListIsWrittenTheWayTheListWritesItsEntries() throws IOException {
        importRendersTheSamePage(LIST, "papers.yaml: imported 10 papers from README.md\n"
                + "papers.yaml: 4 entry templates describe how the list writes its entries; 0 entries are kept as written\n");
        assertThat(Files.readString(dir.resolve("papers.yaml"))).contains("entries:").doesNotContain("As written");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();

        CliRun add = CliRun.in(dir, "add", "--section", "Agent papers/Memory", "--name", "Memory as a Tool", "--title", "Memory as a Tool",
                "--url", "https://arxiv.org/abs/2405.00008", "--date", "2024-05", "--code", "example/memory",
                "--author", "Ada Lovelace", "--abstract", "Memory, used as a tool.");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).contains(
                "- [2024/05] **Memory as a Tool.** [[paper](https://arxiv.org/abs/2405.00008)]"
                        + " [[code](https://github.com/example/memory)]\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
        assertThat(CliRun.in(dir, "lint").exitCode()).isZero();
    }

    @Test
    void aSectionThatWritesItsEntriesItsOwnWayKeepsItsWayForAPaperAddedToIt() throws IOException {
        // The numbered section's template counts with the list's.
        importRendersTheSamePage(Path.of("src/test/resources/import/corpus/12-section-templates.md"),
                "papers.yaml: imported 8 papers from README.md\n"
                + "papers.yaml: 2 entry templates describe how the list writes its entries; 0 entries are kept as written\n");

        CliRun add = CliRun.in(dir, "add", "--section", "Vision papers/Benchmarks", "--name", "Depth Bench",
                "--title", "Depth Bench", "--url", "https://arxiv.org/abs/2402.00204");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8))
                .contains("3. **Track Bench** [[paper](https://arxiv.org/abs/2402.00203)]\n"
                        + "4. **Depth Bench** [[paper](https://arxiv.org/abs/2402.00204)]\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
    }

    @Test
    void aTemplateThatDoesNotReadIsOneLineWithItsPlaceAndExit3() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), """
                settings:
                  layout: list
                  entries:
                    - "- {titel} ({venue})"
                sections:
                  - title: Methods
                """);
        Files.writeString(dir.resolve("README.md"), "<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).isEqualTo(3);
        assertThat(render.err()).isEqualTo("papers.yaml:4:7: the entry template '- {titel} ({venue})': unknown slot"
                + " '{titel}' at offset 2; slots: name, alias, title, url, link, venue, date, authors, tags, code, stars,"
                + " citations, badges, notes, abstract, extra, extras, number\n");
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo("<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
    }

    @Test
    void eachOutputMayHaveEntryTemplatesOfItsOwnAndASectionsOwnComeFirst() throws IOException {
        String yaml = """
                settings:
                  layout: list
                  entries:
                    - "* {link} ({date:yyyy/MM})"
                  outputs:
                    - {file: "README.md", layout: list}
                    - file: "docs/SHORT.md"
                      layout: list
                      entries:
                        - "+ {title}: {url}{? ({date:MMM yyyy})}"
                sections:
                  - title: Methods
                    papers:
                      - name: A
                        title: A
                        url: https://arxiv.org/abs/2401.00001
                        submitted: 2024-01
                  - title: Surveys
                    entries:
                      - "1. **{title}** {url}{? ({date})}"
                    papers:
                      - name: B
                        title: B
                        url: https://arxiv.org/abs/2402.00002
                        submitted: 2024-02
                """;
        Files.writeString(dir.resolve("papers.yaml"), yaml);
        Files.createDirectories(dir.resolve("docs"));
        for (String file : new String[] {"README.md", "docs/SHORT.md"}) {
            Files.writeString(dir.resolve(file), "<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        }
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        assertThat(Files.readString(dir.resolve("README.md")))
                .contains("* [A](https://arxiv.org/abs/2401.00001) (2024/01)\n")
                .contains("1. **B** https://arxiv.org/abs/2402.00002 (2024-02)\n");
        assertThat(Files.readString(dir.resolve("docs/SHORT.md")))
                .contains("+ A: https://arxiv.org/abs/2401.00001 (Jan 2024)\n")
                .contains("1. **B** https://arxiv.org/abs/2402.00002 (2024-02)\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
        // papers.yaml writes the templates back as they were read.
        assertThat(dev.paperlist.catalog.edit.CatalogWriter.write(
                dev.paperlist.catalog.CatalogLoader.parse(yaml, "papers.yaml"))).isEqualTo(yaml);
    }

    @Test
    void aPaperWithoutTheTextOfAListsLinkIsNotWrittenWithHalfALink() throws IOException {
        // The badge's text differs from entry to entry, so it is an extra field; a part holding only half of the
        // link around it would write "](url)" for a paper without it.
        Files.writeString(dir.resolve("README.md"), """
                # Agents

                ## Tools

                + [Alpha](https://arxiv.org/abs/2401.00001) (Jan. 2024)

                  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2401.00001)
                + [Beta](https://arxiv.org/abs/2401.00002) (Jan. 2024)

                  [![Paper](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2401.00002)
                """);
        assertThat(CliRun.in(dir, "import", "README.md", "--write-markers").exitCode()).isZero();
        CliRun add = CliRun.in(dir, "add", "--section", "Agents/Tools", "--name", "Gamma", "--title", "Gamma",
                "--url", "https://arxiv.org/abs/2402.00003", "--date", "2024-02");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("[Gamma](https://arxiv.org/abs/2402.00003)")
                .doesNotContain("  (https://arxiv.org/abs/2402.00003)").doesNotContain(")](https://arxiv.org/abs/2402.00003)\n+");
        assertThat(readme.lines().filter(l -> l.contains("2402.00003")).allMatch(l -> l.contains("[Gamma]"))).isTrue();
    }

    @Test
    void aNotesListWritesAPaperWithItsOwnHeadingTemplateAndTheRestWithItsLabels() throws IOException {
        // The list's template writes other labels than the layout's own, and the heading it opens with is the
        // paper's heading: the contents link to the anchor of the text the template wrote.
        Files.writeString(dir.resolve("papers.yaml"), """
                settings:
                  layout: notes
                  not_accepted: "Preprint {arXiv}"
                  labels: {paper: "**PDF {1}:**", accepted: "**Where:**"}
                  entries:
                    - "#### {name} ({date:yyyy})\\n\\n- **Link:** {link}\\n- **Venue:** {?{venue}{|}none yet}"
                sections:
                  - title: Methods
                    papers:
                      - name: Alpha
                        title: Alpha, a method
                        url: https://arxiv.org/abs/2401.00001
                        submitted: 2024
                      - name: Beta
                        title: Beta, another
                        url: https://arxiv.org/abs/2402.00002
                        code: example/beta
                        submitted: 2024-02
                        extra: {Org: "*Lab*"}
                """);
        Files.writeString(dir.resolve("README.md"), "# Papers\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme)
                .contains("  - [Alpha (2024)](#alpha-2024)\n  - [Beta](#beta)\n")
                .contains("#### Alpha (2024)\n\n- **Link:** [Alpha, a method](https://arxiv.org/abs/2401.00001)\n"
                        + "- **Venue:** none yet\n")
                .contains("## Beta\n\n- **PDF {1}:** [Beta, another](https://arxiv.org/abs/2402.00002)\\\n"
                        + "  [![Star](https://img.shields.io/github/stars/example/beta.svg?style=social&label=Star)]"
                        + "(https://github.com/example/beta)\n- **Where:** Preprint {arXiv}\n"
                        + "- **Submission Date:** 2024-02\n- **Org:** *Lab*\n");
        assertCheckAndLintPass();
    }

    @Test
    void aTableTakesRowTemplatesWhoseValuesAreEscapedForTheirCells() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), """
                settings:
                  layout: table
                  toc: false
                  table:
                    columns: [title, venue, {extra: Org}]
                  entries:
                    - "- {link}"
                    - "| **{link}** | {?{venue}{|}preprint} | {?{extra:Org}{|}?} |"
                sections:
                  - title: Methods
                    papers:
                      - name: Alpha
                        title: Alpha
                        url: https://arxiv.org/abs/2401.00001
                        extra: {Org: "Lab A|B"}
                      - name: Beta
                        title: Beta, in full
                        url: https://arxiv.org/abs/2402.00002
                        venue: ICLR 2024
                """);
        Files.writeString(dir.resolve("README.md"), "<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        // The bullet template does not fit in a table; Beta's short name would not show, so the layout's own
        // row writes it.
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).contains(
                "| Title | Venue | Org |\n|:--------|:--------:|:--------:|\n"
                        + "| **[Alpha](https://arxiv.org/abs/2401.00001)** | preprint | Lab A\\|B |\n"
                        + "| \\[Beta\\] [Beta, in full](https://arxiv.org/abs/2402.00002) | ICLR 2024 | - |\n");
        assertCheckAndLintPass();
    }

    @Test
    void aTableRowTemplateOfAnotherNumberOfCellsThanTheColumnsIsRefusedAtItsLine() throws IOException {
        String catalogue = """
                settings:
                  layout: table
                  table:
                    columns: [title, venue, date]
                  entries:
                    - "| {link} | {?{venue}{|}-} | {?{date}{|}-} |"
                    - "| {link} | {?{venue}{|}-} |"
                sections:
                  - title: Methods
                    papers:
                      - name: Alpha
                        title: Alpha
                        url: https://arxiv.org/abs/2401.00001
                """;
        Files.writeString(dir.resolve("papers.yaml"), catalogue);
        String readme = "<!-- paperlist:start -->\n<!-- paperlist:end -->\n";
        Files.writeString(dir.resolve("README.md"), readme);
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isEqualTo(3);
        assertThat(render.err()).isEqualTo("papers.yaml:7:7: the table-row template '| {link} | {?{venue}{|}-} |'"
                + " writes 2 cells and the table has 3 columns (Title, Venue, Date): GitHub drops the cells past the"
                + " header's and leaves missing ones empty\n");
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).isEqualTo(readme);
    }

    // The rendered README is in sync, and lint finds nothing in the templates' entries.
    private void assertCheckAndLintPass() {
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        CliRun lint = CliRun.in(dir, "lint");
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
    }

    // Imports the list as the README, with the summary given, and renders it back to the page it was, but
    // for the markers render keeps the list between.
    private void importRendersTheSamePage(Path list, String summary) throws IOException {
        Files.copy(list, dir.resolve("README.md"));
        String original = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        CliRun imported = CliRun.in(dir, "import", "README.md", "--write-markers");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).isEqualTo(summary);
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        String rendered = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(rendered.replaceAll("<!-- paperlist:(start|end)[^>]*-->\n\n?", "").stripTrailing())
                .isEqualTo(original.stripTrailing());
    }
}
