package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Paper;
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
 * Unquoted values that YAML 1.1 would turn into numbers, booleans, infinities, timestamps or sexagesimal
 * numbers are kept as the characters written; only a null ({@code ~}, {@code null}, in any case) is
 * refused, with the field's name. Guard: {@code YamlNode.Scalar} keeps the text, and
 * {@code CatalogBinder.text} refuses nulls.
 */
@DisplayName("unquoted 2402.12220, no, 012, .inf, ~ as values")
class AmbiguousScalarsTest {
    static final String HEAD = UnsafeYamlFeaturesTest.HEAD;
    private static final String CATALOG = """
            sections:
              - title: 012
                papers:
                  - name: 2402.12220
                    title: .inf
                    venue: no
                    arxiv: 2402.12220
                    authors: [012, .inf, -.inf, .NaN, 0x1F, 1e3, +12, 1_000, 0o17, 12:30:00, true, off, yes]
                    tags: [2024-02-19, 1.0, "~"]
                    abstract: 2402.12220
                    submitted: 2024-02
            """;

    @TempDir Path dir;

    @Test
    void keptExactlyAsWrittenFromFileToPage() {
        Workspace w = new Workspace(dir).write("papers.yaml", CATALOG);

        CliRun render = w.run("render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        assertThat(w.read("README.md")).contains("""
                # 012

                ## 2402.12220

                - **Paper:** .inf
                - **Accepted:** no
                - **Submission Date:** 2024-02
                - **Authors:** 012; .inf; -.inf; .NaN; 0x1F; 1e3; +12; 1\\_000; 0o17; 12\\:30:00; true; off; yes
                - **Tags:** 2024-02-19, 1.0, \\~
                - **Abstract:** 2402.12220
                """);
        Paper paper = CatalogLoader.parse(CATALOG, "papers.yaml").sections().get(0).papers().get(0);
        assertThat(paper.arxivId()).hasValueSatisfying(id -> assertThat(id.id()).isEqualTo("2402.12220"));
        assertThat(paper.venue()).isEqualTo("no");
    }

    static Stream<Arguments> nulls() {
        return Stream.of(
                Arguments.of("~ as a venue", HEAD + "        venue: ~\n",
                        "papers.yaml:6:16: 'venue' is null ('~'); write a value, quote it if it is meant as text, or remove the key"),
                Arguments.of("null as a title", "sections:\n  - title: S\n    papers:\n      - name: P\n        title: null\n",
                        "papers.yaml:5:16: 'title' is null ('null'); write a value, quote it if it is meant as text, or remove the key"),
                Arguments.of("NULL as a name", "sections:\n  - title: S\n    papers:\n      - name: NULL\n        title: T\n",
                        "papers.yaml:4:15: 'name' is null ('NULL'); write a value, quote it if it is meant as text, or remove the key"),
                Arguments.of("~ as an author", HEAD + "        authors: [A, ~]\n",
                        "papers.yaml:6:22: an item of 'authors' is null ('~'); write a value, quote it if it is meant as text, or remove the key"),
                Arguments.of("~ as a section title", "sections:\n  - title: ~\n",
                        "papers.yaml:2:12: 'title' is null ('~'); write a value, quote it if it is meant as text, or remove the key"),
                Arguments.of("no as a switch", "settings: {toc: no}\nsections: []\n",
                        "papers.yaml:1:17: 'toc' must be true or false, got 'no'"),
                Arguments.of("012 as a heading level", "settings: {top_heading_level: 012}\nsections: []\n",
                        "papers.yaml:1:31: 'top_heading_level' must be a number from 1 to 6, got '012'"),
                Arguments.of(".inf as a date", HEAD + "        submitted: .inf\n",
                        "papers.yaml:6:20: 'submitted' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got '.inf'"),
                Arguments.of("a number as an arXiv id", HEAD + "        arxiv: 1e3\n",
                        "papers.yaml:6:16: 'arxiv' must be an arXiv id such as 2402.12226 or hep-th/9901001, got '1e3'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nulls")
    void refusedWithTheFieldsName(String name, String yaml, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", yaml);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
    }
}
