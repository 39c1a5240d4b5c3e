package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paperlist.contribute.IssueForm;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperlist contribute init}: the issue form of this repository is the golden file (its committed
 * {@code .github/ISSUE_TEMPLATE/add-paper.yml}), and any catalogue's form keeps to GitHub's form schema.
 */
class ContributeInitTest {
    @TempDir Path dir;

    @Test
    void thisRepositorysFormIsWhatInitWritesAndListsItsSections() throws IOException {
        Files.copy(Path.of("papers.yaml"), dir.resolve("papers.yaml"));

        CliRun init = CliRun.in(dir, "contribute", "init");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).isEqualTo(".github/ISSUE_TEMPLATE/add-paper.yml: written\n");
        String form = Files.readString(dir.resolve(IssueForm.PATH));
        Golden.assertMatches(Path.of(IssueForm.PATH), form);
        List<String> sections = CliRun.in(Path.of(""), "sections").out().lines().toList();
        assertThat(sections).isNotEmpty();
        assertThat(options(form)).containsExactlyElementsOf(sections);

        CliRun again = CliRun.in(dir, "contribute", "init");
        assertThat(again.out()).isEqualTo(".github/ISSUE_TEMPLATE/add-paper.yml: up to date\n");
    }

    @Test
    void theFormKeepsToGitHubsSchemaWhateverTheSectionTitles() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), """
                sections:
                  - title: "Vision: \\"quoted\\" \\\\ back"
                    sections:
                      - title: "#1 & <b>bold</b>"
                  - title: "视觉 – 语言 'x'"
                """);
        CliRun init = CliRun.in(dir, "contribute", "init", "--output", "form.yml");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        String text = Files.readString(dir.resolve("form.yml"));
        assertThat(options(text)).containsExactly("Vision: \"quoted\" \\ back", "Vision: \"quoted\" \\ back/#1 & <b>bold</b>",
                "视觉 – 语言 'x'");

        JsonNode form = new ObjectMapper(new YAMLFactory()).readTree(text);
        assertThat(form.path("name").asText()).isNotBlank();
        assertThat(form.path("description").asText()).isNotBlank();
        assertThat(form.path("labels").get(0).asText()).isEqualTo(IssueForm.LABEL);
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (JsonNode element : form.path("body")) {
            String type = element.path("type").asText();
            assertThat(type).isIn("markdown", "input", "textarea", "dropdown");
            if (type.equals("markdown")) {
                assertThat(element.path("attributes").path("value").asText()).isNotBlank();
                continue;
            }
            assertThat(ids.add(element.path("id").asText())).isTrue();
            assertThat(element.path("id").asText()).matches("[A-Za-z0-9_-]+");
            assertThat(labels.add(element.path("attributes").path("label").asText())).isTrue();
        }
        assertThat(labels).containsExactlyInAnyOrder(java.util.Arrays.stream(IssueForm.Field.values())
                .map(IssueForm.Field::label).toArray(String[]::new));
    }

    @Test
    void lintWarnsWhenTheSectionsChangeUntilInitRunsAgain() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), "sections:\n  - title: Vision\n    papers: []\n");
        assertThat(CliRun.in(dir, "contribute", "init").exitCode()).isZero();
        assertThat(CliRun.in(dir, "lint", "--strict").out()).doesNotContain("issue-form");

        Files.writeString(dir.resolve("papers.yaml"), "sections:\n  - title: Vision\n    papers: []\n"
                + "  - title: Audio\n    papers: []\n");
        CliRun lint = CliRun.in(dir, "lint", "--strict");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.out()).contains("papers.yaml:4:5: issue-form: the issue form .github/ISSUE_TEMPLATE/add-paper.yml "
                + "lacks 'Audio'; run 'paperlist contribute init'\n");

        assertThat(CliRun.in(dir, "contribute", "init").out()).isEqualTo(".github/ISSUE_TEMPLATE/add-paper.yml: written\n");
        assertThat(CliRun.in(dir, "lint").out()).doesNotContain("issue-form");
    }

    @Test
    void lintSaysWhatIsWrongWithAFormThatIsNoLongerInitsOwn() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), "sections:\n  - title: Vision\n    papers: []\n"
                + "  - title: Audio\n    papers: []\n");
        Path form = Files.createDirectories(dir.resolve(".github/ISSUE_TEMPLATE")).resolve("add-paper.yml");
        String prefix = "papers.yaml:1:1: issue-form: the issue form .github/ISSUE_TEMPLATE/add-paper.yml ";
        String hint = "; run 'paperlist contribute init'\n";

        Files.writeString(form, "body:\n  - type: dropdown\n    id: section\n    attributes:\n      options: [Audio, Vision]\n");
        assertThat(CliRun.in(dir, "lint").out()).contains(prefix + "lists the sections in another order" + hint);
        Files.writeString(form, "body:\n  - type: input\n    id: arxiv\n");
        assertThat(CliRun.in(dir, "lint").out()).contains(prefix + "has no dropdown with id 'section'" + hint);
        Files.writeString(form, "body: [\n");
        assertThat(CliRun.in(dir, "lint").out()).contains(prefix + "cannot be read as YAML" + hint);
        Files.writeString(dir.resolve("papers.yaml"), "settings:\n  lint:\n    disable: [issue-form]\n"
                + "sections:\n  - title: Vision\n    papers: []\n");
        assertThat(CliRun.in(dir, "lint").out()).doesNotContain("issue-form");
    }

    @Test
    void aCatalogueWithoutSectionsHasNoForm() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), "sections: []\n");
        CliRun init = CliRun.in(dir, "contribute", "init");
        assertThat(init.exitCode()).isEqualTo(3);
        assertThat(init.err()).isEqualTo("papers.yaml: the catalogue has no section, so the issue form would have nothing "
                + "to choose from; add a section first\n");
        assertThat(dir.resolve(".github")).doesNotExist();
    }

    private static List<String> options(String form) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode element : new ObjectMapper(new YAMLFactory()).readTree(form).path("body")) {
            if (element.path("id").asText().equals("section")) {
                element.path("attributes").path("options").forEach(o -> out.add(o.asText()));
            }
        }
        return out;
    }
}
