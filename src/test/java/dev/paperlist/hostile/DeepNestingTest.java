package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.testing.CliRun;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nesting 2,000 levels deep ends in a depth error at the level where it becomes too deep, never in a
 * StackOverflowError: the YAML tree is read and indexed without recursion, and the README importer
 * reads a deeply nested Markdown list. Guard: {@code YamlReader.MAX_DEPTH}, checked in its loop.
 */
@DisplayName("nesting 2,000 levels deep")
class DeepNestingTest {
    @TempDir Path dir;

    static Stream<Arguments> cases() {
        StringBuilder block = new StringBuilder("sections:\n");
        StringBuilder lists = new StringBuilder("sections:\n");
        for (int i = 0; i < 2000; i++) {
            block.append("  ".repeat(i + 1)).append("a:\n");
        }
        lists.append("- ".repeat(2000)).append("x\n");
        return Stream.of(
                Arguments.of("flow lists", "a: " + "[".repeat(2000) + "]".repeat(2000) + "\n",
                        "papers.yaml:1:43: nesting deeper than 40 levels"),
                Arguments.of("flow mappings", "a: " + "{a: ".repeat(2000) + "b" + "}".repeat(2000) + "\n",
                        "papers.yaml:1:160: nesting deeper than 40 levels"),
                Arguments.of("block mappings", block.toString(),
                        "papers.yaml:41:81: nesting deeper than 40 levels"),
                Arguments.of("block lists on one line", lists.toString(),
                        "papers.yaml:2:79: nesting deeper than 40 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aDepthErrorNotAStackOverflow(String name, String yaml, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", yaml);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
        w.assertRefused(ExitCode.INVALID_INPUT, message, "lint");
    }

    @Test
    void importReadsADeeplyNestedReadme() {
        String deep = "# List\n\n## Section\n\n### Paper\n\n- **Paper:** [Title](https://example.org/p)\n"
                + "> ".repeat(2000) + "quote\n\n" + "- ".repeat(2000) + "item\n\n" + "[".repeat(2000) + "\n";
        Workspace w = new Workspace(dir).write("list.md", deep);

        CliRun run = w.run("import", "list.md");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("papers.yaml: imported 1 papers from list.md\n"
                + "papers.yaml: 1 entry is kept as written, as the layout would write it otherwise\n");
        assertThat(w.run("check", "--readme", "list.md").err()).doesNotContain("StackOverflow").doesNotContain("internal");
    }
}
