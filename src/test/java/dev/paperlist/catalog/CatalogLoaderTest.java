package dev.paperlist.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Part;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Loading papers.yaml: what it accepts, and the exact one-line message for each kind of mistake. The
 * hostile cases (YAML features, depth, duplicates, nulls, encodings, invisible characters, URLs) are in
 * {@code dev.paperlist.hostile}, one class per group of issue 6, run through the CLI.
 */
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
                Arguments.of("malformed repo", HEAD + "        code: not a repo\n",
                        "papers.yaml:6:15: 'code' must be a GitHub repository as owner/repo or https://github.com/owner/repo/…, got 'not a repo'"),
                Arguments.of("unknown ref", HEAD + "      - ref: Pp\n",
                        "papers.yaml:6:14: 'ref: Pp' matches no paper id or name (did you mean 'P'?)"),
                Arguments.of("ref with extra key", HEAD + "      - ref: P\n        name: X\n",
                        "papers.yaml:7:9: unknown key 'name' in a paper reference"),
                Arguments.of("text between papers with another key", HEAD + "      - text: \"**A**\"\n        url: x\n",
                        "papers.yaml:7:9: unknown key 'url' in a text between papers"),
                Arguments.of("an item that opens a code fence", HEAD + "      - item: \"- a\\n\\n```\"\n",
                        "papers.yaml:6:15: 'item' opens a block it does not close (a code fence, an HTML comment or an HTML block"
                                + " such as <pre> or <script>), which would swallow the rest of the page; close it"),
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
                Arguments.of("heading level above its parent's",
                        "sections:\n- title: a\n  heading_level: 2\n  sections:\n  - title: b\n    heading_level: 2\n",
                        "papers.yaml:6:20: 'heading_level' of section 'b' must be a number from 3 (below its parent's heading)"
                                + " to 6, got '2'"),
                Arguments.of("heading level leaving no level for papers",
                        "sections:\n- title: a\n  heading_level: 6\n",
                        "papers.yaml:2:3: section 'a' is too deep for Markdown headings: its papers would need level 7"
                                + " (lower its 'heading_level')"),
                Arguments.of("unknown section layout",
                        "sections:\n- title: a\n  layout: tabel\n",
                        "papers.yaml:3:11: 'layout' of section 'a' must be one of list, table, got 'tabel' (did you mean 'table'?)"),
                Arguments.of("notes layout for one section",
                        "settings: {layout: list}\nsections:\n- title: a\n  layout: notes\n",
                        "papers.yaml:4:11: 'layout' of section 'a' must be one of list, table, got 'notes' (the notes layout"
                                + " heads each paper, which only a whole output can: set it in 'settings' or 'outputs')"),
                Arguments.of("unknown section key near layout",
                        "sections:\n- title: a\n  layot: table\n",
                        "papers.yaml:3:3: unknown key 'layot' in a section (did you mean 'layout'?)"),
                Arguments.of("toc not boolean", "settings: {toc: yes}\nsections: []\n",
                        "papers.yaml:1:17: 'toc' must be true or false, got 'yes'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogues")
    void rejectsWithOneLineMessageAndExitCode3(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PaperlistException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((PaperlistException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                // The place is a value too, for tools that must not parse it back out of the sentence.
                .satisfies(e -> assertThat(((PaperlistException) e).diagnostic()).hasValueSatisfying(d -> {
                    assertThat(d.file()).isEqualTo("papers.yaml");
                    assertThat(d).hasToString(message);
                    assertThat(message).startsWith("papers.yaml:" + d.line() + ":" + d.column() + ": " + d.message());
                }));
    }

    @ParameterizedTest(name = "emoji at offset {0}")
    @ValueSource(ints = {1021, 1022, 1023, 1024, 1025, 2047, 2048})
    void anEmojiAcrossTheYamlParsersReadBufferLoads(int offset) {
        // SnakeYAML 2.3 failed when the two halves of a character outside the BMP sat on either side of
        // its 1,024-character buffer; any list with emoji could hit it.
        String head = "sections:\n  - title: \"";
        String yaml = head + "x".repeat(offset - head.length()) + "\uD83E\uDD17 y\"\n";

        assertThat(parse(yaml).sections().get(0).title()).endsWith("\uD83E\uDD17 y");
    }

    @Test
    void aSectionHeadingLevelOtherThanTheNaturalOneIsKeptAndWrittenBack() {
        String yaml = "settings:\n  top_heading_level: 2\nsections:\n  - title: a\n    sections:\n      - title: b\n        heading_level: 4\n"
                + "      - title: c\n        heading_level: 3\n";

        Section a = parse(yaml).sections().get(0);

        assertThat(a.headingLevel()).isZero();
        assertThat(a.sections().get(0).headingLevel()).isEqualTo(4);
        // The natural level (under a level-2 top section) is not a level of its own.
        assertThat(a.sections().get(1).headingLevel()).isZero();
        assertThat(CatalogWriter.write(parse(yaml))).contains("      - title: b\n        heading_level: 4\n")
                .doesNotContain("heading_level: 3");
    }

    @Test
    void aSectionLayoutIsKeptAndWrittenBackWhileItsSubsectionsKeepTheOutputs() {
        String yaml = "settings:\n  layout: list\nsections:\n  - title: a\n    layout: table\n    sections:\n"
                + "      - title: b\n";

        Section a = parse(yaml).sections().get(0);

        assertThat(a.layout()).isEqualTo("table");
        assertThat(a.sections().get(0).layout()).isNull();
        assertThat(CatalogWriter.write(parse(yaml))).contains("  - title: a\n    layout: table\n")
                .containsOnlyOnce("layout: table");
        assertThat(parse(CatalogWriter.write(parse(yaml))).sections()).isEqualTo(parse(yaml).sections());
    }

    @Test
    void aSectionInTheListOrTableLayoutHeadsNoPaperSoItMayBeDeeper() {
        String yaml = "sections:\n- title: a\n  heading_level: 6\n  layout: list\n";

        assertThat(parse(yaml).sections().get(0).headingLevel()).isEqualTo(6);
    }

    @Test
    void aSectionListsTextAndItemsBetweenItsPapersInOrder() {
        Section s = parse("settings: {layout: list}\n" + HEAD + "        url: https://example.org/p\n"
                + "      - text: \"**Later**\"\n      - item: \"* Group:\"\n        papers:\n          - ref: P\n")
                .sections().get(0);

        assertThat(s.papers()).hasSize(1);
        assertThat(s.content()).hasSize(3);
        assertThat(s.content().get(1)).isEqualTo(new Part.Text("**Later**"));
        assertThat(((Part.Item) s.content().get(2)).parts()).containsExactly(new Part.Listed(s.papers().get(0)));
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
    void aUrlIsTrimmedWhateverTheScalarStyle() {
        // A folded block keeps its final line break, and a quoted URL its spaces: before, the README
        // linked https://x.org/a%0A and https://x.org/a%20.
        assertThat(onlyPaper("        url: >\n          https://x.org/a\n").url()).isEqualTo("https://x.org/a");
        assertThat(onlyPaper("        url: \"https://x.org/a \"\n").url()).isEqualTo("https://x.org/a");
        assertThat(onlyPaper("        image: \"\\thttps://x.org/i.png\\n\"\n").image()).isEqualTo("https://x.org/i.png");
        assertThat(onlyPaper("        badges: [{kind: project, url: \" https://p.org \"}]\n").badges().get(0).url())
                .isEqualTo("https://p.org");
        assertThat(onlyPaper("        notes: [{label: N, url: \"https://n.org\\n\"}]\n").notes().get(0).url())
                .isEqualTo("https://n.org");
    }

    @Test
    void listItemsFoldWhiteSpaceAsSingleValuesDo() {
        Paper p = onlyPaper("        topics: [\"Computer  Vision\", \"\\tA\"]\n        authors:\n          - |\n            Line\n            Break\n");
        assertThat(p.topics()).containsExactly("Computer Vision", "A");
        assertThat(p.authors()).containsExactly("Line Break");
        assertThat(onlyPaper("        topics: \"Computer  Vision\"\n").topics()).containsExactly("Computer Vision");
    }

    @Test
    void datesAndRefsAreTrimmed() {
        assertThat(onlyPaper("        submitted: \" 2024-01-02\"\n").submitted()).hasToString("2024-01-02");
        Catalog c = parse("sections:\n  - title: A\n    papers:\n      - {name: P, id: p1, title: T}\n"
                + "  - title: B\n    papers:\n      - ref: \"p1 \"\n");
        assertThat(c.sections().get(1).papers().get(0)).isSameAs(c.sections().get(0).papers().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"venue:", "venue: \"\"", "venue: \"   \"", "summary: ''", "submitted:", "url:", "image: \" \"",
            "authors: \"\"", "abstract: |\n          \n"})
    void anEmptyValueIsAnErrorAtItsPositionForEveryField(String line) {
        String key = line.substring(0, line.indexOf(':'));
        assertThatThrownBy(() -> onlyPaper("        " + line + "\n"))
                .isInstanceOf(PaperlistException.class)
                .hasMessageMatching("papers\\.yaml:6:\\d+: '" + key + "' is empty; give a value or remove the key");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x2028, 0x2029, 0x85})
    void lineSeparatorsAreRefusedAnywhereInTheFileEvenInAComment(int codePoint) {
        // YAML 1.1 ends a comment at these, so '# note<U+2028>venue: hidden' would set a venue nobody sees.
        String yaml = HEAD + "        # note" + Character.toString(codePoint) + "        venue: hidden\n";
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PaperlistException.class)
                .hasMessageStartingWith("papers.yaml:6:15: U+" + String.format("%04X", codePoint));
        assertThatThrownBy(() -> CatalogLoader.parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "papers.yaml"))
                .isInstanceOf(PaperlistException.class)
                .hasMessageStartingWith("papers.yaml:6:15: U+" + String.format("%04X", codePoint));
    }

    @Test
    void anEscapedSlashIsExplained() {
        // "\/" is an escape of YAML 1.2 that SnakeYAML (YAML 1.1) does not know; the message says what to write.
        assertThatThrownBy(() -> onlyPaper("        venue: \"a\\/b\"\n"))
                .isInstanceOf(PaperlistException.class)
                .hasMessageContaining("'\\/'").hasMessageContaining("write '/'");
    }

    @Test
    void crossListedPaperIsOneInstanceInBothSections() {
        Catalog c = parse("sections:\n  - title: A\n    papers:\n      - {name: P, id: p, title: T}\n"
                + "  - title: B\n    papers:\n      - ref: p\n");
        assertThat(c.sections().get(1).papers().get(0)).isSameAs(c.sections().get(0).papers().get(0));
        assertThat(c.distinctPapers()).hasSize(1);
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
