package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tag pages, section pages, the site and the exports through the command line. */
class PagesCliTest {
    private static final String CATALOG = """
            settings:
              tag_pages: true
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    topics: [NLP, Efficiency/SpeedUp]
                  - name: CLIP
                    title: Learning Transferable Visual Models From Natural Language Supervision
                    venue: ICML 2021
                    topics: [ComputerVision]
            """;

    @TempDir Path dir;

    @BeforeEach
    void catalogue() throws IOException {
        write("papers.yaml", CATALOG);
    }

    @Test
    void renderWritesTheTagPagesAndCheckCoversThem() throws IOException {
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        assertThat(render.out()).isEqualTo("""
                README.md: rendered
                tags/README.md: rendered
                tags/ComputerVision.md: rendered
                tags/Efficiency-SpeedUp-8cdf828a.md: rendered
                tags/NLP.md: rendered
                """);
        assertThat(read("tags/NLP.md")).contains("# NLP\n", "[\\#Efficiency/SpeedUp](Efficiency-SpeedUp-8cdf828a.md)");

        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out().lines()).hasSize(5).allMatch(l -> l.endsWith(": up to date"));
    }

    @Test
    void aHandEditedTagPageIsStaleAndRenderRestoresIt() throws IOException {
        CliRun.in(dir, "render");
        write("tags/NLP.md", read("tags/NLP.md").replace("AnyGPT", "AnyGPT (edited)"));

        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("--- tags/NLP.md", "-### [AnyGPT (edited): Unified Multimodal LLM]");
        assertThat(check.err()).isEqualTo("tags/NLP.md is out of date with papers.yaml; run: paperlist render\n");
        assertThat(CliRun.in(dir, "render").out()).contains("tags/NLP.md: rendered\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
    }

    @Test
    void aTopicNoPaperHasAnyMoreLeavesAnOrphanThatCheckReportsAndRenderRemoves() throws IOException {
        CliRun.in(dir, "render");
        write("papers.yaml", CATALOG.replace("topics: [ComputerVision]", "topics: [NLP]"));

        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("tags/ComputerVision.md is orphaned: papers.yaml no longer produces it;"
                + " run: paperlist render\n");
        assertThat(Files.exists(dir.resolve("tags/ComputerVision.md"))).as("check writes nothing").isTrue();

        CliRun render = CliRun.in(dir, "render");
        assertThat(render.out()).contains("tags/ComputerVision.md: removed (paperlist no longer produces it)\n");
        assertThat(dir.resolve("tags/ComputerVision.md")).doesNotExist();
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
    }

    @Test
    void filesPaperlistDidNotWriteAreLeftAloneAndOneInTheWayStopsTheRun() throws IOException {
        write("tags/NOTES.md", "# My notes about topics\n");
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).isZero();
        assertThat(read("tags/NOTES.md")).isEqualTo("# My notes about topics\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();

        write("tags/NLP.md", "# NLP, by hand\n");
        Files.delete(dir.resolve("README.md"));
        CliRun refused = CliRun.in(dir, "render");
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).isEqualTo("tags/NLP.md: exists and was not written by paperlist; move it away or"
                + " choose another folder, and nothing was written\n");
        assertThat(dir.resolve("README.md")).as("nothing was written").doesNotExist();
        assertThat(read("tags/NLP.md")).isEqualTo("# NLP, by hand\n");
    }

    @Test
    void anOutputThatIsAlsoATagPageIsRefused() throws IOException {
        write("papers.yaml", CATALOG.replace("  tag_pages: true\n", "  tag_pages: true\n  outputs: [{file: tags/NLP.md}]\n"));
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).isEqualTo(3);
        assertThat(render.err()).startsWith("papers.yaml: tags/NLP.md would be written twice");
        assertThat(dir.resolve("tags")).doesNotExist();
    }

    @Test
    void renderWarnsAnOutputNearItsSizeBudgetAndSplitsOneOverIt() throws IOException {
        // The README is 483 bytes.
        write("papers.yaml", CATALOG.replace("  tag_pages: true\n", "  size_budget: 500\n"));
        CliRun near = CliRun.in(dir, "render");
        assertThat(near.exitCode()).isZero();
        assertThat(near.err()).isEqualTo("README.md: warning: 0.5 KB is 96% of its size budget of 0.5 KB (GitHub"
                + " shows no README past 512 KB); set 'split_sections: true' to move whole sections onto pages of their"
                + " own, or raise 'size_budget'\n");
        write("papers.yaml", CATALOG.replace("  tag_pages: true\n", "  size_budget: 600\n"));
        assertThat(CliRun.in(dir, "render").err()).isEmpty();

        write("papers.yaml", CATALOG.replace("  tag_pages: true\n", "  size_budget: 400\n  split_sections: true\n"));
        CliRun split = CliRun.in(dir, "render");
        assertThat(split.out()).isEqualTo("README.md: rendered\nsections/Multimodal.md: rendered\n");
        assertThat(read("README.md")).contains("- [Multimodal](sections/Multimodal.md)\n",
                "This section's 2 papers are on [a page of its own](sections/Multimodal.md).\n");
        assertThat(read("sections/Multimodal.md")).contains("[← The whole list](../README.md#multimodal)", "## AnyGPT");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();

        // Once the README fits again, the section page is an orphan that render removes.
        write("papers.yaml", CATALOG.replace("  tag_pages: true\n", "  split_sections: true\n"));
        assertThat(CliRun.in(dir, "check").err()).contains("sections/Multimodal.md is orphaned");
        assertThat(CliRun.in(dir, "render").out()).contains("sections/Multimodal.md: removed");
        assertThat(dir.resolve("sections/Multimodal.md")).doesNotExist();
    }

    @Test
    void siteWritesItsPagesAndTellsWhatItDid() throws IOException {
        CliRun site = CliRun.in(dir, "site", "--output", "public/");
        assertThat(site.exitCode()).as(site.toString()).isZero();
        assertThat(site.out()).isEqualTo("public/: 5 written, 0 unchanged, 0 removed\n");
        assertThat(read("public/index.html")).startsWith("<!DOCTYPE html>").contains("<title>Paper list</title>");
        assertThat(CliRun.in(dir, "site", "--output", "public").out()).isEqualTo("public/: 0 written, 5 unchanged, 0 removed\n");

        write("other/index.html", "<p>my page</p>");
        CliRun refused = CliRun.in(dir, "site", "--output", "other");
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).isEqualTo("other/index.html: exists and was not written by paperlist; choose another"
                + " --output folder, and nothing was written\n");
    }

    @Test
    void exportWritesEachFormatToStandardOutputOrAFile() throws IOException {
        CliRun bib = CliRun.in(dir, "export", "--format", "bibtex");
        assertThat(bib.exitCode()).as(bib.toString()).isZero();
        assertThat(bib.out()).startsWith("@misc{anygpt,\n").contains("@inproceedings{learning2021,\n",
                "  booktitle = {ICML 2021},\n", "  eprint = {2402.12226},\n  archivePrefix = {arXiv},\n");
        assertThat(CliRun.in(dir, "export", "--format", "json").out()).startsWith("{\n  \"papers\": [\n");

        CliRun csv = CliRun.in(dir, "export", "-f", "csv", "--output", "out/papers.csv");
        assertThat(csv.out()).isEqualTo("out/papers.csv: exported 2 papers as csv\n");
        assertThat(read("out/papers.csv")).startsWith("key,name,title,").contains("\r\n");

        CliRun wrong = CliRun.in(dir, "export", "--format", "ris");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Invalid value for option '--format'", "bibtex, json, csv");
    }

    private void write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
