package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The daily dead-links workflow README.md gives: it parses, runs on a schedule, keeps the cache file
 * that {@code links} writes, and reaches GitHub only through well-known actions and {@code gh}.
 * (.ci/actionlint runs actionlint on it.)
 */
class LinksWorkflowTest {
    @Test
    void theReadmesDailyWorkflowKeepsTheCacheAndUsesGhForTheIssue() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Dead links\n");
        assertThat(start).isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 5));
        Matcher block = Pattern.compile("(?s)```yaml\n(.*?)```\n").matcher(section);
        assertThat(block.find()).isTrue();
        JsonNode workflow = new YAMLMapper().readTree(block.group(1));
        assertThat(block.find()).as("one workflow").isFalse();

        assertThat(workflow.at("/on/schedule/0/cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
        assertThat(workflow.at("/permissions/issues").asText()).isEqualTo("write");
        List<JsonNode> steps = new ArrayList<>();
        workflow.at("/jobs/links/steps").forEach(steps::add);
        assertThat(steps).filteredOn(s -> s.path("uses").asText().startsWith("actions/cache@"))
                .singleElement().satisfies(s -> assertThat(s.at("/with/path").asText()).isEqualTo(LinksCommand.DEFAULT_CACHE));
        for (JsonNode step : steps) {
            if (step.has("uses")) {
                assertThat(step.path("uses").asText()).matches("[\\w-]+/[\\w-]+@v\\d+");
            } else {
                String run = step.path("run").asText();
                assertThat(run).as("values reach scripts through env").doesNotContain("${{");
                assertThat(run).doesNotContain("curl").doesNotContain("api.github.com");
            }
        }
        assertThat(steps.get(steps.size() - 2).path("run").asText()).contains("paperlist.jar links --readme");
        assertThat(steps.get(steps.size() - 1).path("run").asText()).contains("gh issue create", "gh issue edit",
                "gh issue close", "--body-file issue.md");
    }
}
