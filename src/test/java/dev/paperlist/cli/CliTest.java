package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, through the same factory as main. */
class CliTest {
    private static final String CATALOG = """
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    code: OpenMOSS/AnyGPT
            """;

    @TempDir Path dir;

    @BeforeEach
    void catalogue() throws IOException {
        write("papers.yaml", CATALOG);
    }

    @Test
    void renderCreatesAMissingReadmeAndCheckThenPasses() throws IOException {
        CliRun render = CliRun.in(dir, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        assertThat(render.out()).isEqualTo("README.md: rendered\n");
        assertThat(read("README.md")).contains("## AnyGPT\n").contains("OpenMOSS/AnyGPT.svg?style=social");

        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void renderDoesNotTouchAnUpToDateFile() throws IOException {
        CliRun.in(dir, "render");
        Path readme = dir.resolve("README.md");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(readme, old);

        CliRun again = CliRun.in(dir, "render");

        assertThat(again.out()).isEqualTo("README.md: up to date\n");
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(old);
    }

    @Test
    void checkOnAStaleReadmeExits1WithADiffAndWritesNothing() throws IOException {
        CliRun.in(dir, "render");
        write("papers.yaml", CATALOG.replace("AnyGPT: Unified", "AnyGPT: A Unified"));
        String before = read("README.md");

        CliRun check = CliRun.in(dir, "check");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).startsWith("--- README.md\n+++ README.md (rendered)\n@@ ")
                .contains("\n-- **Paper:** [AnyGPT: Unified Multimodal LLM]")
                .contains("\n+- **Paper:** [AnyGPT: A Unified Multimodal LLM]");
        assertThat(check.err()).isEqualTo("README.md is out of date with papers.yaml; run: paperlist render\n");
        assertThat(read("README.md")).isEqualTo(before);
    }

    @Test
    void checkWithoutAReadmeExits1() {
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).isEqualTo("README.md does not exist; run: paperlist render\n");
        assertThat(dir.resolve("README.md")).doesNotExist();
    }

    @Test
    void anInvalidCatalogueIsOneLineExit3AndNoStackTrace() throws IOException {
        write("papers.yaml", CATALOG.replace("title: \"AnyGPT", "titel: \"AnyGPT"));
        CliRun run = CliRun.in(dir, "render");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo(
                "papers.yaml:5:9: unknown key 'titel' in a paper (did you mean 'title'?)\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("README.md")).doesNotExist();
    }

    @Test
    void anUnknownSectionLayoutIsOneLineExit3() throws IOException {
        write("papers.yaml", CATALOG.replaceFirst("\n    papers:\n", "\n    layout: tables\n    papers:\n"));
        CliRun run = CliRun.in(dir, "render");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("papers.yaml:3:13: 'layout' of section 'Multimodal' must be one of"
                + " list, table, got 'tables' (did you mean 'table'?)\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("README.md")).doesNotExist();
    }

    @Test
    void stacktraceOptionAddsTheStackTrace() throws IOException {
        write("papers.yaml", "sections: {}\n");
        CliRun run = CliRun.in(dir, "check", "--stacktrace");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("papers.yaml:1:11: 'sections' must be a list, not a mapping\n")
                .contains("dev.paperlist.PaperlistException").contains("\tat ");
    }

    @Test
    void optionsNameOtherFiles() throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        Files.move(dir.resolve("papers.yaml"), dir.resolve("lists/vision.yaml"));
        CliRun run = CliRun.in(dir, "render", "--catalog", "lists/vision.yaml", "--readme", "VISION.md");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(read("VISION.md")).startsWith("<!-- paperlist:start: generated from vision.yaml.");
    }

    @Test
    void missingCatalogueIsAnIoError() throws IOException {
        Files.delete(dir.resolve("papers.yaml"));
        CliRun run = CliRun.in(dir, "check");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).isEqualTo("papers.yaml: no such file\n");
    }

    @Test
    void oneCatalogueRendersSeveralOutputsAndCheckCoversThemAll() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        write("papers.yaml", "settings:\n  outputs:\n    - {file: README.md, layout: table}\n"
                + "    - {file: docs/NOTES.md, layout: notes}\n" + CATALOG);

        CliRun render = CliRun.in(dir, "render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        assertThat(render.out()).isEqualTo("README.md: rendered\ndocs/NOTES.md: rendered\n");
        assertThat(read("README.md")).contains("| Title | Venue | Date | Code | Supplement |");
        assertThat(read("docs/NOTES.md")).contains("## AnyGPT\n\n- **Paper:**");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();

        write("docs/NOTES.md", read("docs/NOTES.md").replace("**Paper:**", "**Paper**"));
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).startsWith("README.md: up to date\n--- docs/NOTES.md\n");
        assertThat(check.err()).isEqualTo("docs/NOTES.md is out of date with papers.yaml; run: paperlist render\n");
    }

    @Test
    void helpAndVersionBehaveAsPicocliUsersExpect() {
        CliRun help = CliRun.in(dir, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: paperlist").contains("render").contains("check").contains("Exit codes:");
        CliRun renderHelp = CliRun.in(dir, "render", "--help");
        assertThat(renderHelp.out()).contains("Usage: paperlist render").contains("--catalog=FILE").contains("Examples:");
        CliRun version = CliRun.in(dir, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("paperlist \\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExit2() {
        CliRun run = CliRun.in(dir, "render", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("paperlist: Unknown option: '--bogus'\n")
                .endsWith("Try 'paperlist render --help' for more information.\n");
        CliRun typo = CliRun.in(dir, "rendr");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("render");
    }

    @Test
    void anUnknownCommandOrOptionWithHelpIsAUsageErrorToo() {
        CliRun command = CliRun.in(dir, "rendr", "--help");
        assertThat(command.exitCode()).as(command.toString()).isEqualTo(2);
        assertThat(command.out()).isEmpty();
        assertThat(command.err()).startsWith("paperlist: Unmatched argument at index 0: 'rendr'\n")
                .contains("Did you mean: paperlist render")
                .endsWith("Try 'paperlist --help' for more information.\n");
        CliRun option = CliRun.in(dir, "render", "--bogus", "--help");
        assertThat(option.exitCode()).as(option.toString()).isEqualTo(2);
        assertThat(option.err()).contains("'--bogus'").endsWith("Try 'paperlist render --help' for more information.\n");
        assertThat(CliRun.in(dir, "render", "--help").exitCode()).isZero();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
