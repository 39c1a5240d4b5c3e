package dev.paperlist.cli;

import static dev.paperlist.testing.ArxivStub.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.paperlist.testing.ArxivStub;
import dev.paperlist.testing.ArxivStub.Reply;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.FakeTime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code paperlist add} end to end, in-process, on a copy of this repository's papers.yaml and README.md,
 * with a local server in place of the arXiv API. Network faults are in {@code dev.paperlist.hostile.ArxivNetworkFaultsTest},
 * adds at the same time in {@code ConcurrentWritersTest}, and adds killed with {@code kill -9} in {@code KilledMidWriteTest}.
 */
class AddCommandTest {
    private static final String LMM = "Multimodal/Large Multimodal Models";

    @TempDir Path dir;
    private final ArxivStub stub = new ArxivStub();
    private final FakeTime time = new FakeTime();
    private byte[] catalogBefore;
    private byte[] readmeBefore;
    private static final Path REPOSITORY = Path.of("src/test/resources/add/repository");

    @BeforeEach
    void copyThisRepository() throws IOException {
        // A copy of this repository's list as it was when these tests were written, so that the line
        // numbers they expect do not move as the list grows.
        Files.copy(REPOSITORY.resolve("papers.yaml"), dir.resolve("papers.yaml"));
        Files.copy(REPOSITORY.resolve("README.md"), dir.resolve("README.md"));
        catalogBefore = Files.readAllBytes(dir.resolve("papers.yaml"));
        readmeBefore = Files.readAllBytes(dir.resolve("README.md"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Environment env() {
        return new Environment(dir, Map.of("PAPERLIST_ARXIV_API", stub.uri().toString()))
                .withNetwork(time.pacing(Duration.ofSeconds(2)))
                .withLockWait(Duration.ofMillis(300));
    }

    private CliRun add(String... args) {
        return add(env(), args);
    }

    private static CliRun add(Environment env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "add";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.in(env, all);
    }

    private String catalog() throws IOException {
        return Files.readString(dir.resolve("papers.yaml"), StandardCharsets.UTF_8);
    }

    private void assertFilesUnchanged() throws IOException {
        assertThat(Files.readAllBytes(dir.resolve("papers.yaml"))).as("papers.yaml").isEqualTo(catalogBefore);
        assertThat(Files.readAllBytes(dir.resolve("README.md"))).as("README.md").isEqualTo(readmeBefore);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary files are left")
                    .allMatch(name -> name.equals("papers.yaml") || name.equals("README.md")
                            || name.equals(".papers.yaml.lock"));
        }
    }

    /** The lines of papers.yaml that {@code add} inserted; fails if any line was changed or removed. */
    private List<String> addedLines() throws IOException {
        List<String> before = lines(new String(catalogBefore, StandardCharsets.UTF_8));
        List<String> after = lines(catalog());
        List<String> added = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            assertThat(delta.getType()).as("papers.yaml changes only by added lines: " + delta).isEqualTo(DeltaType.INSERT);
            added.addAll(delta.getTarget().getLines());
        }
        return added;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private void assertCheckPasses() {
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
    }

    @Test
    void addsAPaperFromArxivAsAddedLinesOnlyAndTheReadmeStaysInSync() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));

        CliRun run = add("--section", LMM, "--arxiv", "https://arxiv.org/abs/2309.05519v2", "--code", "NExT-GPT/NExT-GPT",
                "--tag", "any-to-any");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("papers.yaml: added 'NExT-GPT' to 'Multimodal/Large Multimodal Models' at line 83\n"
                + "README.md: rendered\n");
        assertThat(run.err()).isEqualTo("NExT-GPT: venue 'ICML 2024' read from arXiv's comment or journal reference; "
                + "give --venue to set another\n");
        assertThat(stub.queries()).containsExactly("id_list=2309.05519&max_results=1");
        List<String> added = addedLines();
        assertThat(added).hasSize(9);
        assertThat(added.subList(0, 8)).containsExactly(
                "          - name: NExT-GPT",
                "            title: \"NExT-GPT: Any-to-Any Multimodal LLM\"",
                "            url: https://arxiv.org/abs/2309.05519",
                "            code: NExT-GPT/NExT-GPT",
                "            venue: \"ICML 2024\"",
                "            submitted: 2023-09-11",
                "            authors: [Shengqiong Wu, Hao Fei, Leigang Qu, Wei Ji, Tat-Seng Chua]",
                "            tags: [\"any-to-any\"]");
        assertThat(added.get(8)).startsWith("            abstract: \"While recently Multimodal Large Language Models")
                .endsWith("more human-like AI research in the community.\"");
        assertThat(catalog()).contains("Awesome-Multimodal-Papers/notes/SpeechGPT/index.html\"}\n" + String.join("\n", added)
                + "\n      - title: Multimodal Dialogue\n");
        assertThat(Files.readString(dir.resolve("README.md"))).contains("\n### NExT-GPT\n")
                .contains("- **Accepted:** ICML 2024\n");
        assertCheckPasses();
    }

    @Test
    void severalIdsAreFetchedInOneRequestAndAddedInOrder() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519+2307.05222.xml")));

        CliRun run = add("--section", LMM, "--arxiv", "2307.05222", "--arxiv", "arXiv:2309.05519", "--tag", "any-to-any",
                "--no-render");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("papers.yaml: added 'Emu' to 'Multimodal/Large Multimodal Models' at line 83\n"
                + "papers.yaml: added 'NExT-GPT' to 'Multimodal/Large Multimodal Models' at line 91\n");
        assertThat(stub.queries()).containsExactly("id_list=2307.05222,2309.05519&max_results=2");
        assertThat(addedLines()).filteredOn(l -> l.contains("- name:"))
                .containsExactly("          - name: Emu", "          - name: NExT-GPT");
        assertThat(addedLines()).filteredOn(l -> l.contains("tags:")).hasSize(2);
        assertThat(Files.readAllBytes(dir.resolve("README.md"))).as("--no-render").isEqualTo(readmeBefore);
    }

    @Test
    void aUrlOtherThanArxivKeepsTheArxivIdInItsOwnKey() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));

        CliRun run = add("--section", LMM, "--arxiv", "2309.05519", "--url", "https://proceedings.mlr.press/v235/wu24e.html",
                "--venue", "ICML 2024", "--author", "NUS", "--abstract", "Short.", "--no-render");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as("--venue is given, so no hint is used").isEmpty();
        assertThat(addedLines()).containsExactly(
                "          - name: NExT-GPT",
                "            title: \"NExT-GPT: Any-to-Any Multimodal LLM\"",
                "            url: https://proceedings.mlr.press/v235/wu24e.html",
                "            venue: \"ICML 2024\"",
                "            submitted: 2023-09-11",
                "            authors: [NUS]",
                "            abstract: \"Short.\"",
                "            arxiv: 2309.05519");
    }

    @Test
    void anOldStyleIdNeedsANameWhenTheTitleHasNone() throws IOException {
        stub.reply(Reply.ok(recorded("hep-th-9711200.xml")));

        CliRun noName = add("--section", "Multimodal/Multimodal Learning", "--arxiv", "hep-th/9711200");
        assertThat(noName.exitCode()).as(noName.toString()).isEqualTo(2);
        assertThat(noName.err()).isEqualTo("paperlist add: missing --name (the short heading, such as AnyGPT)\n");
        assertFilesUnchanged();

        CliRun run = add("--section", "Multimodal/Multimodal Learning", "--arxiv", "hep-th/9711200", "--name", "AdS/CFT");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(addedLines()).contains("          - name: AdS/CFT", "            url: https://arxiv.org/abs/hep-th/9711200",
                "            submitted: 1997-11-27", "            authors: [Juan M. Maldacena]");
        assertThat(addedLines()).noneMatch(l -> l.contains("venue:"));
        assertCheckPasses();
    }

    @Test
    void aPaperNotOnArxivNeedsNoNetwork() throws IOException {
        CliRun run = add("--section", "Multimodal/Multimodal Dialogue", "--name", "PhotoChat", "--title",
                "PhotoChat: A Human-Human Dialogue Dataset with Photo Sharing Behavior", "--url",
                "https://aclanthology.org/2021.acl-long.479/", "--venue", "ACL 2021", "--date", "2021-08",
                "--author", "Google Research", "--badge", "blog:Google=https://example.org/blog", "--note",
                "知乎=https://zhuanlan.zhihu.com/p/1", "--abstract", "We present PhotoChat.");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(stub.queries()).isEmpty();
        assertThat(addedLines()).containsExactly(
                "          - name: PhotoChat",
                "            title: \"PhotoChat: A Human-Human Dialogue Dataset with Photo Sharing Behavior\"",
                "            url: https://aclanthology.org/2021.acl-long.479/",
                "            badges:",
                "              - {kind: blog, url: \"https://example.org/blog\", label: Google}",
                "            venue: \"ACL 2021\"",
                "            submitted: 2021-08",
                "            authors: [Google Research]",
                "            abstract: \"We present PhotoChat.\"",
                "            notes:",
                "              - {label: 知乎, url: \"https://zhuanlan.zhihu.com/p/1\"}");
        assertCheckPasses();
    }

    @Test
    void aSectionWithItsOwnTextAndColumnsKeepsThem() throws IOException {
        // As `import` writes them: a section's free text and its own table columns.
        Files.writeString(dir.resolve("papers.yaml"), """
                settings:
                  layout: table
                sections:
                  - title: Agents
                    text: "General-purpose agents."
                    columns:
                      - {field: title}
                      - {extra: "Latest Update"}
                    papers:
                      - name: WebArena
                        title: "WebArena: A Realistic Web Environment"
                        url: https://arxiv.org/abs/2307.13854
                        extra:
                          "Latest Update": 2024-06
                """);
        Files.writeString(dir.resolve("README.md"), "<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        catalogBefore = Files.readAllBytes(dir.resolve("papers.yaml"));

        CliRun run = add("--section", "Agents", "--name", "SeeAct", "--title", "SeeAct", "--url",
                "https://arxiv.org/abs/2401.01614");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(addedLines()).containsExactly("      - name: SeeAct", "        title: \"SeeAct\"",
                "        url: https://arxiv.org/abs/2401.01614");
        assertCheckPasses();
    }

    @Test
    void aPaperAddedToATableSectionOfAListIsATableRow() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), """
                settings:
                  layout: list
                sections:
                  - title: Methods
                    papers:
                      - name: WebArena
                        title: "WebArena: A Realistic Web Environment"
                        url: https://arxiv.org/abs/2307.13854
                  - title: Datasets
                    layout: table
                    columns: [title, venue]
                    papers:
                      - name: Mind2Web
                        title: "Mind2Web: Towards a Generalist Agent for the Web"
                        url: https://arxiv.org/abs/2306.06070
                        venue: NeurIPS 2023
                """);
        Files.writeString(dir.resolve("README.md"), "<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        catalogBefore = Files.readAllBytes(dir.resolve("papers.yaml"));

        CliRun run = add("--section", "Datasets", "--name", "AITW", "--title", "Android in the Wild", "--url",
                "https://arxiv.org/abs/2307.10088", "--venue", "NeurIPS 2023");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8))
                .contains("- \\[WebArena\\] [WebArena: A Realistic Web Environment](https://arxiv.org/abs/2307.13854)\n")
                .contains("| \\[AITW\\] [Android in the Wild](https://arxiv.org/abs/2307.10088) | NeurIPS 2023 |\n");
        assertCheckPasses();
    }

    @Test
    void theFieldsOfTagPagesCanBeGivenToo() throws IOException {
        CliRun run = add("--section", "Multimodal/Multimodal Dialogue", "--name", "PhotoChat", "--title", "PhotoChat",
                "--url", "https://aclanthology.org/2021.acl-long.479/", "--topic", "Dataset", "--topic",
                "Multimodal Dialogue", "--summary", "Photo sharing in chats.", "--comment", "Read with MMDialog.",
                "--added", "2024-03", "--image", "https://example.org/photochat.png");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(addedLines()).containsExactly(
                "          - name: PhotoChat",
                "            title: \"PhotoChat\"",
                "            url: https://aclanthology.org/2021.acl-long.479/",
                "            topics: [\"Dataset\", \"Multimodal Dialogue\"]",
                "            summary: Photo sharing in chats.",
                "            comment: Read with MMDialog.",
                "            added: 2024-03",
                "            image: https://example.org/photochat.png");
        assertCheckPasses();
    }

    @Test
    void dryRunPrintsTheInsertedYamlAndWritesNothing() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));

        CliRun run = add("--section", LMM, "--arxiv", "2309.05519", "--venue", "ICML 2024 (Oral)", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("          - name: NExT-GPT\n            title: \"NExT-GPT: Any-to-Any Multimodal LLM\"\n")
                .contains("            venue: \"ICML 2024 (Oral)\"\n").endsWith("in the community.\"\n");
        assertThat(run.err()).isEmpty();
        assertFilesUnchanged();
        assertThat(dir.resolve(".papers.yaml.lock")).doesNotExist();
    }

    @Test
    void aPositionPlacesThePaper() throws IOException {
        CliRun run = add("--section", "Multimodal/Multimodal Learning", "--position", "1", "--name", "ALIGN", "--title",
                "Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision", "--no-render");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(catalog()).contains("      - title: Multimodal Learning\n        papers:\n          - name: ALIGN\n");
        assertThat(addedLines()).hasSize(2);

        CliRun tooFar = add("--section", "Multimodal/Multimodal Learning", "--position", "9", "--name", "X", "--title", "X");
        assertThat(tooFar.exitCode()).isEqualTo(2);
        assertThat(tooFar.err()).isEqualTo("paperlist add: --position must be from 1 to 4 in 'Multimodal/Multimodal "
                + "Learning' (it has 3 entries), got 9\n");
    }

    @Test
    void newSectionCreatesAMissingSection() throws IOException {
        CliRun unknown = add("--section", "Audio/Speech", "--name", "Whisper", "--title", "Whisper: Robust Speech Recognition");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("unknown section 'Audio/Speech'; use --new-section to create it\n");
        assertFilesUnchanged();

        CliRun typo = add("--section", "Multimodal/Large Multimodel Models", "--name", "W", "--title", "W");
        assertThat(typo.err()).isEqualTo("unknown section 'Multimodal/Large Multimodel Models' (did you mean "
                + "'Multimodal/Large Multimodal Models'?); use --new-section to create it\n");

        CliRun run = add("--section", "Audio/Speech", "--new-section", "--name", "Whisper", "--title",
                "Robust Speech Recognition via Large-Scale Weak Supervision");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(addedLines()).containsExactly("  - title: Audio", "    sections:", "      - title: Speech",
                "        papers:", "          - name: Whisper",
                "            title: \"Robust Speech Recognition via Large-Scale Weak Supervision\"");
        assertThat(Files.readString(dir.resolve("README.md"))).contains("\n# Audio\n\n## Speech\n\n### Whisper\n");
        assertCheckPasses();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2402.12226", "2402.12226v2", "arXiv:2402.12226", "https://arxiv.org/abs/2402.12226v1",
        "https://arxiv.org/pdf/2402.12226.pdf"})
    void aPaperAlreadyListedIsRefusedWithItsPositionBeforeAnyRequest(String form) throws IOException {
        CliRun run = add("--section", "Multimodal/Multimodal Learning", "--arxiv", form);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("papers.yaml:9:13: 'AnyGPT' is already in the catalogue (the same arXiv id "
                + "2402.12226), in 'Multimodal/Large Multimodal Models'; use --force to list it in "
                + "'Multimodal/Multimodal Learning' too (as a ref to that entry)\n");
        assertThat(stub.queries()).isEmpty();
        assertFilesUnchanged();
    }

    @Test
    void theSamePaperByUrlOrByTitleIsRefusedToo() throws IOException {
        CliRun byUrl = add("--section", LMM, "--name", "MMD", "--title", "Another title",
                "--url", "https://ACLanthology.org/2023.acl-long.405");
        assertThat(byUrl.exitCode()).isEqualTo(3);
        assertThat(byUrl.err()).startsWith("papers.yaml:85:13: 'MMDialog' is already in the catalogue (the same url)");

        CliRun byTitle = add("--section", LMM, "--name", "SpeechGPT2", "--title",
                "speechgpt — empowering large language models with intrinsic cross-modal conversational abilities.");
        assertThat(byTitle.exitCode()).isEqualTo(3);
        assertThat(byTitle.err()).isEqualTo("papers.yaml:70:13: 'SpeechGPT' is already in the catalogue (the same title), "
                + "in 'Multimodal/Large Multimodal Models'; if it is a different paper, use --force to add it anyway\n");
        assertFilesUnchanged();
    }

    @Test
    void forceListsAnArxivDuplicateInAnotherSectionAsARef() throws IOException {
        stub.reply(Reply.ok(recorded("2402.12226.xml")));

        CliRun run = add("--section", "Multimodal/Multimodal Dialogue", "--arxiv", "2402.12226", "--force");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEqualTo("papers.yaml:9:13: 'AnyGPT' is already in the catalogue (the same arXiv id "
                + "2402.12226); listed in 'Multimodal/Multimodal Dialogue' as 'ref: AnyGPT', so the fields given here "
                + "are not used\n");
        assertThat(run.out()).startsWith("papers.yaml: listed 'AnyGPT' in 'Multimodal/Multimodal Dialogue' as "
                + "'ref: AnyGPT' at line 108\n");
        assertThat(addedLines()).containsExactly("          - ref: AnyGPT");
        assertThat(Files.readString(dir.resolve("README.md"))).contains("\n### AnyGPT\n").contains("(#anygpt-1)");
        assertCheckPasses();

        CliRun sameSection = add("--section", LMM, "--arxiv", "2402.12226", "--force");
        assertThat(sameSection.exitCode()).isEqualTo(3);
        assertThat(sameSection.err()).isEqualTo("papers.yaml:9:13: 'AnyGPT' is already in the catalogue (the same arXiv "
                + "id 2402.12226), in 'Multimodal/Large Multimodal Models', 'Multimodal/Multimodal Dialogue'; a section "
                + "lists a paper once\n");
    }

    @Test
    void forceAddsATitleDuplicateAsAPaperOfItsOwn() throws IOException {
        CliRun run = add("--section", "Multimodal/Multimodal Learning", "--name", "SpeechGPT (journal)", "--title",
                "SpeechGPT: Empowering Large Language Models with Intrinsic Cross-Modal Conversational Abilities",
                "--url", "https://example.org/speechgpt-journal", "--force");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(addedLines()).hasSize(3).first().isEqualTo("          - name: SpeechGPT (journal)");
        assertCheckPasses();
    }

    @Test
    void withoutATerminalAMissingFieldIsAUsageErrorNamingIt() throws IOException {
        CliRun noSection = add("--title", "A Paper");
        assertThat(noSection.exitCode()).isEqualTo(2);
        assertThat(noSection.err()).isEqualTo("paperlist add: missing --section (a path of titles, such as "
                + "'Multimodal/Large Multimodal Models')\n");

        CliRun noTitle = add("--section", LMM, "--name", "X");
        assertThat(noTitle.exitCode()).isEqualTo(2);
        assertThat(noTitle.err()).isEqualTo("paperlist add: missing --title (the full title of the paper)\n");

        CliRun noName = add("--section", LMM, "--title", "Learning Without A Short Name");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).isEqualTo("paperlist add: missing --name (the short heading, such as AnyGPT)\n");
        assertFilesUnchanged();
    }

    @Test
    void onATerminalMissingFieldsAreAskedFor() throws IOException {
        Deque<String> answers = new ArrayDeque<>(List.of("Multimodal/Multimodal Learning", "  ", "Learning Without A Name",
                "LWN"));
        List<String> prompts = new ArrayList<>();
        Environment env = env().withTerminal(prompt -> {
            prompts.add(prompt);
            return answers.poll();
        });

        CliRun run = add(env, "--no-render");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(prompts).containsExactly(
                "Section (a path of titles, such as 'Multimodal/Large Multimodal Models'): ",
                "Title (the full title of the paper): ",
                "Title (the full title of the paper): ",
                "Name for 'Learning Without A Name' (the short heading, such as AnyGPT): ");
        assertThat(addedLines()).containsExactly("          - name: LWN", "            title: \"Learning Without A Name\"");
    }

    @Test
    void optionsAreChecked() throws IOException {
        record Case(String[] args, String err) {}
        List<Case> cases = List.of(
                new Case(new String[] {"--arxiv", "not-an-id"}, "paperlist add: --arxiv 'not-an-id' is not an arXiv id or "
                        + "URL (such as 2402.12226, arXiv:2402.12226v2, https://arxiv.org/abs/2402.12226 or hep-th/9901001)"),
                new Case(new String[] {"--arxiv", "2309.05519", "--arxiv", "2309.05519v2"},
                        "paperlist add: --arxiv 2309.05519 is given twice"),
                new Case(new String[] {"--arxiv", "2309.05519", "--arxiv", "2307.05222", "--name", "X"},
                        "paperlist add: --name describes one paper, but 2 --arxiv ids are given; add that paper on its own"),
                new Case(new String[] {"--name", "X", "--title", "Y", "--url", "javascript:alert(1)"},
                        "paperlist add: --url must be an http:// or https:// URL, got 'javascript:alert(1)'"),
                new Case(new String[] {"--name", "X", "--title", "Y", "--code", "not a repo"},
                        "paperlist add: --code must be a GitHub repository as owner/repo or https://github.com/owner/repo, "
                                + "got 'not a repo'"),
                new Case(new String[] {"--name", "X\u200B", "--title", "Y"},
                        "paperlist add: --name contains the invisible character U+200B (zero-width character); remove it"),
                new Case(new String[] {"--name", "AnyGPT", "--title", "Something else entirely"},
                        "papers.yaml:9:13: section 'Multimodal/Large Multimodal Models' already has a paper named "
                                + "'AnyGPT'; give another --name"),
                new Case(new String[] {"--arxiv", "2309.05519", "--arxiv-api", "ftp://x"},
                        "--arxiv-api must be an http:// or https:// URL, got 'ftp://x'"));
        for (Case c : cases) {
            String[] args = new String[c.args().length + 2];
            args[0] = "--section";
            args[1] = LMM;
            System.arraycopy(c.args(), 0, args, 2, c.args().length);
            CliRun run = add(args);
            assertThat(run.err()).as(String.join(" ", c.args())).isEqualTo(c.err() + "\n");
            assertThat(run.exitCode()).as(String.join(" ", c.args())).isEqualTo(c.err().startsWith("papers.yaml:") ? 3 : 2);
        }
        assertFilesUnchanged();
    }

    @Test
    void aMalformedBadgeNoteOrDateIsAUsageErrorThatNamesTheOptionAndTheValue() throws IOException {
        record Case(String option, String value, String problem) {}
        List<Case> cases = List.of(
                new Case("--date", "2023-02-30", "'2023-02-30' is not a real date: day 30 does not exist in 2023-02"),
                new Case("--date", "2023/02", "must be YYYY, YYYY-MM or YYYY-MM-DD, got '2023/02'"),
                new Case("--added", "2024-13", "'2024-13' is not a real date: month 13 is out of range"),
                new Case("--badge", "projcet=https://x.org", "kind 'projcet' is unknown (did you mean 'project'?) in "
                        + "'projcet=https://x.org'; kinds: project, zhihu, blog, custom"),
                new Case("--badge", "blog=https://x.org", "'blog=https://x.org': a 'blog' badge needs a label, as in "
                        + "blog:TEXT=URL"),
                new Case("--badge", "project", "must be KIND=URL or KIND:LABEL=URL (kinds: project, zhihu, blog, custom), "
                        + "got 'project'"),
                new Case("--badge", "project=ftp://x.org", "URL must be http:// or https://, got 'ftp://x.org'"),
                new Case("--note", "HTML", "must be LABEL=URL with an http:// or https:// URL, got 'HTML'"),
                new Case("--note", "A\u200B=https://x.org", "label contains the invisible character U+200B "
                        + "(zero-width character); remove it"));
        for (Case c : cases) {
            CliRun run = add("--section", LMM, "--name", "X", "--title", "Y", c.option(), c.value());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            // picocli names a repeatable option with its parameter's label.
            String named = "'" + c.option() + "'" + (c.option().equals("--badge") ? " (KIND=URL)"
                    : c.option().equals("--note") ? " (LABEL=URL)" : "");
            assertThat(run.err()).as(c.toString()).isEqualTo("paperlist: Invalid value for option " + named + ": "
                    + c.problem() + "\nTry 'paperlist add --help' for more information.\n");
            assertThat(run.out()).isEmpty();
        }
        assertFilesUnchanged();
    }

    @Test
    void aHeldLockIsOneLineExit5AndChangesNothing() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(".papers.yaml.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            CliRun run = add("--section", LMM, "--name", "X", "--title", "X");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
            assertThat(run.err()).isEqualTo("papers.yaml: another paperlist is changing it (.papers.yaml.lock has been "
                    + "locked for 0.3 s); nothing was changed, try again\n");
            assertThat(held.isValid()).isTrue();
        }
        assertFilesUnchanged();
    }

    @Test
    void aReadmeThatCannotBeRenderedStopsTheAddBeforeAnyWrite() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# A README without markers\n");
        readmeBefore = Files.readAllBytes(dir.resolve("README.md"));

        CliRun run = add("--section", LMM, "--name", "X", "--title", "X");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).startsWith("README.md: ");
        assertFilesUnchanged();
    }

    @Test
    void aCatalogueWithCrlfAndAByteOrderMarkKeepsBoth() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = new String(catalogBefore, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(crlf, 0, both, 3, crlf.length);
        Files.write(dir.resolve("papers.yaml"), both);

        CliRun run = add("--section", LMM, "--name", "X", "--title", "A title", "--no-render");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        byte[] after = Files.readAllBytes(dir.resolve("papers.yaml"));
        assertThat(Arrays.copyOf(after, 3)).isEqualTo(bom);
        String text = new String(after, 3, after.length - 3, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(text).isEqualTo(new String(crlf, StandardCharsets.UTF_8).replace(
                "SpeechGPT/index.html\"}\r\n", "SpeechGPT/index.html\"}\r\n          - name: X\r\n            title: \"A title\"\r\n"));
    }

    @Test
    void helpShowsExamples() {
        CliRun run = CliRun.in(dir, "add", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: paperlist add").contains("--arxiv=ID").contains("Examples:")
                .contains("  paperlist add --section \"Multimodal/Large Multimodal Models\" \\\n"
                        + "      --arxiv 2402.12226 --code OpenMOSS/AnyGPT\n");
        assertThat(run.out().lines()).allMatch(line -> line.length() <= 80);
    }
}
