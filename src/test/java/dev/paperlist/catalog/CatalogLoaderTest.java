package dev.paperlist.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Loading papers.yaml: what it accepts, and the exact one-line message for each kind of mistake. */
class CatalogLoaderTest {
    private static final String HEAD = "sections:\n  - title: S\n    papers:\n      - name: P\n        title: T\n";

    private static Catalog parse(String yaml) {
        return CatalogLoader.parse(yaml, "papers.yaml");
    }

    private static Paper onlyPaper(String paperLines) {
        return parse(HEAD + paperLines).sections().get(0).papers().get(0);
    }

    static Stream<Arguments> invalidCatalogues() {
        return Stream.of(
                Arguments.of("unknown key with suggestion", HEAD + "        submited: 2024-02-19\n",
                        "papers.yaml:6:9: unknown key 'submited' in a paper (did you mean 'submitted'?)"),
                Arguments.of("unknown root key", "sectons: []\n",
                        "papers.yaml:1:1: unknown key 'sectons' in the catalogue (did you mean 'sections'?)"),
                Arguments.of("missing sections", "settings: {toc: true}\n",
                        "papers.yaml:1:1: missing key 'sections' (the list of top-level sections)"),
                Arguments.of("wrong type", "sections: {title: S}\n",
                        "papers.yaml:1:11: 'sections' must be a list, not a mapping"),
                Arguments.of("title missing", "sections:\n  - title: S\n    papers:\n      - name: P\n",
                        "papers.yaml:4:9: paper 'P' needs 'title'"),
                Arguments.of("bad date", HEAD + "        submitted: 2024/02/19\n",
                        "papers.yaml:6:20: 'submitted' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2024/02/19'"),
                Arguments.of("impossible date", HEAD + "        submitted: 2023-02-29\n",
                        "papers.yaml:6:20: 'submitted' is not a real date: day 29 does not exist in 2023-02"),
                Arguments.of("month 13", HEAD + "        submitted: 2023-13\n",
                        "papers.yaml:6:20: 'submitted' is not a real date: month 13 is out of range"),
                Arguments.of("javascript url", HEAD + "        url: javascript:alert(1)\n",
                        "papers.yaml:6:14: 'url' must be an http:// or https:// URL, got 'javascript:alert(1)'"),
                Arguments.of("data url", HEAD + "        url: \"data:text/html,<b>x</b>\"\n",
                        "papers.yaml:6:14: 'url' must be an http:// or https:// URL, got 'data:text/html,<b>x</b>'"),
                Arguments.of("relative url", HEAD + "        url: notes/p.html\n",
                        "papers.yaml:6:14: 'url' must be an http:// or https:// URL, got 'notes/p.html'"),
                Arguments.of("malformed repo", HEAD + "        code: not a repo\n",
                        "papers.yaml:6:15: 'code' must be a GitHub repository as owner/repo or https://github.com/owner/repo/…, got 'not a repo'"),
                Arguments.of("duplicate key", HEAD + "        title: again\n",
                        "papers.yaml:6:9: duplicate key 'title' (first at line 5)"),
                Arguments.of("anchor", "sections: &s []\n",
                        "papers.yaml:1:11: YAML anchors ('&s') are not supported"),
                Arguments.of("scalar anchor", HEAD + "        venue: &v ICLR\n      - name: Q\n        title: *v\n",
                        "papers.yaml:6:16: YAML anchors ('&v') are not supported"),
                Arguments.of("alias", "sections:\n  - title: S\n    papers: *p\n",
                        "papers.yaml:3:13: YAML aliases ('*p') are not supported; write the value out"),
                Arguments.of("billion laughs", "a: &a [x, x]\nb: &b [*a, *a]\nsections: [*b]\n",
                        "papers.yaml:1:4: YAML anchors ('&a') are not supported"),
                Arguments.of("merge key", "sections:\n  - <<: {title: S}\n",
                        "papers.yaml:2:5: YAML merge keys ('<<') are not supported; write the keys out"),
                Arguments.of("custom tag", HEAD + "        venue: !!javax.script.ScriptEngineManager x\n",
                        "papers.yaml:6:16: YAML tags ('tag:yaml.org,2002:javax.script.ScriptEngineManager') are not supported; quote the value instead"),
                Arguments.of("two documents", "sections: []\n---\nsections: []\n",
                        "papers.yaml:3:1: a second YAML document; papers.yaml must hold exactly one"),
                Arguments.of("empty file", "",
                        "papers.yaml:1:1: the file is empty; a catalogue starts with 'sections:'"),
                Arguments.of("only comments", "# nothing yet\n",
                        "papers.yaml:1:1: the file has only comments; a catalogue starts with 'sections:'"),
                Arguments.of("null value", HEAD + "        venue: ~\n",
                        "papers.yaml:6:16: 'venue' is null ('~'); write a value, quote it if it is meant as text, or remove the key"),
                Arguments.of("tab indentation", "sections:\n\t- title: S\n",
                        "papers.yaml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                Arguments.of("bidi override", HEAD.replace("name: P", "name: \"P\u202Egnp.exe\""),
                        "papers.yaml:4:15: 'name' contains the invisible character U+202E (bidirectional formatting character); remove it"),
                Arguments.of("zero-width space", HEAD.replace("title: T", "title: \"T\u200Bx\""),
                        "papers.yaml:5:16: 'title' contains the invisible character U+200B (zero-width character); remove it"),
                Arguments.of("same heading twice", HEAD + "      - name: p\n        title: T2\n",
                        "papers.yaml:6:9: 'p' is listed twice in section 'S' (the same heading as 'P' at line 4)"),
                Arguments.of("same arXiv id in two forms",
                        HEAD + "        url: https://arxiv.org/abs/2402.12226\n      - name: Q\n        title: T\n"
                                + "        url: https://arxiv.org/pdf/2402.12226v2\n",
                        "papers.yaml:7:9: 'Q' is listed twice in section 'S' (the same arXiv id 2402.12226 as 'P' at line 4)"),
                Arguments.of("same url", HEAD + "        url: https://example.org/p\n      - name: Q\n        title: T\n"
                                + "        url: https://www.example.org/p/\n",
                        "papers.yaml:7:9: 'Q' is listed twice in section 'S' (the same url as 'P' at line 4)"),
                Arguments.of("unknown ref", HEAD + "      - ref: Pp\n",
                        "papers.yaml:6:14: 'ref: Pp' matches no paper id or name (did you mean 'P'?)"),
                Arguments.of("ref twice in one section", HEAD + "      - ref: P\n",
                        "papers.yaml:6:14: 'P' is listed twice in section 'S' (the same heading as 'P' at line 4)"),
                Arguments.of("ref with extra key", HEAD + "      - ref: P\n        name: X\n",
                        "papers.yaml:7:9: unknown key 'name' in a paper reference"),
                Arguments.of("unknown badge kind", HEAD + "        badges: [{kind: projekt, url: \"https://x.org\"}]\n",
                        "papers.yaml:6:25: unknown badge kind 'projekt' (did you mean 'project'?); known kinds: project, zhihu, blog, custom"),
                Arguments.of("blog badge without label", HEAD + "        badges: [{kind: blog, url: \"https://x.org\"}]\n",
                        "papers.yaml:6:18: a 'blog' badge needs 'label'"),
                Arguments.of("six levels of sections",
                        "sections:\n- title: a\n  sections:\n  - title: b\n    sections:\n    - title: c\n      sections:\n"
                                + "      - title: d\n        sections:\n        - title: e\n          sections:\n"
                                + "          - title: f\n",
                        "papers.yaml:12:13: section 'f' is nested 6 levels deep; at most 5 levels are allowed"),
                Arguments.of("heading level too deep",
                        "settings: {top_heading_level: 3}\nsections:\n- title: a\n  sections:\n  - title: b\n"
                                + "    sections:\n    - title: c\n      sections:\n      - title: d\n",
                        "papers.yaml:9:9: section 'd' is too deep for Markdown headings: its papers would need level 7 (lower 'top_heading_level' or the nesting)"),
                Arguments.of("toc not boolean", "settings: {toc: yes}\nsections: []\n",
                        "papers.yaml:1:17: 'toc' must be true or false, got 'yes'"),
                Arguments.of("deep nesting", "a: " + "[".repeat(2000) + "]".repeat(2000) + "\n",
                        "papers.yaml:1:43: nesting deeper than 40 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogues")
    void rejectsWithOneLineMessageAndExitCode3(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PaperlistException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((PaperlistException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
    }

    @Test
    void keepsScalarsAsTheTextWritten() {
        Paper p = onlyPaper("        venue: no\n        authors: [012, .inf, 2402.12220, true]\n        tags: yes\n");
        assertThat(p.venue()).isEqualTo("no");
        assertThat(p.authors()).containsExactly("012", ".inf", "2402.12220", "true");
        assertThat(p.tags()).containsExactly("yes");
    }

    @Test
    void acceptsAllThreeDatePrecisionsAndPrintsThemAsGiven() {
        assertThat(onlyPaper("        submitted: 2024\n").submitted()).hasToString("2024");
        assertThat(onlyPaper("        submitted: 2024-02\n").submitted()).hasToString("2024-02");
        assertThat(onlyPaper("        submitted: 2024-02-19\n").submitted()).hasToString("2024-02-19");
    }

    @Test
    void readsRepositoriesAsOwnerRepoOrGithubUrls() {
        Paper tree = onlyPaper("        code: microsoft/unilm/tree/master/kosmos-g\n");
        assertThat(tree.code().slug()).isEqualTo("microsoft/unilm");
        assertThat(tree.code().link()).isEqualTo("https://github.com/microsoft/unilm/tree/master/kosmos-g");
        Paper url = onlyPaper("        code: https://github.com/OpenMOSS/AnyGPT.git\n");
        assertThat(url.code().slug()).isEqualTo("OpenMOSS/AnyGPT");
    }

    @Test
    void foldsWhiteSpaceInText() {
        Paper p = onlyPaper("        abstract: |\n          line one\n            line two\n\n          para\n");
        assertThat(p.abstractText()).isEqualTo("line one line two para");
    }

    @Test
    void crossListedPaperIsOneInstanceInBothSections() {
        Catalog c = parse("sections:\n  - title: A\n    papers:\n      - {name: P, id: p, title: T}\n"
                + "  - title: B\n    papers:\n      - ref: p\n");
        assertThat(c.sections().get(1).papers().get(0)).isSameAs(c.sections().get(0).papers().get(0));
        assertThat(c.distinctPapers()).hasSize(1);
    }

    @Test
    void acceptsAByteOrderMarkAndCrlfLineEndings() {
        Catalog c = parse(("sections:\n  - title: S\n    papers:\n      - {name: P, title: T}\n").replace("\n", "\r\n"));
        assertThat(c.sections().get(0).papers().get(0).title()).isEqualTo("T");
    }

    @Test
    void loadsCataloguesFarBeyondSnakeYamlsDefaultLimit() {
        StringBuilder yaml = new StringBuilder("sections:\n  - title: Big\n    papers:\n");
        String abstractText = "多模态".repeat(400);
        for (int i = 0; yaml.length() < 4_000_000; i++) {
            yaml.append("      - name: P").append(i).append("\n        title: T").append(i)
                    .append("\n        abstract: ").append(abstractText).append('\n');
        }
        assertThat(parse(yaml.toString()).sections().get(0).papers()).hasSizeGreaterThan(1000);
    }
}
