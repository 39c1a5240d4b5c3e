package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.TableColumn;
import dev.paperlist.render.NotesLayout;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the real hand-written seed list, and rendering the result back. */
class ListImporterTest {
    private static final Path SEED = Path.of("src/test/resources/seeds/multimodal-paper-notes.md");

    @Test
    void importingTheSeedGivesThisRepositorysCatalogue() throws IOException {
        ListImporter.Result result = new ListImporter().read(Files.readString(SEED, StandardCharsets.UTF_8), "seed.md");
        Catalog repository = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");

        assertThat(result.warnings()).isEmpty();
        assertThat(CatalogWriter.write(result.catalog())).isEqualTo(withoutTagPageFields(CatalogWriter.write(repository)));
    }

    // The seed list has no topics, summaries, comments or images: this repository added them for its tag pages.
    private static String withoutTagPageFields(String yaml) {
        return yaml.replaceAll("(?m)^ +(topics|summary|comment|added|image): .*\n", "")
                .replaceFirst("^settings:\n  tag_pages: .*\n", "");
    }

    @Test
    void importThenRenderGivesTheSeedsHtml() throws IOException {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        Catalog imported = new ListImporter().read(seed, "seed.md").catalog();

        String rendered = new NotesLayout(imported.settings()).render(imported, new Slugger());

        Html.assertSameHtml("import-then-render/seed", seed.substring(seed.indexOf("- [Multimodal]")), rendered);
    }

    @Test
    void entriesComparedOnTwoThreadsGiveTheSameCatalogueAndTheWarningsInTheirOrder() throws IOException {
        // A is written from its fields (its entry opens what it does not close), B is kept as written (its
        // empty note link is left out, with a warning of its own), C again from its fields: each paper's
        // warnings come before the next paper's, however the comparisons are spread over the threads.
        String readme = "# List\n\n## Section\n\n### A\n\n- **Paper:** [A](https://arxiv.org/abs/2401.00001)\n\n<details>\n\n"
                + "### B\n\n- **Paper:** [B](https://arxiv.org/abs/2401.00002)\n- **Notes:** [Note]()\n\n"
                + "### C\n\n- **Paper:** [C](https://arxiv.org/abs/2401.00003)\n\n<details>\n";
        ListImporter.Result oneThread = new ListImporter().read(readme, "README.md");
        ListImporter.Result twoThreads = new ListImporter(Integer.MAX_VALUE, 0, 0).read(readme, "README.md");

        assertThat(twoThreads.warnings()).containsExactly(
                "README.md:9: text after the fields of paper 'A' is kept as its extra field 'More'",
                "README.md:20: text after the fields of paper 'C' is kept as its extra field 'More'",
                "README.md:5: paper 'A' is written from its fields, not as the list wrote it: the entry opens <details>"
                        + " without closing it, which would fold the rest of the page into it on GitHub; add </details>",
                "README.md:11: paper 'B': the note link 'Note' links to nothing; left out",
                "README.md:16: paper 'C' is written from its fields, not as the list wrote it: the entry opens <details>"
                        + " without closing it, which would fold the rest of the page into it on GitHub; add </details>");
        assertThat(twoThreads.warnings()).isEqualTo(oneThread.warnings());
        assertThat(CatalogWriter.write(twoThreads.catalog())).isEqualTo(CatalogWriter.write(oneThread.catalog()))
                .contains("As written");
        // And every list under import/, in the notes layout or not.
        for (Path list : MarkdownPartsTest.lists().toList()) {
            String markdown = Files.readString(list, StandardCharsets.UTF_8);
            ListImporter.Result whole = new ListImporter().read(markdown, "README.md");
            ListImporter.Result side = new ListImporter(Integer.MAX_VALUE, 0, 0).read(markdown, "README.md");
            assertThat(side.warnings()).as(list.toString()).isEqualTo(whole.warnings());
            assertThat(CatalogWriter.write(side.catalog())).as(list.toString()).isEqualTo(CatalogWriter.write(whole.catalog()));
        }
    }

    @Test
    void badgesAfterHardBreaksAndAfterSoftBreaksImportAlike() {
        String title = "## Vision\n\n### CLIP\n\n- **Paper:** [Learning Transferable Visual Models](https://arxiv.org/abs/2103.00020)";
        String star = "[![Star](https://img.shields.io/github/stars/openai/CLIP.svg?style=social&label=Star)](https://github.com/openai/CLIP)";
        String project = "[![Project Page](https://img.shields.io/badge/Project-Page-green.svg)](https://openai.com/research/clip)";
        // Each badge on a line of its own after a hard break, as earlier versions of the notes layout wrote it.
        String hardBreaks = title + "\\\n  " + star + "\\\n  " + project + "\n- **Accepted:** ICML 2021\n";
        // The title's line ends in a hard break and the badges follow as continuation lines, as the seed has them.
        String softBreaks = title + "\\\n  " + star + "\n  " + project + "\n- **Accepted:** ICML 2021\n";

        ListImporter.Result hard = new ListImporter().read(hardBreaks, "README.md");
        ListImporter.Result soft = new ListImporter().read(softBreaks, "README.md");

        assertThat(hard.warnings()).isEmpty();
        assertThat(soft.warnings()).isEmpty();
        Paper paper = soft.catalog().sections().get(0).papers().get(0);
        assertThat(paper.code().slug()).isEqualTo("openai/CLIP");
        assertThat(paper.badges()).extracting(b -> b.kind()).containsExactly("project");
        // The hard breaks show on the page, so that entry is also kept as written; its fields are the same.
        assertThat(paper.extra()).doesNotContainKey(Paper.WRITTEN);
        assertThat(CatalogWriter.write(hard.catalog()).replaceAll("(?m)^ *(extra:|\"As written\":.*)\n", ""))
                .isEqualTo(CatalogWriter.write(soft.catalog()));
    }

    @Test
    void aPaperListedInSeveralSectionsIsImportedOnceAndReferenced() {
        String paper = "### CLIP\n\n- **Paper:** [Learning Transferable Visual Models](https://arxiv.org/abs/2103.00020)\n"
                + "- **Accepted:** ICML 2021\n\n";
        String markdown = "## Vision\n\n" + paper + "## Language\n\n" + paper
                + "### Other\n\n- **Paper:** [Another](https://example.org)\n- **Accepted:** None (temporal)\n";

        Catalog imported = new ListImporter().read(markdown, "README.md").catalog();

        assertThat(CatalogWriter.write(imported)).isEqualTo("""
                settings:
                  top_heading_level: 2
                  toc: false
                sections:
                  - title: Vision
                    papers:
                      - name: CLIP
                        id: clip
                        title: Learning Transferable Visual Models
                        url: https://arxiv.org/abs/2103.00020
                        venue: ICML 2021
                  - title: Language
                    papers:
                      - ref: clip
                      - name: Other
                        title: Another
                        url: https://example.org
                """);
        assertThat(imported.sections().get(1).papers().get(0)).isSameAs(imported.sections().get(0).papers().get(0));
    }

    @Test
    void readsTheVariationsHandWrittenListsHave() {
        String markdown = """
                ## Models

                ### AnyGPT
                * **paper**: [AnyGPT](https://arxiv.org/abs/2402.12226)  
                  [![Star](https://img.shields.io/github/stars/OpenMOSS/AnyGPT?style=social)](https://github.com/OpenMOSS/AnyGPT)
                * **Submission Date:**   2024-02  
                * **Accepted:** None (temporal)
                * **Personal Note:** [[HTML]](https://example.org/n)



                ### ViLT
                - **Paper:** ViLT without a link
                - **Authors:**
                - **note**: [[CSDN]](https://blog.csdn.net/x)
                - **Reviewer:** someone
                """;

        ListImporter.Result result = new ListImporter().read(markdown, "README.md");

        assertThat(CatalogWriter.write(result.catalog())).isEqualTo("""
                settings:
                  top_heading_level: 2
                  toc: false
                  labels:
                    notes: "**Personal Note:**"
                sections:
                  - title: Models
                    papers:
                      - name: AnyGPT
                        title: AnyGPT
                        url: https://arxiv.org/abs/2402.12226
                        code: OpenMOSS/AnyGPT
                        submitted: 2024-02
                        notes:
                          - {label: "HTML", url: "https://example.org/n"}
                        extra:
                          "As written": "### AnyGPT\\n* **paper**: [AnyGPT](https://arxiv.org/abs/2402.12226)\\n  [![Star](https://img.shields.io/github/stars/OpenMOSS/AnyGPT?style=social)](https://github.com/OpenMOSS/AnyGPT)\\n* **Submission Date:**   2024-02\\n* **Accepted:** None (temporal)\\n* **Personal Note:** [[HTML]](https://example.org/n)"
                      - name: ViLT
                        title: ViLT without a link
                        notes:
                          - {label: "CSDN", url: "https://blog.csdn.net/x"}
                        extra:
                          "Reviewer": someone
                          "As written": "### ViLT\\n- **Paper:** ViLT without a link\\n- **Authors:**\\n- **note**: [[CSDN]](https://blog.csdn.net/x)\\n- **Reviewer:** someone"
                """);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aHeadingOverSubsectionsIsASectionEvenRightAfterAPaperHeadingOnThePageTop() {
        String markdown = """
                # Awesome Attention [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

                A list of papers.

                ## Backbones
                ### Attention Only
                - [Local Attention](https://arxiv.org/abs/1904.11491)

                ## Detection
                ### Object Detection
                - [Detection Transformers](https://arxiv.org/abs/2005.12872)
                """;

        Catalog imported = new ListImporter().read(markdown, "README.md").catalog();

        assertThat(imported.sections()).extracting(s -> s.title()).containsExactly("Backbones", "Detection");
        assertThat(imported.sections().get(0).sections()).extracting(s -> s.title()).containsExactly("Attention Only");
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

    @Test
    void aMalformedReadmeGetsWarningsNotACrash() {
        String longLine = "word ".repeat(1_000_000);
        String markdown = "#### Deep first\n\n<details><summary>open\n\n<div>\n\n# Top\n\n" + longLine + "\n\n"
                + "### Paper A\n- **Paper:** [A](https://example.org/a)\n\n" + "###### Too deep\n\n"
                + "####### not a heading\n\n### Paper B\n- **Paper:** [B](https://example.org/b)\n";

        ListImporter.Result result = new ListImporter().read(markdown, "README.md");

        assertThat(result.catalog().distinctPapers()).hasSize(2);
        assertThat(result.catalog().sections().get(0).text()).hasSizeGreaterThan(4_000_000);
        assertThat(result.warnings()).contains(
                "README.md:11: paper 'Paper A' is a level-3 heading under a level-1 section; it will be rendered at level 2");
    }

    @Test
    void aReadmeWithoutPapersIsAClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "# Hello\n\nJust text.\n");

        CliRun run = CliRun.in(dir, "import", "README.md");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("README.md: found no papers: no heading followed by a field list ('- **Paper:** …'),"
                + " no table with a Title column and no list of linked titles\n");
        assertThat(dir.resolve("papers.yaml")).doesNotExist();
    }

    @Test
    void aNotesCellWithoutLinksIsKeptAsAnExtraField() {
        String markdown = "## Models\n\n| Title | Notes |\n| --- | --- |\n"
                + "| [CLIP](https://arxiv.org/abs/2103.00020) | read with ALIGN |\n"
                + "| [ViLT](https://arxiv.org/abs/2102.03334) | [\\[HTML\\]](https://example.org/vilt) |\n";

        Catalog imported = new ListImporter().read(markdown, "README.md").catalog();

        List<Paper> papers = imported.sections().get(0).papers();
        assertThat(papers.get(0).notes()).isEmpty();
        // Under the column's header, which the Notes column then shows as written.
        assertThat(papers.get(0).extra()).containsExactly(java.util.Map.entry("Notes", "read with ALIGN"));
        assertThat(papers.get(1).notes()).containsExactly(new NoteLink("HTML", "https://example.org/vilt"));
    }

    @Test
    void whatAColumnKeepsAsWrittenRowAfterRowIsSaidOncePerSection() {
        String row = "| [Paper %d](https://arxiv.org/abs/2401.0000%d) | Q%d 2024 | [code](https://github.com/o/r%d), a demo |\n";
        StringBuilder markdown = new StringBuilder("# List\n\n## First\n\n| Title | Date | Code |\n| --- | --- | --- |\n");
        for (int i = 1; i <= 3; i++) {
            markdown.append(String.format(row, i, i, i, i));
        }
        markdown.append("\n## Second\n\n| Title | Date | Code |\n| --- | --- | --- |\n").append(String.format(row, 4, 4, 4, 4));

        ListImporter.Result result = new ListImporter().read(markdown.toString(), "README.md");

        assertThat(result.catalog().distinctPapers()).hasSize(4);
        assertThat(result.warnings()).containsExactly(
                "README.md:7: date 'Q1 2024' and the dates of 2 more rows of the Date column in section 'First' are not"
                        + " dates paperlist reads; kept as an extra field, written as they were",
                "README.md:7: the Code cells of this and 2 more rows of section 'First' hold more than badges; kept as"
                        + " written in the extra field 'Code', which the column writes",
                "README.md:15: date 'Q4 2024' is not a date paperlist reads; kept as an extra field",
                "README.md:15: the Code cell holds more than badges; kept as written in the extra field 'Code', which the"
                        + " column writes");
    }

    @Test
    void anEmptyHeaderCellIsHeadedByDefaultWithAWarningSoThatTheCatalogueLoads() {
        String markdown = "# L\n\n## Q\n\n|  | Conference |  |\n| --- | --- | --- |\n"
                + "| [GPTQ](https://arxiv.org/abs/2210.17323) | ICLR 2023 | x |\n";

        ListImporter.Result result = new ListImporter().read(markdown, "README.md");

        assertThat(result.warnings()).containsExactly(
                "README.md:5: column 1 of the table has an empty header cell, which papers.yaml cannot hold; it is"
                        + " headed 'Title'",
                "README.md:5: column 3 of the table has an empty header cell, which papers.yaml cannot hold; it is"
                        + " headed 'Column 3'");
        // What import writes, the loader reads back (an empty header would be refused at its line and column).
        assertThat(CatalogLoader.parse(CatalogWriter.write(result.catalog()), "papers.yaml").settings().tableColumns())
                .extracting(TableColumn::header).containsExactly("Title", "Conference", "Column 3");
    }

    @Test
    void aNoteLinkWithANoBreakSpaceInItsUrlIsKeptAsWrittenWithAWarningSoThatTheCatalogueLoads() {
        // CommonMark takes a no-break space into a link's destination; the catalogue's URLs hold no white space.
        String markdown = "# L\n\n## S\n\n### A\n\n- **Paper:** [A: a paper](https://arxiv.org/abs/2401.00001)\n"
                + "- **Personal Note:** [[Blog]](https://example.org/a\u00A0b)\n";

        ListImporter.Result result = new ListImporter().read(markdown, "README.md");

        assertThat(result.warnings()).containsExactly("README.md:5: paper 'A': the note link 'Blog' links to"
                + " 'https://example.org/a\u00A0b', which holds white space (U+00A0); kept as written in the extra field 'Note'");
        Paper loaded = CatalogLoader.parse(CatalogWriter.write(result.catalog()), "papers.yaml").distinctPapers().get(0);
        assertThat(loaded.notes()).isEmpty();
        assertThat(loaded.extra()).containsEntry("Note", "[[Blog]](https://example.org/a\u00A0b)");
    }
}
