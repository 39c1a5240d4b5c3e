package dev.paperlist.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.yaml.SourceIndex;
import dev.paperlist.model.LintRule;
import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code paperlist lint}: one fixture per rule under {@code src/test/resources/lint/RULE-ID.yaml}, whose
 * {@code # expect: LINE:COL: rule-id: message} header lines are the complete, exact output expected for it
 * (positions were counted from the fixture's text, not from paperlist's output). Files a rule reads beside
 * the catalogue are in the folder {@code RULE-ID/}, copied next to it.
 */
class LintTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "lint");
    private static final String EXPECT = "# expect: ";

    @TempDir Path dir;

    static Stream<LintRule> rules() {
        return Stream.of(LintRule.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleReportsItsFixtureWithLineAndColumn(LintRule rule) throws IOException {
        String text = fixture(rule);
        List<String> expected = expectations(text);
        assertThat(expected).as("expectations in %s.yaml", rule.id()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(": " + rule.id() + ": "));
        Files.writeString(dir.resolve("papers.yaml"), text, StandardCharsets.UTF_8);
        copyFilesBeside(rule);

        CliRun lint = CliRun.in(dir, "lint");

        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        List<String> printed = new ArrayList<>(lint.out().lines().toList());
        assertThat(printed.remove(printed.size() - 1))
                .isEqualTo("papers.yaml: " + expected.size() + (expected.size() == 1 ? " warning" : " warnings"));
        assertThat(printed).containsExactlyElementsOf(expected.stream().map(e -> "papers.yaml:" + e).toList());
        assertThat(lint.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleCanBeSwitchedOffInTheSettings(LintRule rule) throws IOException {
        String text = fixture(rule);
        String disabled = text.contains("\nsettings: {")
                ? text.replace("\nsettings: {", "\nsettings: {lint: {disable: [" + rule.id() + "]}, ")
                : text.replace("\nsections:\n", "\nsettings:\n  lint:\n    disable: [" + rule.id() + "]\nsections:\n");
        assertThat(disabled).isNotEqualTo(text);
        Files.writeString(dir.resolve("papers.yaml"), disabled, StandardCharsets.UTF_8);
        copyFilesBeside(rule);

        CliRun lint = CliRun.in(dir, "lint", "--strict");

        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(lint.out()).isEqualTo("papers.yaml: no warnings\n");
    }

    @Test
    void strictExits1OnWarningsAndJsonListsThemForTools() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), fixture(LintRule.HTTP_LINK), StandardCharsets.UTF_8);

        CliRun strict = CliRun.in(dir, "lint", "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).endsWith("papers.yaml: 3 warnings\n");

        CliRun json = CliRun.in(dir, "lint", "--format", "json");
        assertThat(json.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("file").asText()).isEqualTo("papers.yaml");
        assertThat(report.path("errors")).isEmpty();
        assertThat(report.path("warnings")).hasSize(3);
        JsonNode first = report.path("warnings").get(0);
        assertThat(first.path("line").asInt()).isEqualTo(9);
        assertThat(first.path("column").asInt()).isEqualTo(14);
        assertThat(first.path("rule").asText()).isEqualTo("http-link");
        assertThat(first.path("message").asText()).startsWith("'url' of 'CLIP' uses http://");
        assertThat(json.out()).startsWith("{\n  \"file\" : \"papers.yaml\",\n").endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void githubFormatPrintsWarningAnnotations() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), fixture(LintRule.NO_ABSTRACT), StandardCharsets.UTF_8);
        CliRun lint = CliRun.in(dir, "lint", "--format", "github");
        assertThat(lint.exitCode()).isZero();
        assertThat(lint.out()).isEqualTo("::warning file=papers.yaml,line=5,col=9,title=paperlist lint%3A no-abstract::"
                + "paper 'CLIP' has no 'abstract'\n");
    }

    @Test
    void aLoaderErrorIsAnErrorExit3AndInJsonToo() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), "sections:\n  - title: S\n    papres: []\n");

        CliRun text = CliRun.in(dir, "lint");
        assertThat(text.exitCode()).isEqualTo(3);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).isEqualTo("papers.yaml:3:5: unknown key 'papres' in a section (did you mean 'papers'?)\n");

        CliRun json = CliRun.in(dir, "lint", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(3);
        JsonNode error = new ObjectMapper().readTree(json.out()).path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("column").asInt()).isEqualTo(5);
        assertThat(error.path("message").asText()).isEqualTo("unknown key 'papres' in a section (did you mean 'papers'?)");
        assertThat(json.err()).isEqualTo(text.err());
    }

    @Test
    void aFileThatIsNotUtf8GetsItsPlaceInJsonToo() throws IOException {
        Files.write(dir.resolve("papers.yaml"), new byte[] {'s', 'e', 'c', ':', '\n', ' ', ' ', 'x', (byte) 0xC3, '\n'});

        CliRun json = CliRun.in(dir, "lint", "--format", "json");

        assertThat(json.exitCode()).isEqualTo(3);
        assertThat(json.err()).isEqualTo("papers.yaml:2:4: invalid UTF-8 byte sequence; save the file as UTF-8\n");
        JsonNode error = new ObjectMapper().readTree(json.out()).path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("column").asInt()).isEqualTo(4);
        assertThat(error.path("message").asText()).isEqualTo("invalid UTF-8 byte sequence; save the file as UTF-8");
    }

    @Test
    void theWriterKeepsDisabledRules() {
        String text = "settings:\n  lint:\n    disable: [http-link, no-abstract, http-link]\nsections:\n  - title: S\n";
        var catalog = CatalogLoader.parse(text, "papers.yaml");
        assertThat(catalog.settings().lintDisabled()).containsExactly(LintRule.HTTP_LINK, LintRule.NO_ABSTRACT);
        String written = dev.paperlist.catalog.edit.CatalogWriter.write(catalog);
        assertThat(written).startsWith("settings:\n  lint:\n    disable: [http-link, no-abstract]\nsections:\n");
        assertThat(CatalogLoader.parse(written, "papers.yaml").settings()).isEqualTo(catalog.settings());
    }

    @Test
    void theSchemaKnowsExactlyTheRules() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("schema", "papers.schema.json")));
        List<String> ids = new ArrayList<>();
        schema.at("/$defs/lint/properties/disable/items/enum").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyElementsOf(LintRule.ids());
    }

    @Test
    void theReadmeDocumentsEveryRule() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(LintRule.ids()).allSatisfy(id -> assertThat(readme).contains("| `" + id + "` |"));
    }

    @Test
    void thisRepositorysOwnListHasNoWarnings() throws IOException {
        String text = Files.readString(Path.of("papers.yaml"));
        assertThat(Linter.lint(CatalogLoader.parse(text, "papers.yaml"), SourceIndex.of(text, "papers.yaml"))).isEmpty();
    }

    @Test
    void titlesAreTheSameOnceCaseAccentsAndPunctuationAreSetAside() {
        assertThat(Linter.normalisedTitle("Ünified  Models: a Study!")).isEqualTo(Linter.normalisedTitle("unified models — A study"));
        assertThat(Linter.normalisedTitle("Model 2")).isNotEqualTo(Linter.normalisedTitle("Model 3"));
        assertThat(Linter.normalisedTitle("多模态 模型")).isEqualTo("多模态模型");
    }

    private void copyFilesBeside(LintRule rule) throws IOException {
        Path beside = FIXTURES.resolve(rule.id());
        if (!Files.isDirectory(beside)) {
            return;
        }
        try (Stream<Path> files = Files.walk(beside)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(beside.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static String fixture(LintRule rule) throws IOException {
        Path file = FIXTURES.resolve(rule.id() + ".yaml");
        assertThat(file).as("a fixture for rule %s", rule.id()).exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<String> expectations(String text) {
        return text.lines().filter(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length())).toList();
    }
}
