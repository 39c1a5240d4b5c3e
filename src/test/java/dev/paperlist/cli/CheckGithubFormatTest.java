package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --format github} annotations and {@code render --exit-code}, the two modes CI tools rely on. */
class CheckGithubFormatTest {
    private static final String CATALOG = """
            sections:
              - title: Vision
                papers:
                  - name: CLIP
                    title: Learning Transferable Visual Models
                    url: https://arxiv.org/abs/2103.00020
                  - name: ViLT
                    title: Vision-and-Language Transformer
                    url: https://arxiv.org/abs/2102.03334
            """;

    @TempDir Path dir;

    @BeforeEach
    void renderedList() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# My list\n\nIntro.\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        Files.writeString(dir.resolve("papers.yaml"), CATALOG);
        assertThat(CliRun.in(dir, "render").exitCode()).isZero();
    }

    @Test
    void eachDifferingStretchGetsAnErrorAnnotationAtItsFirstLine() throws IOException {
        List<String> readme = Files.readAllLines(dir.resolve("README.md"));
        int clipTitle = readme.indexOf("- **Paper:** [Learning Transferable Visual Models](https://arxiv.org/abs/2103.00020)") + 1;
        int vilt = readme.indexOf("- **Paper:** [Vision-and-Language Transformer](https://arxiv.org/abs/2102.03334)") + 1;
        assertThat(clipTitle).isPositive();
        assertThat(vilt).isGreaterThan(clipTitle + 1);
        Files.writeString(dir.resolve("papers.yaml"), CATALOG.replace("Learning Transferable", "Learning Portable")
                .replace("Vision-and-Language Transformer", "ViLT, a Vision-and-Language Transformer"));

        CliRun check = CliRun.in(dir, "check", "--format", "github");

        assertThat(check.exitCode()).isEqualTo(1);
        String message = "README.md is out of date with papers.yaml; run: paperlist render";
        assertThat(check.out()).startsWith(
                "::error file=README.md,line=" + clipTitle + ",title=paperlist check::" + message + "\n"
                + "::error file=README.md,line=" + vilt + ",title=paperlist check::" + message + "\n"
                + "--- README.md\n+++ README.md (rendered)\n");
        assertThat(check.err()).isEqualTo(message + "\n");
    }

    @Test
    void annotationPathsAreRelativeToTheWorkspaceAndPropertiesAreEscaped() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("lists, old"));
        Files.move(dir.resolve("README.md"), sub.resolve("README.md"));
        Files.move(dir.resolve("papers.yaml"), sub.resolve("papers.yaml"));
        Files.writeString(sub.resolve("papers.yaml"), CATALOG.replace("CLIP", "CLIP2"));

        CliRun check = CliRun.in(sub, Map.of("GITHUB_WORKSPACE", dir.toString()), "check", "--format", "github");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).startsWith("::error file=lists%2C old/README.md,line=");
    }

    @Test
    void aMissingReadmeIsAnnotatedAsAWholeFile() throws IOException {
        Files.delete(dir.resolve("README.md"));
        CliRun check = CliRun.in(dir, "check", "--format", "github");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).startsWith("::error file=README.md,title=paperlist check::README.md does not exist; "
                + "run: paperlist render\n");
    }

    @Test
    void inSyncPrintsNoAnnotation() {
        CliRun check = CliRun.in(dir, "check", "--format", "github");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
    }

    @Test
    void renderWithExitCodeFailsOnlyWhenItRewroteAFile() throws IOException {
        CliRun unchanged = CliRun.in(dir, "render", "--exit-code");
        assertThat(unchanged.exitCode()).isZero();
        assertThat(unchanged.out()).isEqualTo("README.md: up to date\n");

        Files.writeString(dir.resolve("papers.yaml"), CATALOG.replace("CLIP", "CLIP2"));
        CliRun rewrote = CliRun.in(dir, "render", "--exit-code");
        assertThat(rewrote.exitCode()).isEqualTo(1);
        assertThat(rewrote.out()).isEqualTo("README.md: rendered\n");
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).contains("## CLIP2\n");
        assertThat(CliRun.in(dir, "check").exitCode()).isZero();
    }

    @Test
    void escapingKeepsAMessageOnOneLineAndPropertiesIntact() {
        assertThat(GitHubAnnotations.line("warning", "a,b:c.yaml", 3, 7, "rule", "50% done\nnext"))
                .isEqualTo("::warning file=a%2Cb%3Ac.yaml,line=3,col=7,title=rule::50%25 done%0Anext");
    }
}
