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
import dev.paperlist.testing.Html;
import dev.paperlist.testing.MarkdownStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code paperlist add --from-issue}: recorded issue bodies from {@code src/test/resources/contribute/}, as
 * GitHub writes a submitted form, added to a copy of this repository's list with a local stand-in for arXiv.
 */
class AddFromIssueTest {
    private static final Path BODIES = Path.of("src/test/resources/contribute");
    private static final Path REPOSITORY = Path.of("src/test/resources/add/repository");

    @TempDir Path dir;
    private final ArxivStub stub = new ArxivStub();
    private final FakeTime time = new FakeTime();
    private byte[] catalogBefore;
    private byte[] readmeBefore;

    @BeforeEach
    void copyThisRepository() throws IOException {
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

    private CliRun addFrom(String body, String... more) throws IOException {
        Files.copy(BODIES.resolve(body), dir.resolve(body));
        List<String> args = new ArrayList<>(List.of("add", "--from-issue", body));
        args.addAll(List.of(more));
        return CliRun.in(env(), args.toArray(String[]::new));
    }

    private List<String> addedLines() throws IOException {
        List<String> before = Arrays.asList(new String(catalogBefore, StandardCharsets.UTF_8).split("\n", -1));
        List<String> after = Arrays.asList(Files.readString(dir.resolve("papers.yaml")).split("\n", -1));
        List<String> added = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            assertThat(delta.getType()).as("papers.yaml changes only by added lines: " + delta).isEqualTo(DeltaType.INSERT);
            added.addAll(delta.getTarget().getLines());
        }
        return added;
    }

    private void assertUnchanged() throws IOException {
        assertThat(Files.readAllBytes(dir.resolve("papers.yaml"))).as("papers.yaml").isEqualTo(catalogBefore);
        assertThat(Files.readAllBytes(dir.resolve("README.md"))).as("README.md").isEqualTo(readmeBefore);
    }

    private static final List<String> NEXT_GPT = List.of(
            "          - name: NExT-GPT",
            "            title: \"NExT-GPT: Any-to-Any Multimodal LLM\"",
            "            url: https://arxiv.org/abs/2309.05519",
            "            code: NExT-GPT/NExT-GPT",
            "            venue: \"ICML 2024\"",
            "            submitted: 2023-09-11",
            "            authors: [Shengqiong Wu, Hao Fei, Leigang Qu, Wei Ji, Tat-Seng Chua]");

    @Test
    void aWellFormedSubmissionAddsThePaperAsTheOptionsWould() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));

        CliRun run = addFrom("well-formed.md");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("papers.yaml: added 'NExT-GPT' to 'Multimodal/Large Multimodal Models' at line 83\n"
                + "README.md: rendered\n");
        assertThat(run.err()).isEqualTo("NExT-GPT: venue 'ICML 2024' read from arXiv's comment or journal reference; "
                + "give --venue to set another\n");
        assertThat(stub.queries()).containsExactly("id_list=2309.05519&max_results=1");
        List<String> fromIssue = addedLines();
        assertThat(fromIssue.subList(0, 7)).containsExactlyElementsOf(NEXT_GPT);

        // The same paper through the options the form's fields stand for: the same lines.
        Files.write(dir.resolve("papers.yaml"), catalogBefore);
        Files.write(dir.resolve("README.md"), readmeBefore);
        CliRun options = CliRun.in(env(), "add", "--section", "Multimodal/Large Multimodal Models", "--arxiv",
                "https://arxiv.org/abs/2309.05519v2", "--code", "https://github.com/NExT-GPT/NExT-GPT", "--topic",
                "any-to-any", "--topic", "multimodal generation", "--note", "My notes=https://example.org/notes/next-gpt",
                "--note", "Slides=https://example.org/slides/next-gpt.pdf");
        assertThat(options.exitCode()).as(options.toString()).isZero();
        assertThat(options.out()).isEqualTo(run.out());
        assertThat(addedLines()).isEqualTo(fromIssue);
        assertThat(fromIssue).contains("            topics: [\"any-to-any\", \"multimodal generation\"]");
        assertThat(String.join("\n", fromIssue)).contains("{label: My notes, url: \"https://example.org/notes/next-gpt\"}")
                .contains("{label: Slides, url: \"https://example.org/slides/next-gpt.pdf\"}");
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
    }

    @Test
    void theEventJsonOfTheIssueWorksAsItsBodyAndSoDoesStandardInput() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));
        CliRun event = addFrom("event.json", "--no-render");
        assertThat(event.exitCode()).as(event.toString()).isZero();
        assertThat(event.out()).isEqualTo("papers.yaml: added 'NExT-GPT' to 'Multimodal/Large Multimodal Models' at line 83\n");
        List<String> fromEvent = addedLines();
        assertThat(fromEvent.subList(0, 7)).containsExactlyElementsOf(NEXT_GPT);

        Files.write(dir.resolve("papers.yaml"), catalogBefore);
        byte[] body = Files.readAllBytes(BODIES.resolve("well-formed.md"));
        CliRun stdin = CliRun.in(env().withStdin(new ByteArrayInputStream(body)), "add", "--from-issue", "-", "--no-render");
        assertThat(stdin.exitCode()).as(stdin.toString()).isZero();
        assertThat(addedLines()).isEqualTo(fromEvent);
    }

    @Test
    void githubCommentFormatPrintsMarkdownForThePullRequest() throws IOException {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));
        CliRun run = addFrom("well-formed.md", "--format", "github-comment");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("paperlist added the paper of this issue:\n\n```text\n"
                + "papers.yaml: added 'NExT-GPT' to 'Multimodal/Large Multimodal Models' at line 83\n"
                + "README.md: rendered\n"
                + "NExT-GPT: venue 'ICML 2024' read from arXiv's comment or journal reference; give --venue to set another\n"
                + "```\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.md           | paperlist add: 'Section' has no answer; choose the section the paper belongs in
            unknown-section.md | unknown section 'Multimodal/Robotics'; choose one of the sections the form offers
            already-listed.md  | papers.yaml:9:13: 'AnyGPT' is already in the catalogue (the same arXiv id 2402.12226), in 'Multimodal/Large Multimodal Models'; a section lists a paper once
            """)
    void aWrongSubmissionExits3WithAMessageForTheIssue(String body, String message) throws IOException {
        CliRun run = addFrom(body);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(message + "\n");
        assertUnchanged();
        assertThat(stub.queries()).as("nothing is fetched for a submission that cannot be added").isEmpty();

        CliRun comment = CliRun.in(env(), "add", "--from-issue", body, "--format", "github-comment");
        assertUnchanged();
        assertThat(comment.exitCode()).isEqualTo(3);
        assertThat(comment.err()).isEqualTo(run.err());
        assertThat(comment.out()).isEqualTo("paperlist could not add this paper. Edit the issue to fix what it says "
                + "below; it is read again after each edit.\n\n```text\n" + message + "\n```\n");
    }

    @Test
    void aPaperListedInAnotherSectionIsRefusedWithWhatAMaintainerCanDo() throws IOException {
        Files.writeString(dir.resolve("other-section.md"), Files.readString(BODIES.resolve("already-listed.md"))
                .replace("Multimodal/Large Multimodal Models", "Multimodal/Multimodal Learning"));
        CliRun run = CliRun.in(env(), "add", "--from-issue", "other-section.md");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("papers.yaml:9:13: 'AnyGPT' is already in the catalogue (the same arXiv id "
                + "2402.12226), in 'Multimodal/Large Multimodal Models'; a maintainer can use 'paperlist add --force' to "
                + "list it in 'Multimodal/Multimodal Learning' too (as a ref to that entry)\n");
        assertUnchanged();
    }

    @Test
    void markdownAndHtmlInEveryFreeTextFieldReachTheCatalogueAsTextAndThePageAsText() throws IOException {
        CliRun run = addFrom("injection.md", "--format", "github-comment");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(stub.queries()).isEmpty();
        String added = String.join("\n", addedLines());
        assertThat(added).contains("<script>alert(1)</script> **bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)>")
                .contains("<img src=x onerror=alert(1)>|` ``` #")
                .contains("</details><!-- [x](https://evil.example) @maintainer")
                .contains("<b>topic</b>").contains("[t](https://evil.example)").contains("<i>notes</i>");
        String readme = Files.readString(dir.resolve("README.md"));
        String block = readme.substring(readme.indexOf('\n', readme.lastIndexOf("<!-- paperlist:start")),
                readme.lastIndexOf("<!-- paperlist:end -->"));
        assertThat(block).contains("Multimodal Learning");
        String page = Html.of(block);
        assertThat(page).doesNotContain("<script").doesNotContain("<img src=x").doesNotContain("<img src=\"x\"")
                .doesNotContain("<b>").doesNotContain("<i>").doesNotContain("</details>").doesNotContain("<!--")
                .doesNotContain("href=\"javascript:").doesNotContain("href=\"https://evil.example");
        assertSafeComment(run.out(), "<img src=x onerror=alert(1)>|` ``` #");
        CliRun check = CliRun.in(dir, "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Section          | Multimodal/Large Multimodal Models | unknown section '%s'; choose one of the sections the form offers
            arXiv id or URL  | https://arxiv.org/abs/2309.05519v2 | paperlist add: 'arXiv id or URL' '%s' is not an arXiv id or URL (such as 2402.12226, arXiv:2402.12226v2, https://arxiv.org/abs/2402.12226 or hep-th/9901001)
            Paper URL        | _No response_                      | paperlist add: 'Paper URL' must be an http:// or https:// URL, got '%s'
            Code repository  | https://github.com/NExT-GPT/NExT-GPT | paperlist add: 'Code repository' must be a GitHub repository as owner/repo or https://github.com/owner/repo, got '%s'
            """)
    void markdownAndHtmlInAFieldThatIsCheckedIsRefusedAndQuotedOnlyInACodeBlock(String label, String was, String message)
            throws IOException {
        String payload = "<img src=x onerror=alert(1)> ``` </details> @maintainer [x](https://evil.example)";
        String body = Files.readString(BODIES.resolve("well-formed.md"));
        String marked = body.replace("### " + label + "\n\n" + was + "\n", "### " + label + "\n\n" + payload + "\n");
        assertThat(marked).isNotEqualTo(body);
        Files.writeString(dir.resolve("body.md"), marked);

        CliRun run = CliRun.in(env(), "add", "--from-issue", "body.md", "--format", "github-comment");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).isEqualTo(message.formatted(payload) + "\n");
        assertSafeComment(run.out(), payload);
        assertUnchanged();
    }

    // The submitter's text is in the comment only inside one fenced code block: no HTML, link or mention.
    private static void assertSafeComment(String comment, String payload) {
        MarkdownStructure structure = MarkdownStructure.of(comment);
        assertThat(structure.count("FencedCodeBlock")).as(comment).isEqualTo(1);
        assertThat(structure.count("HtmlInline") + structure.count("HtmlBlock")).as(comment).isZero();
        assertThat(structure.links()).as(comment).isEmpty();
        assertThat(comment).contains(payload);
        assertThat(comment).contains("\n````text\n");
    }

    @Test
    void aMegabyteBodyIsRefusedAsNoFormGitHubWouldKeep() throws IOException {
        String body = Files.readString(BODIES.resolve("well-formed.md"));
        StringBuilder big = new StringBuilder(body);
        while (big.length() < 1_000_000) {
            big.append("More notes = https://example.org/").append(big.length()).append('\n');
        }
        Files.writeString(dir.resolve("big.md"), big);
        Files.writeString(dir.resolve("big.json"), "{\"issue\": {\"body\": " + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(big.toString()) + "}}");

        for (String file : List.of("big.md", "big.json")) {
            long start = System.nanoTime();
            CliRun run = CliRun.in(env(), "add", "--from-issue", file, "--format", "github-comment");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.err()).isEqualTo(file + ": the issue body is " + String.format(java.util.Locale.ROOT, "%,d",
                    big.length()) + " characters, more than the 65,536 GitHub keeps; it is not a submitted form\n");
            assertThat(run.out()).startsWith("paperlist could not add this paper.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertUnchanged();

        byte[] over = new byte[(4 << 20) + 1];
        java.util.Arrays.fill(over, (byte) 'x');
        CliRun stdin = CliRun.in(env().withStdin(new ByteArrayInputStream(over)), "add", "--from-issue", "-");
        assertThat(stdin.exitCode()).isEqualTo(3);
        assertThat(stdin.err()).isEqualTo("standard input: more than 4,194,304 bytes (4 MiB), the limit\n");
    }

    @Test
    void aBodyThatIsNoFormOrAnEventWithoutBodyIsInvalidInput() throws IOException {
        Files.writeString(dir.resolve("plain.md"), "Please add https://arxiv.org/abs/2309.05519, thanks!\n");
        Files.writeString(dir.resolve("no-body.json"), "{\"issue\": {\"number\": 3, \"body\": null}}");
        Files.writeString(dir.resolve("push.json"), "{\"ref\": \"refs/heads/main\"}");
        assertThat(CliRun.in(env(), "add", "--from-issue", "plain.md").err())
                .isEqualTo("plain.md: no '### Section' heading; open the issue with the 'Add a paper' form\n");
        assertThat(CliRun.in(env(), "add", "--from-issue", "no-body.json").err())
                .isEqualTo("no-body.json: the issue has no body; open it with the 'Add a paper' form\n");
        CliRun push = CliRun.in(env(), "add", "--from-issue", "push.json");
        assertThat(push.exitCode()).isEqualTo(3);
        assertThat(push.err()).isEqualTo("push.json: JSON without issue.body; give the payload of an 'issues' event, "
                + "or the issue body itself\n");
        assertUnchanged();
    }

    @Test
    void paperOptionsBesideFromIssueAndACommentWithoutIssueAreUsageErrors() {
        CliRun both = CliRun.in(env(), "add", "--from-issue", "x.md", "--section", "Multimodal");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("paperlist add: --from-issue takes the paper from the issue; give no other "
                + "option about the paper\n");
        CliRun comment = CliRun.in(env(), "add", "--section", "Multimodal", "--format", "github-comment");
        assertThat(comment.exitCode()).isEqualTo(2);
        assertThat(comment.err()).isEqualTo("paperlist add: --format github-comment needs --from-issue\n");
        CliRun wrong = CliRun.in(env(), "add", "--from-issue", "x.md", "--format", "html");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("paperlist: Invalid value for option '--format': expected one of text, "
                + "github-comment but was 'html'\n");
    }

    @Test
    void whatTheFormLacksIsNotAskedForOnATerminal() throws IOException {
        stub.reply(Reply.ok(recorded("hep-th-9711200.xml")));
        Files.writeString(dir.resolve("no-name.md"), Files.readString(BODIES.resolve("well-formed.md"))
                .replace("https://arxiv.org/abs/2309.05519v2", "hep-th/9711200")
                .replace("Multimodal/Large Multimodal Models", "Multimodal/Multimodal Learning"));
        List<String> asked = new ArrayList<>();

        CliRun run = CliRun.in(env().withTerminal(prompt -> {
            asked.add(prompt);
            return "Asked";
        }), "add", "--from-issue", "no-name.md");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("paperlist add: missing 'Short name' (the short heading, such as AnyGPT)\n");
        assertThat(asked).isEmpty();
        assertUnchanged();
    }
}
