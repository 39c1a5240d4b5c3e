package dev.paperlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's weekly refresh workflow: valid YAML that runs the action's refresh mode and a known PR action. */
class FreshnessWorkflowTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theWeeklyWorkflowRefreshesThroughTheActionAndOpensAPullRequestWithoutHandMadeApiCalls() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("\n### A weekly refresh on GitHub\n");
        assertThat(at).isNotNegative();
        Matcher block = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(readme.substring(at));
        assertThat(block.find()).isTrue();
        JsonNode workflow = YAML.readTree(block.group(1));
        assertThat(workflow.at("/on/schedule/0/cron").asText()).matches("\\S+ \\S+ \\S+ \\S+ \\S+");
        List<String> uses = new ArrayList<>();
        for (JsonNode step : workflow.at("/jobs/refresh/steps")) {
            assertThat(step.has("run")).as("no shell steps (no hand-made API calls): %s", step).isFalse();
            uses.add(step.path("uses").asText());
            if (step.path("uses").asText().contains("/paperlist@")) {
                assertThat(step.at("/with/mode").asText()).isEqualTo("refresh");
            }
        }
        assertThat(uses).hasSize(3);
        assertThat(uses.get(0)).isEqualTo("actions/checkout@v4");
        assertThat(uses.get(1)).endsWith("/paperlist@v0.1.0");
        assertThat(uses.get(2)).matches("peter-evans/create-pull-request@v\\d+");
        assertThat(workflow.at("/permissions/pull-requests").asText()).isEqualTo("write");
    }
}
