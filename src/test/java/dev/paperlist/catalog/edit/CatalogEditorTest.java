package dev.paperlist.catalog.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.SourcePosition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inserting entries into catalogue text: the new text follows each file's own style, and every other byte
 * of the file, comments and blank lines included, is kept.
 */
class CatalogEditorTest {
    private static final Paper NEXT_GPT = Paper.builder("NExT-GPT", "NExT-GPT: Any-to-Any Multimodal LLM")
            .url("https://arxiv.org/abs/2309.05519")
            .code(GitHubRepo.parse("NExT-GPT/NExT-GPT").orElseThrow())
            .badge(new Badge("project", "https://next-gpt.github.io/", null, null, null, null, null, null, null,
                    SourcePosition.UNKNOWN))
            .venue("ICML 2024")
            .submitted(new PartialDate(2023, 9, 11))
            .authors(List.of("Shengqiong Wu", "Hao Fei"))
            .tags(List.of("any-to-any"))
            .abstractText("While recently Multimodal Large Language Models (MM-LLMs) have made exciting strides, they "
                    + "mostly fall prey to the limitation of only input-side multimodal understanding.")
            .note(new NoteLink("HTML", "https://example.org/notes/next-gpt"))
            .build();

    private static final Paper SMALL = Paper.builder("Emu", "Emu: Generative Pretraining in Multimodality")
            .url("https://arxiv.org/abs/2307.05222").build();

    private static CatalogEditor.Result add(String text, String section, Integer position, Paper paper) {
        Catalog catalog = CatalogLoader.parse(text, "papers.yaml");
        CatalogEditor.Target target = CatalogEditor.resolve(catalog, section, true);
        return CatalogEditor.insertPaper(text, "papers.yaml", catalog, target, position, paper);
    }

    /** The change is additions only: no line of the old text is changed or removed. */
    private static void assertOnlyAdded(String before, String after) {
        List<AbstractDelta<String>> deltas = DiffUtils.diff(lines(before), lines(after)).getDeltas();
        assertThat(deltas).isNotEmpty();
        assertThat(deltas).allSatisfy(d -> assertThat(d.getType()).as(d.toString()).isEqualTo(DeltaType.INSERT));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    @Test
    void appendsInTheHouseStyleAndKeepsCommentsAndBlankLines() {
        String before = """
                # yaml-language-server: $schema=schema/papers.schema.json
                # The catalogue.
                sections:
                  - title: Multimodal   # the big one
                    sections:
                      - title: Large Multimodal Models
                        papers:
                          - name: AnyGPT
                            title: "AnyGPT: Unified Multimodal LLM with Discrete Sequence Modeling"
                            url: https://arxiv.org/abs/2402.12226
                            badges:
                              - {kind: project, url: "https://junzhan2000.github.io/AnyGPT.github.io/"}
                            venue: "ICLR 2024"
                            authors: [复旦大学, 上海AI Lab]
                            tags: ["vision tokenizer"]
                            abstract: "我们介绍了 AnyGPT。"   # translated
                            notes:
                              - {label: HTML, url: "https://example.org/anygpt"}
                          # - name: Draft, not yet

                      - title: Multimodal Dialogue
                        papers:
                          - name: MMDialog
                            title: "MMDialog: A Large-scale Multi-turn Dialogue Dataset"
                """;

        CatalogEditor.Result result = add(before, "Multimodal/Large Multimodal Models", null, NEXT_GPT);

        String inserted = """
                          - name: NExT-GPT
                            title: "NExT-GPT: Any-to-Any Multimodal LLM"
                            url: https://arxiv.org/abs/2309.05519
                            code: NExT-GPT/NExT-GPT
                            badges:
                              - {kind: project, url: "https://next-gpt.github.io/"}
                            venue: "ICML 2024"
                            submitted: 2023-09-11
                            authors: [Shengqiong Wu, Hao Fei]
                            tags: ["any-to-any"]
                            abstract: "While recently Multimodal Large Language Models (MM-LLMs) have made exciting strides, they mostly fall prey to the limitation of only input-side multimodal understanding."
                            notes:
                              - {label: HTML, url: "https://example.org/notes/next-gpt"}
                """;
        String marker = "            notes:\n              - {label: HTML, url: \"https://example.org/anygpt\"}\n";
        assertThat(result.text()).isEqualTo(before.replace(marker, marker + inserted));
        assertThat(result.inserted()).isEqualTo(inserted);
        assertThat(result.line()).isEqualTo(19);
        assertOnlyAdded(before, result.text());
        assertThat(result.catalog().sections().get(0).sections().get(0).papers()).extracting(Paper::name)
                .containsExactly("AnyGPT", "NExT-GPT");
    }

    @Test
    void followsSingleQuotesFourSpacesAndIndentlessLists() {
        String before = """
                sections:
                - title: 'Vision'
                  papers:
                  -   name: 'ViLT'
                      title: 'ViLT: Vision-and-Language Transformer'
                      url: 'https://arxiv.org/abs/2102.03334'
                      authors:
                      - 'Wonjae Kim'
                      tags:
                      - 'it''s fast'
                """;

        CatalogEditor.Result result = add(before, "Vision", null, NEXT_GPT);

        assertThat(result.inserted()).isEqualTo("""
                  -   name: 'NExT-GPT'
                      title: 'NExT-GPT: Any-to-Any Multimodal LLM'
                      url: 'https://arxiv.org/abs/2309.05519'
                      code: 'NExT-GPT/NExT-GPT'
                      badges:
                      - {kind: 'project', url: 'https://next-gpt.github.io/'}
                      venue: 'ICML 2024'
                      submitted: '2023-09-11'
                      authors:
                      - 'Shengqiong Wu'
                      - 'Hao Fei'
                      tags:
                      - 'any-to-any'
                      abstract: 'While recently Multimodal Large Language Models (MM-LLMs) have made exciting strides, they mostly fall prey to the limitation of only input-side multimodal understanding.'
                      notes:
                      - {label: 'HTML', url: 'https://example.org/notes/next-gpt'}
                """);
        assertThat(result.text()).isEqualTo(before + result.inserted());
    }

    @Test
    void followsBlockMappingsForBadgesAndAFoldedAbstract() {
        String before = """
                sections:
                  - title: Vision
                    papers:
                      - name: ViLT
                        title: ViLT
                        badges:
                          - kind: project
                            url: https://vilt.example.org/
                        abstract: >-
                          Vision-and-Language Pre-training (VLP) has improved performance
                          on various joint vision-and-language downstream tasks.

                  - title: Audio
                """;

        CatalogEditor.Result result = add(before, "Vision", null, NEXT_GPT);

        assertThat(result.inserted()).isEqualTo("""
                      - name: NExT-GPT
                        title: "NExT-GPT: Any-to-Any Multimodal LLM"
                        url: https://arxiv.org/abs/2309.05519
                        code: NExT-GPT/NExT-GPT
                        badges:
                          - kind: project
                            url: https://next-gpt.github.io/
                        venue: ICML 2024
                        submitted: 2023-09-11
                        authors: ["Shengqiong Wu", "Hao Fei"]
                        tags: ["any-to-any"]
                        abstract: >-
                          While recently Multimodal Large Language Models (MM-LLMs) have made exciting strides, they
                          mostly fall prey to the limitation of only input-side multimodal understanding.
                        notes:
                          - {label: "HTML", url: "https://example.org/notes/next-gpt"}
                """);
        assertOnlyAdded(before, result.text());
        assertThat(result.text()).contains("downstream tasks.\n" + result.inserted() + "\n  - title: Audio\n");
    }

    @Test
    void aSectionWithoutPapersGetsAPapersKeyAfterItsTitle() {
        String before = """
                sections:
                  - title: Vision  # no papers yet
                    sections:
                      - title: Detection
                        papers:
                          - {name: DETR, title: "End-to-End Object Detection with Transformers"}
                """;

        CatalogEditor.Result result = add(before, "Vision", null, SMALL);

        assertThat(result.text()).isEqualTo("""
                sections:
                  - title: Vision  # no papers yet
                    papers:
                      - {name: Emu, title: "Emu: Generative Pretraining in Multimodality", url: "https://arxiv.org/abs/2307.05222"}
                    sections:
                      - title: Detection
                        papers:
                          - {name: DETR, title: "End-to-End Object Detection with Transformers"}
                """);
    }

    @Test
    void flowListsGetAFlowItem() {
        String empty = "sections:\n  - title: Vision\n    papers: []   # to do\n";
        assertThat(add(empty, "Vision", null, SMALL).text()).isEqualTo("sections:\n  - title: Vision\n    papers: "
                + "[{name: Emu, title: \"Emu: Generative Pretraining in Multimodality\", url: \"https://arxiv.org/abs/2307.05222\"}]"
                + "   # to do\n");

        String one = "sections:\n  - {title: Vision, papers: [{name: A, title: B}]}\n";
        assertThat(add(one, "Vision", null, SMALL).text()).isEqualTo("sections:\n  - {title: Vision, papers: [{name: A, "
                + "title: B}, {name: Emu, title: \"Emu: Generative Pretraining in Multimodality\", "
                + "url: \"https://arxiv.org/abs/2307.05222\"}]}\n");
        assertThat(add(one, "Vision", 0, SMALL).text()).startsWith("sections:\n  - {title: Vision, papers: [{name: Emu, ")
                .endsWith("}, {name: A, title: B}]}\n");

        String flowSection = "sections:\n  - {title: Vision}\n";
        assertThat(add(flowSection, "Vision", null, SMALL).text()).isEqualTo("sections:\n  - {title: Vision, papers: "
                + "[{name: Emu, title: \"Emu: Generative Pretraining in Multimodality\", "
                + "url: \"https://arxiv.org/abs/2307.05222\"}]}\n");
    }

    @Test
    void aPositionInsertsBeforeThatEntryAndTheCommentsAboveIt() {
        String before = """
                sections:
                  - title: Vision
                    papers:
                      - name: A
                        title: First
                      # the second one
                      - name: B
                        title: Second
                """;

        CatalogEditor.Result result = add(before, "Vision", 1, SMALL);

        assertThat(result.text()).isEqualTo("""
                sections:
                  - title: Vision
                    papers:
                      - name: A
                        title: First
                      - name: Emu
                        title: "Emu: Generative Pretraining in Multimodality"
                        url: https://arxiv.org/abs/2307.05222
                      # the second one
                      - name: B
                        title: Second
                """);
        assertThat(result.line()).isEqualTo(6);
        assertThat(result.catalog().sections().get(0).papers()).extracting(Paper::name).containsExactly("A", "Emu", "B");
    }

    @Test
    void blankLinesBetweenPapersAreKeptUp() {
        String before = "sections:\n  - title: V\n    papers:\n      - name: A\n        title: A\n\n"
                + "      - name: B\n        title: B\n\n  - title: W\n";
        String after = add(before, "V", null, SMALL).text();
        assertThat(after).isEqualTo("sections:\n  - title: V\n    papers:\n      - name: A\n        title: A\n\n"
                + "      - name: B\n        title: B\n\n      - name: Emu\n        title: \"Emu: Generative Pretraining in "
                + "Multimodality\"\n        url: https://arxiv.org/abs/2307.05222\n\n  - title: W\n");
        assertOnlyAdded(before, after);
    }

    @Test
    void newSectionsGoAtTheEndOfTheirParentInTheFilesStyle() {
        String before = """
                sections:
                  - title: Multimodal
                    sections:
                      - title: Dialogue
                        papers:
                          - name: A
                            title: A
                  - title: Vision
                    papers:
                      - name: B
                        title: B
                # end of the list
                """;

        String nested = add(before, "Multimodal/Audio/Speech", null, SMALL).text();
        assertThat(nested).isEqualTo(before.replace("""
                            title: A
                """, """
                            title: A
                      - title: Audio
                        sections:
                          - title: Speech
                            papers:
                              - name: Emu
                                title: "Emu: Generative Pretraining in Multimodality"
                                url: https://arxiv.org/abs/2307.05222
                """));

        String underLeaf = add(before, "Vision/Detection", null, SMALL).text();
        assertThat(underLeaf).isEqualTo(before.replace("""
                        title: B
                """, """
                        title: B
                    sections:
                      - title: Detection
                        papers:
                          - name: Emu
                            title: "Emu: Generative Pretraining in Multimodality"
                            url: https://arxiv.org/abs/2307.05222
                """));

        String topLevel = add(before, "Audio", null, SMALL).text();
        assertThat(topLevel).endsWith("""
                        title: B
                  - title: Audio
                    papers:
                      - name: Emu
                        title: "Emu: Generative Pretraining in Multimodality"
                        url: https://arxiv.org/abs/2307.05222
                # end of the list
                """);
        for (String after : List.of(nested, underLeaf, topLevel)) {
            assertOnlyAdded(before, after);
        }
    }

    @Test
    void crlfLineEndingsAreKeptAndUsed() {
        String before = "# list\r\nsections:\r\n  - title: Vision\r\n    papers:\r\n      - name: A\r\n        title: A\r\n";
        String after = add(before, "Vision", null, SMALL).text();
        assertThat(after).isEqualTo(before + "      - name: Emu\r\n        title: \"Emu: Generative Pretraining in "
                + "Multimodality\"\r\n        url: https://arxiv.org/abs/2307.05222\r\n");
    }

    @Test
    void aNewPaperJoinsTheEntriesBeforeTextWrittenAfterThem() {
        String before = "sections:\n  - title: Vision\n    papers:\n      - name: A\n        title: A\n"
                + "      - text: \"**Older**\"\n      - name: B\n        title: B\n"
                + "      - text: \"[back to top](#top)\"\n";
        String after = add(before, "Vision", null, SMALL).text();
        assertThat(after).isEqualTo("sections:\n  - title: Vision\n    papers:\n      - name: A\n        title: A\n"
                + "      - text: \"**Older**\"\n      - name: B\n        title: B\n"
                + "      - name: Emu\n        title: \"Emu: Generative Pretraining in Multimodality\"\n"
                + "        url: https://arxiv.org/abs/2307.05222\n"
                + "      - text: \"[back to top](#top)\"\n");
        // Asked for the end, it goes to the end.
        assertThat(add(before, "Vision", 4, SMALL).text()).endsWith("url: https://arxiv.org/abs/2307.05222\n");
    }

    @Test
    void aFileWithoutAFinalNewlineGetsOneBeforeTheEntry() {
        String before = "sections:\n  - title: Vision\n    papers:\n      - name: A\n        title: A";
        CatalogEditor.Result result = add(before, "Vision", null, SMALL);
        assertThat(result.text()).isEqualTo(before + "\n      - name: Emu\n        title: \"Emu: Generative "
                + "Pretraining in Multimodality\"\n        url: https://arxiv.org/abs/2307.05222\n");
        assertThat(result.line()).isEqualTo(6);
    }

    @Test
    void charactersOutsideTheBasicPlaneBeforeTheInsertionDoNotShiftIt() {
        String before = "sections:\n  - title: \"😀 Emoji 𝒳\"\n    papers:\n      - name: \"🎉\"\n        title: \"𝔸𝔹ℂ\"\n"
                + "  - title: Next\n";
        String after = add(before, "😀 Emoji 𝒳", null, SMALL).text();
        assertThat(after).isEqualTo("sections:\n  - title: \"😀 Emoji 𝒳\"\n    papers:\n      - name: \"🎉\"\n"
                + "        title: \"𝔸𝔹ℂ\"\n      - name: \"Emu\"\n        title: \"Emu: Generative Pretraining in Multimodality\"\n"
                + "        url: \"https://arxiv.org/abs/2307.05222\"\n  - title: Next\n");
    }

    @Test
    void anIdIsAddedAfterThePapersFirstKey() {
        String before = "sections:\n  - title: V\n    papers:\n      - name: A   # first\n        title: A\n"
                + "      - {name: B, title: B}\n";
        Catalog catalog = CatalogLoader.parse(before, "papers.yaml");
        List<Paper> papers = catalog.sections().get(0).papers();

        String withA = CatalogEditor.addId(before, "papers.yaml", catalog, papers.get(0), "a-id").text();
        assertThat(withA).isEqualTo("sections:\n  - title: V\n    papers:\n      - name: A   # first\n        id: a-id\n"
                + "        title: A\n      - {name: B, title: B}\n");

        String withB = CatalogEditor.addId(before, "papers.yaml", catalog, papers.get(1), "b").text();
        assertThat(withB).endsWith("      - {name: B, id: b, title: B}\n");
    }

    @Test
    void aRefIsInsertedForAPaperListedElsewhere() {
        String before = "sections:\n  - title: V\n    papers:\n      - name: A\n        id: a\n        title: A\n"
                + "  - title: W\n    papers:\n      - name: C\n        title: C\n";
        Catalog catalog = CatalogLoader.parse(before, "papers.yaml");
        Paper a = catalog.sections().get(0).papers().get(0);

        CatalogEditor.Result result = CatalogEditor.insertRef(before, "papers.yaml", catalog,
                CatalogEditor.resolve(catalog, "W", false), null, a, "a");

        assertThat(result.text()).isEqualTo(before + "      - ref: a\n");
        assertThat(result.catalog().sections().get(1).papers().get(1)).isSameAs(result.catalog().sections().get(0).papers().get(0));
    }

    @Test
    void hostileTextIsQuotedSoItReadsBackExactly() {
        String before = "sections:\n  - title: V\n    papers:\n      - name: A\n        title: A\n";
        for (String text : List.of("null", "~", "NULL", "yes", "- dash", "#hash", "a: b", "a #b", "trailing:", "'single'",
                "\"double\"", "[flow]", "{map}", "back\\slash", "100%", "@at", "`tick`", "*star", "&amp", "!bang", "?q",
                "|pipe", ">gt", "012", "2024-02-19", "Ünïcödé 中文 😀")) {
            Paper paper = Paper.builder(text, text + " title").authors(List.of(text)).tags(List.of(text))
                    .venue(text).abstractText(text).build();
            CatalogEditor.Result result = add(before, "V", null, paper);
            Paper back = result.catalog().sections().get(0).papers().get(1);
            assertThat(back.name()).isEqualTo(text);
            assertThat(back.authors()).containsExactly(text);
            assertThat(back.abstractText()).isEqualTo(text);
        }
    }

    @Test
    void unknownSectionsGetADidYouMean() {
        Catalog catalog = CatalogLoader.parse("sections:\n  - title: Multimodal\n    sections:\n"
                + "      - title: Large Multimodal Models\n", "papers.yaml");

        PaperlistException typo = catchThrowableOfType(PaperlistException.class,
                () -> CatalogEditor.resolve(catalog, "Multimodal/Large Multimodel Models", false));
        assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.getMessage()).isEqualTo("unknown section 'Multimodal/Large Multimodel Models' (did you mean "
                + "'Multimodal/Large Multimodal Models'?); use --new-section to create it");

        PaperlistException bare = catchThrowableOfType(PaperlistException.class,
                () -> CatalogEditor.resolve(catalog, "Large Multimodal Models", false));
        assertThat(bare.getMessage()).contains("(did you mean 'Multimodal/Large Multimodal Models'?)");

        assertThat(CatalogEditor.resolve(catalog, " multimodal / large multimodal models ", false).indices())
                .containsExactly(0, 0);
    }

    @Test
    void sectionTitlesWithSlashesAreMatchedWhole() {
        Catalog catalog = CatalogLoader.parse("sections:\n  - title: \"Audio / Speech\"\n    sections:\n"
                + "      - title: TTS\n", "papers.yaml");
        CatalogEditor.Target target = CatalogEditor.resolve(catalog, "Audio / Speech/TTS", false);
        assertThat(target.indices()).containsExactly(0, 0);
        assertThat(target.path()).isEqualTo("Audio / Speech/TTS");
    }

    @Test
    void newSectionsDeeperThanTheLimitAreRefused() {
        Catalog catalog = CatalogLoader.parse("sections:\n  - title: A\n", "papers.yaml");
        PaperlistException e = catchThrowableOfType(PaperlistException.class,
                () -> CatalogEditor.resolve(catalog, "A/B/C/D/E/F", true));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("section 'A/B/C/D/E/F' would be nested 6 levels deep; at most 5 are possible");
    }

    @Test
    void anEntryTheLoaderWouldRefuseIsNotReturned() {
        String before = "sections:\n  - title: V\n    papers:\n      - name: A\n        title: A\n";
        Paper sameName = Paper.builder("a", "Other").arxiv(new ArxivId("2402.12226")).build();
        PaperlistException e = catchThrowableOfType(PaperlistException.class, () -> add(before, "V", null, sameName));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("papers.yaml: adding 'a' would make the catalogue invalid, so nothing was "
                + "written: at edited line 6:9: 'a' is listed twice in section 'V'");
    }
}
