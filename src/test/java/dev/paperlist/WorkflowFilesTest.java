package dev.paperlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The files other tools read from this repository: the GitHub Action, this repository's workflows and the
 * pre-commit hook manifest parse as YAML, have the shape their tools expect, and are documented in README.md.
 */
class WorkflowFilesTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern INPUT_REFERENCE = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");

    @Test
    void theActionIsACompositeActionWhoseInputsAreDeclaredUsedAndDocumented() throws IOException {
        String text = Files.readString(Path.of("action.yml"));
        JsonNode action = YAML.readTree(text);
        assertThat(action.path("name").asText()).isNotBlank();
        assertThat(action.path("description").asText()).isNotBlank();
        assertThat(action.at("/runs/using").asText()).isEqualTo("composite");

        Set<String> declared = new TreeSet<>();
        action.path("inputs").fieldNames().forEachRemaining(declared::add);
        assertThat(declared).contains("catalog", "lint", "jar");
        SoftAssertions softly = new SoftAssertions();
        action.path("inputs").fields().forEachRemaining(input -> {
            softly.assertThat(input.getValue().path("description").asText()).as("description of input %s", input.getKey())
                    .isNotBlank();
            softly.assertThat(input.getValue().has("default")).as("input %s has a default", input.getKey()).isTrue();
        });

        Set<String> referenced = new TreeSet<>();
        Matcher m = INPUT_REFERENCE.matcher(text);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        softly.assertThat(referenced).as("inputs the steps use").isEqualTo(declared);

        for (JsonNode step : action.at("/runs/steps")) {
            softly.assertThat(step.path("name").asText()).as("every step is named: %s", step).isNotBlank();
            if (step.has("run")) {
                softly.assertThat(step.path("shell").asText()).as("a composite run step needs a shell: %s", step.path("name"))
                        .isEqualTo("bash");
                softly.assertThat(step.path("run").asText()).as("inputs reach scripts through env, never pasted into code")
                        .doesNotContain("${{");
            } else {
                softly.assertThat(step.path("uses").asText()).as("a step runs or uses: %s", step).matches(".+@v\\d+");
            }
        }
        softly.assertAll();

        String section = readmeSection("## Use it in your own list");
        for (String input : declared) {
            assertThat(section).as("README documents input %s", input).contains("| `" + input + "` |");
        }
    }

    @Test
    void thisRepositorysWorkflowChecksOutThenUsesItsOwnAction() throws IOException {
        JsonNode workflow = YAML.readTree(Files.readString(Path.of(".github", "workflows", "ci.yml")));
        assertThat(workflow.has("on")).isTrue();
        List<String> uses = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (JsonNode job : iterable(workflow.path("jobs"))) {
            assertThat(job.path("runs-on").asText()).isNotBlank();
            for (JsonNode step : job.path("steps")) {
                uses.add(step.path("uses").asText());
                runs.add(step.path("run").asText());
            }
        }
        assertThat(uses).contains("./");
        assertThat(uses.indexOf("actions/checkout@v4")).isGreaterThanOrEqualTo(0).isLessThan(uses.indexOf("./"));
        assertThat(runs).contains("mvn -B verify", "bash .ci/pre-commit-test");
    }

    @Test
    void thePreCommitManifestDeclaresBothHooksAsScriptsRunningTheLauncher() throws IOException {
        JsonNode hooks = YAML.readTree(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        assertThat(hooks.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        for (JsonNode hook : hooks) {
            String id = hook.path("id").asText();
            ids.add(id);
            assertThat(hook.path("language").asText()).as(id).isEqualTo("script");
            assertThat(hook.path("pass_filenames").isBoolean() && !hook.path("pass_filenames").booleanValue()).as(id).isTrue();
            String[] entry = hook.path("entry").asText().split(" ");
            Path launcher = Path.of(entry[0]);
            assertThat(Files.isRegularFile(launcher) && Files.isExecutable(launcher)).as("%s runs %s", id, launcher).isTrue();
            Pattern files = Pattern.compile(hook.path("files").asText());
            for (String path : List.of("papers.yaml", "README.md", ".pre-commit-config.yaml")) {
                assertThat(files.matcher(path).find()).as("%s runs when %s changes", id, path).isTrue();
            }
            for (String path : List.of("docs/README.md", "notes.md", "papers.yaml.bak", "src/papers.yaml")) {
                assertThat(files.matcher(path).find()).as("%s ignores %s", id, path).isFalse();
            }
        }
        assertThat(ids).containsExactly("paperlist-check", "paperlist-render");
        assertThat(hooks.get(0).path("entry").asText()).isEqualTo("paperlist check");
        assertThat(hooks.get(1).path("entry").asText()).isEqualTo("paperlist render --exit-code");
        assertThat(readmeSection("## Use it in your own list")).contains("id: paperlist-check").contains("id: paperlist-render");
    }

    @Test
    void theReadmesYamlExamplesForListRepositoriesParse() throws IOException {
        Matcher block = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(readmeSection("## Use it in your own list"));
        int count = 0;
        while (block.find()) {
            JsonNode parsed = YAML.readTree(block.group(1));
            assertThat(parsed.isObject()).as(block.group(1)).isTrue();
            count++;
        }
        assertThat(count).isEqualTo(2);
    }

    private static String readmeSection(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has the section %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.elements().forEachRemaining(out::add);
        return out;
    }
}
