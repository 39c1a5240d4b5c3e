package dev.paperlist.hostile;

import dev.paperlist.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key written twice, or the same paper twice in a section however its link is spelt, is an error at
 * the second one that names the line of the first. Guards: the duplicate-key check in
 * {@code YamlReader}, and {@code CatalogBinder}'s per-section check by heading, URL and arXiv id.
 */
@DisplayName("duplicate keys and the same paper in two forms")
class DuplicateKeysAndPapersTest {
    static final String HEAD = UnsafeYamlFeaturesTest.HEAD;

    @TempDir Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a paper's key twice", HEAD + "        title: again\n",
                        "papers.yaml:6:9: duplicate key 'title' (first at line 5)"),
                Arguments.of("a top-level key twice", HEAD + "sections: []\n",
                        "papers.yaml:6:1: duplicate key 'sections' (first at line 1)"),
                Arguments.of("a key twice in a flow mapping", "sections: [{title: S, title: S}]\n",
                        "papers.yaml:1:23: duplicate key 'title' (first at line 1)"),
                Arguments.of("abs and pdf with a version",
                        HEAD + "        url: https://arxiv.org/abs/2402.12226\n      - name: Q\n        title: T\n"
                                + "        url: https://arxiv.org/pdf/2402.12226v2\n",
                        "papers.yaml:7:9: 'Q' is listed twice in section 'S' (the same arXiv id 2402.12226 as 'P' at line 4)"),
                Arguments.of("a bare arXiv id and a pdf link",
                        HEAD + "        arxiv: 2402.12226\n      - name: Q\n        title: T\n"
                                + "        url: https://arxiv.org/pdf/2402.12226v2\n",
                        "papers.yaml:7:9: 'Q' is listed twice in section 'S' (the same arXiv id 2402.12226 as 'P' at line 4)"),
                Arguments.of("http, www and a trailing slash",
                        HEAD + "        url: http://arxiv.org/abs/2402.12226v1\n      - name: Q\n        title: T\n"
                                + "        url: https://www.arxiv.org/abs/2402.12226/\n",
                        "papers.yaml:7:9: 'Q' is listed twice in section 'S' (the same arXiv id 2402.12226 as 'P' at line 4)"),
                Arguments.of("the same url", HEAD + "        url: https://example.org/p\n      - name: Q\n        title: T\n"
                                + "        url: https://www.example.org/p/\n",
                        "papers.yaml:7:9: 'Q' is listed twice in section 'S' (the same url as 'P' at line 4)"),
                Arguments.of("the same heading", HEAD + "      - name: p\n        title: T2\n",
                        "papers.yaml:6:9: 'p' is listed twice in section 'S' (the same heading as 'P' at line 4)"),
                Arguments.of("a ref to a paper already there", HEAD + "      - ref: P\n",
                        "papers.yaml:6:14: 'P' is listed twice in section 'S' (the same heading as 'P' at line 4)"),
                Arguments.of("one id for two papers",
                        "sections:\n  - title: A\n    papers:\n      - {name: P, id: p, title: T}\n"
                                + "  - title: B\n    papers:\n      - {name: Q, id: p, title: T}\n",
                        "papers.yaml:7:9: paper id 'p' is already used at line 4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedAtTheSecondNamingTheFirst(String name, String yaml, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", yaml);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
    }

    @org.junit.jupiter.api.Test
    void importReadsAnExactDuplicateOnceAndSaysWhereBothAre() {
        Workspace w = new Workspace(dir).write("README.md", "# List\n\n## Vision\n\n### CLIP\n\n"
                + "- **Paper:** [Learning Transferable Visual Models](https://arxiv.org/abs/2103.00020)\n\n### CLIP\n\n"
                + "- **Paper:** [Learning Transferable Visual Models](https://arxiv.org/pdf/2103.00020v3)\n");
        var run = w.run("import", "README.md");
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isZero();
        org.assertj.core.api.Assertions.assertThat(run.err()).isEqualTo("README.md:9: 'CLIP' is listed twice in section"
                + " 'Vision' (the same title and link as at line 5); imported once\n");
        org.assertj.core.api.Assertions.assertThat(run.out()).contains("imported 1 papers");
    }

    @org.junit.jupiter.api.Test
    void papersThatShareALinkUnderOtherTitlesStayTwoPapers() {
        Workspace w = new Workspace(dir).write("README.md", "# List\n\n## Data\n\n| Title | Venue |\n| --- | --- |\n"
                + "| [MSRVTT-QA](https://example.org/msrvtt) | MM |\n| [MSRVTT-QA](https://example.org/msrvtt) | MM |\n"
                + "| [MSVD-QA](https://example.org/msrvtt) | MM |\n");
        var run = w.run("import", "README.md", "--write-markers");
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isZero();
        org.assertj.core.api.Assertions.assertThat(run.err()).isEqualTo("README.md:8: 'MSRVTT-QA' is listed twice in"
                + " section 'Data' (the same title and link as at line 7); the catalogue holds it once, listed at both places\n");
        org.assertj.core.api.Assertions.assertThat(run.out()).contains("imported 2 papers");
        org.assertj.core.api.Assertions.assertThat(w.run("check").exitCode()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aListOrTableListMayListAPaperTwiceInASectionWithARef() {
        for (String layout : List.of("list", "table")) {
            Workspace w = Workspace.rendered(dir).write("papers.yaml", "settings: {layout: " + layout + "}\n" + HEAD
                    + "        url: https://example.org/p\n      - text: \"**Again**\"\n      - ref: P\n");
            var run = w.run("render");
            org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isZero();
            String readme = w.read("README.md");
            org.assertj.core.api.Assertions.assertThat(readme.indexOf("https://example.org/p"))
                    .isLessThan(readme.indexOf("**Again**"));
            org.assertj.core.api.Assertions.assertThat(readme.lastIndexOf("https://example.org/p"))
                    .isGreaterThan(readme.indexOf("**Again**"));
        }
    }

    @org.junit.jupiter.api.Test
    void aTableListMayNameTwoPapersAlike() {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", "settings: {layout: table}\n" + HEAD
                + "        url: https://example.org/p\n      - name: P\n        title: T2\n        url: https://example.org/p\n");
        org.assertj.core.api.Assertions.assertThat(w.run("render").exitCode()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aListOrTableListMayListOnePaperTwiceWrittenOtherwiseButNotTheSameEntryTwice() {
        String entry = "        url: https://example.org/p\n        venue: MM\n";
        for (String layout : List.of("list", "table")) {
            Workspace w = Workspace.rendered(dir).write("papers.yaml", "settings: {layout: " + layout + "}\n" + HEAD
                    + entry + "      - name: Q\n        title: T\n" + entry);
            var run = w.run("render");
            org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isZero();

            w.write("papers.yaml", "settings: {layout: " + layout + "}\n" + HEAD + entry + "      - name: P\n        title: T\n"
                    + entry);
            w.assertRefused(ExitCode.INVALID_INPUT,
                    "papers.yaml:9:9: 'P' is listed twice in section 'S' (the same url as 'P' at line 5)", "render");
        }
    }
}
