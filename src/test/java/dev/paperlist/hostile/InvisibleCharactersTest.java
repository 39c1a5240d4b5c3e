package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.io.TextFile;
import dev.paperlist.testing.CliRun;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Characters that hide or reorder text (bidirectional overrides and isolates, zero-width spaces, control
 * characters, line separators) and lone surrogates are refused in every text field, with the character
 * named, whether written raw or as a YAML escape; messages quoting such text show them as
 * {@code \\uXXXX}, so they cannot reorder or rewrite the terminal either. Zero-width joiners, which
 * emoji sequences need, are allowed. Guards: {@code TextRules}, {@code Cli.visible}, and the same rules
 * in {@code ListImporter} for what import would copy.
 */
@DisplayName("bidi overrides, zero-width characters, lone surrogates")
class InvisibleCharactersTest {
    static final String HEAD = UnsafeYamlFeaturesTest.HEAD;

    @TempDir Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("bidi override in a name", HEAD.replace("name: P", "name: \"P\u202Egnp.exe\""),
                        "papers.yaml:4:15: 'name' contains the invisible character U+202E (bidirectional formatting character); remove it"),
                Arguments.of("bidi override as a YAML escape", HEAD.replace("name: P", "name: \"P\\u202Egnp.exe\""),
                        "papers.yaml:4:15: 'name' contains the invisible character U+202E (bidirectional formatting character); remove it"),
                Arguments.of("bidi isolate in a tag", HEAD + "        tags: [\"a\u2066b\"]\n",
                        "papers.yaml:6:16: an item of 'tags' contains the invisible character U+2066 (bidirectional formatting character); remove it"),
                Arguments.of("zero-width space in a title", HEAD.replace("title: T", "title: \"T\u200Bx\""),
                        "papers.yaml:5:16: 'title' contains the invisible character U+200B (zero-width character); remove it"),
                Arguments.of("word joiner in a section title", "sections:\n  - title: \"S\u2060\"\n",
                        "papers.yaml:2:12: 'title' contains the invisible character U+2060 (zero-width character); remove it"),
                Arguments.of("byte-order mark inside a value", HEAD + "        venue: \"ICLR\uFEFF\"\n",
                        "papers.yaml:6:16: 'venue' contains the invisible character U+FEFF (zero-width character); remove it"),
                Arguments.of("lone high surrogate as a YAML escape", HEAD + "        authors: [\"A\\uD800\"]\n",
                        "papers.yaml:6:19: an item of 'authors' contains the invisible character U+D800 (lone surrogate); remove it"),
                Arguments.of("lone low surrogate as a YAML escape", HEAD.replace("title: T", "title: \"\\uDC00T\""),
                        "papers.yaml:5:16: 'title' contains the invisible character U+DC00 (lone surrogate); remove it"),
                Arguments.of("escape character, which rewrites terminals", HEAD + "        venue: \"\\e[2J\"\n",
                        "papers.yaml:6:16: 'venue' contains the invisible character U+001B (control character); remove it"),
                Arguments.of("line separator", HEAD + "        abstract: \"a\\Lb\"\n",
                        "papers.yaml:6:19: 'abstract' contains the invisible character U+2028 (line or paragraph separator); remove it"),
                Arguments.of("in the name of an extra field", HEAD + "        extra: {\"Da\u202Eta\": x}\n",
                        "papers.yaml:6:17: an extra field's name contains the invisible character U+202E (bidirectional formatting character); remove it"),
                Arguments.of("in an unknown key, shown escaped", HEAD + "        \"ti\u202Etle\": x\n",
                        "papers.yaml:6:9: unknown key 'ti\\u202Etle' in a paper (did you mean 'title'?)"),
                Arguments.of("a line break in an unknown key, shown escaped", HEAD + "        \"ven\\nue\": x\n",
                        "papers.yaml:6:9: unknown key 'ven\\u000Aue' in a paper (did you mean 'venue'?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithTheCharacterNamed(String name, String yaml, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", yaml);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
    }

    @Test
    void importRefusesThemWhereTheReadmeHasThem() {
        Workspace w = new Workspace(dir).write("README.md", "# List\n\n## Vision\n\n### CLIP\u202Egnp.exe\n\n"
                + "- **Paper:** [CLIP](https://arxiv.org/abs/2103.00020)\n");
        w.assertRefused(ExitCode.INVALID_INPUT, "README.md:5:9: the invisible character U+202E (bidirectional formatting "
                + "character) would be copied into the catalogue, which refuses it; remove it", "import", "README.md");
    }

    @Test
    void emojiSequencesAndOtherScriptsAreTextAndTheOutputIsValidUtf8() {
        String names = "👨‍👩‍👧 ❤️ 🇯🇵 नमस्ते ✊🏽 زبان فارسی‌ها 多模态";
        Workspace w = new Workspace(dir).write("papers.yaml", HEAD.replace("title: T", "title: \"" + names + "\""));

        CliRun render = w.run("render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        TextFile readme = TextFile.decode(w.bytes("README.md"), "README.md");
        assertThat(readme.text()).contains("- **Paper:** " + names + "\n");
    }
}
