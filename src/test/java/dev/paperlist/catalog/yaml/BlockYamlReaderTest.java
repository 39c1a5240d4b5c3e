package dev.paperlist.catalog.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader against SnakeYAML: on every text it accepts, the same tree (values, nulls, order,
 * every position); on every text SnakeYAML refuses, it declines. The files paperlist writes and this
 * repository's own catalogues must take the fast path, or the speed it exists for is lost unnoticed.
 */
public class BlockYamlReaderTest {
    private static final int FUZZ = Integer.getInteger("yaml.fuzz.iterations", 10_000);

    /** The tree as text with every position, so that two trees compare in one assertion with a readable diff. */
    public static String describe(YamlNode node) {
        StringBuilder out = new StringBuilder();
        describe(node, out, "");
        return out.toString();
    }

    private static void describe(YamlNode node, StringBuilder out, String indent) {
        if (node instanceof YamlNode.Scalar s) {
            out.append(indent).append("scalar ").append(s.line()).append(':').append(s.column())
                    .append(s.isNull() ? " null " : " ").append(quote(s.text())).append('\n');
        } else if (node instanceof YamlNode.Sequence q) {
            out.append(indent).append("list ").append(q.line()).append(':').append(q.column()).append('\n');
            q.items().forEach(item -> describe(item, out, indent + "  "));
        } else if (node instanceof YamlNode.Mapping m) {
            out.append(indent).append("mapping ").append(m.line()).append(':').append(m.column()).append('\n');
            m.entries().values().forEach(e -> {
                out.append(indent).append("  key ").append(e.line()).append(':').append(e.column()).append(' ')
                        .append(quote(e.key())).append('\n');
                describe(e.value(), out, indent + "    ");
            });
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u{%X}", c)));
        return out.append('"').toString();
    }

    /** SnakeYAML's tree, or null when it refuses the text. */
    private static String reference(String text) {
        try {
            return describe(new YamlReader("papers.yaml").read(text));
        } catch (PaperlistException e) {
            return null;
        }
    }

    /** Whether the fast reader accepted the text; fails when it accepted it differently from SnakeYAML. */
    private static boolean agrees(String text) {
        YamlNode fast = BlockYamlReader.read(text);
        if (fast == null) {
            return false;
        }
        assertThat(describe(fast)).as("fast reader on:\n%s", text).isEqualTo(reference(text));
        return true;
    }

    @Test
    void readsTheRepositorysOwnCatalogueAndEveryCatalogueInTheTests() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("papers.yaml"));
        try (Stream<Path> all = Files.walk(Path.of("src/test/resources"))) {
            all.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        int accepted = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (agrees(text)) {
                accepted++;
            }
        }
        assertThat(BlockYamlReader.read(Files.readString(Path.of("papers.yaml")))).as("papers.yaml").isNotNull();
        // Fixtures of errors are declined by design; most catalogues in the tests are written plainly.
        assertThat(accepted).as("accepted of %d files", files.size()).isGreaterThan(files.size() / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\n", "a: null\nb: Null\nc: NULL\nd: ~\ne: nUll\nf: 'null'\ng: \"~\"\n",
        "a: true\nb: yes\nc: 012\nd: 0x1F\ne: 1_000\nf: .inf\ng: 2024-02-19\nh: 1e3\n",
        "a: b # comment\n# whole line\nc: 'it''s'\nd: \"\\u00e9\\n\\t\\\\\\\"\"\n",
        "k:\n- a\n- b\nj: x\n", "k:\n    - a\n    -  b\n", "k: [a, \"b c\", 'd', e f]\nl: []\nm: {}\n",
        "k: {kind: project, url: \"https://x.org/a?b=1\"}\n", "s:\n  - t: x\n    p:\n      - n: 1\n        u: [a]\n",
        "a: 中文 😀 text\nb: 😀 x\n", "a: 😀\nb: \"😀\" # c\nc: [😀, x]\n",
        "a: [😀 x, 😀, \"😀\", '😀😀', y]\nb: {k: 😀, l: '😀', m: \"😀\"}\nc:\n- x: 😀 😀\n  y: [😀, z]\n", "a: x\r\nb: y\r\n", "a: ''\nb: \"\"\nc: ['', \"\"]\nd: {k: ''}\n",
        "a:   spaced   out  \nb: C# and F#\nc: a#b\n", "a: http://x.org/a:b\n", "a: [C#, b]\n",
        "a: \"\\e\\x41\\U0001F600\\_\\N\\ \\0\"\n",
    })
    void agreesOnTheShapesACatalogueUses(String text) {
        assertThat(agrees(text)).as("accepted:\n%s", text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "# only\n", "- a\n", "a: |\n  b\n", "a: >\n  b\n", "a: b\n  c\n", "a:\n", "a: &x 1\nb: *x\n",
        "a: !!str 1\n", "<<: {a: 1}\n", "a: 1\na: 2\n", "a: \"open\n  close\"\n", "a: [1,\n  2]\n",
        "a:\tb\n", "a: b\u0085c\n", "a: b\u2028c\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: b: c\n",
        "? a\n: b\n", "a: 'x' y\n", "a: [a, ]\n", "a: {b}\n", "a: -x\n", "a: @x\n",
        "a:\n  - - x\n", "a:\n  b: 1\n   c: 2\n", "a:\n  b: 1\n c: 2\n", "a: \uFEFFx\n", "a: \uD800\n", "a: -1\n", "a: \"\\/\"\n",
    })
    void declinesWhatItDoesNotReadExactly(String text) {
        assertThat(BlockYamlReader.read(text)).as("declined:\n%s", text).isNull();
    }

    @Test
    void agreesWithSnakeYamlOnRandomDocumentsAndMutationsOfThem() {
        Random random = new Random(20261123);
        int accepted = 0;
        int valid = 0;
        for (int i = 0; i < FUZZ; i++) {
            String text = new DocumentGenerator(random).document();
            if (random.nextInt(3) == 0) {
                text = DocumentGenerator.mutate(text, random);
            }
            if (agrees(text)) {
                accepted++;
                valid++;
            } else if (reference(text) != null) {
                valid++;
            }
        }
        // A generator whose every document is declined would test nothing.
        assertThat(accepted).as("accepted of %d valid of %d", valid, FUZZ).isGreaterThan(valid / 2);
    }

    /** Random YAML in the shapes of a catalogue, with the characters and words that make YAML tricky. */
    private static final class DocumentGenerator {
        private static final String[] WORDS = {"a", "title", "x y", "null", "Null", "~", "true", "yes", "no", "012",
            "0x1F", "1_000", ".inf", "2024-02-19", "1e3", "中文", "😀", "é", "a#b", "a:b", "http://x.org/a/b&c",
            "it's", "\u00A0", "(x)", "a.b", "x_y"};
        private static final String[] TRICKY_WORDS = {"-1", "C#", "a # b",
            "a: b", "http://x.org/a?b=1&c", "[x]", "{y}", "a, b", "it's", "\"q\"", "-", "?", ":", "%", "@", "`",
            "&a", "*a", "!t", "|", ">", "\t", "\u0085", "\u2028", "\uFEFF", "\u00A0", "\u007F", " ", "  "};
        private static final String[] KEYS = {"name", "title", "url", "tags", "a b", "a.b", "a-b", "1", "null",
            "true", "name"};
        private static final String[] TRICKY_KEYS = {"~", "<<", "-k", "k ", "\"q\"", "中", "? k", "k:"};
        private static final String[] ESCAPES = {"\\n", "\\t", "\\\\", "\\\"", "\\/", "\\u00e9", "\\u4E2D", "\\x41",
            "\\U0001F600", "\\e", "\\ ", "\\0", "\\uD83D", "\\N", "\\_", "\\L", "\\x7F", "\\U0011FFFF", "\\q", "\\a",
            "\\b", "\\v", "\\f", "\\P", "\\r"};
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        DocumentGenerator(Random random) {
            this.random = random;
        }

        String document() {
            mapping(0, 0, random.nextInt(4) + 1, false);
            return out.toString();
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }

        // Mostly the words of a real catalogue; now and then one that YAML reads otherwise.
        private String word() {
            return pick(random.nextInt(25) == 0 ? TRICKY_WORDS : WORDS);
        }

        private String key() {
            return pick(random.nextInt(40) == 0 ? TRICKY_KEYS : KEYS);
        }

        private String text() {
            StringBuilder s = new StringBuilder(word());
            for (int n = random.nextInt(3); n > 0; n--) {
                s.append(random.nextBoolean() ? " " : "").append(word());
            }
            return s.toString();
        }

        private String scalar() {
            String text = text();
            return switch (random.nextInt(5)) {
                case 0 -> "'" + text.replace("'", random.nextBoolean() ? "''" : "'") + "'";
                case 1 -> {
                    StringBuilder s = new StringBuilder("\"");
                    s.append(text.replace("\"", "\\\""));
                    if (random.nextInt(4) == 0) {
                        s.append(pick(ESCAPES));
                    }
                    yield s.append('"').toString();
                }
                default -> text;
            };
        }

        private String flow() {
            boolean list = random.nextBoolean();
            StringBuilder s = new StringBuilder(list ? "[" : "{");
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                String key = key();
                if (!list && !used.add(key) && random.nextInt(10) != 0) {
                    continue;
                }
                s.append(list ? scalar() : key + ": " + scalar()).append(n > 1 ? ", " : "");
            }
            return s.append(list ? "]" : "}").toString();
        }

        // firstInline: the first key follows "- " on the list item's line.
        private void mapping(int indent, int depth, int size, boolean firstInline) {
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < size; i++) {
                if (i > 0 || !firstInline) {
                    out.append(" ".repeat(indent));
                }
                String key = key();
                // A repeated key now and then; more would make most documents invalid.
                while (!used.add(key) && random.nextInt(10) != 0) {
                    key = key();
                }
                out.append(key).append(':');
                value(indent, depth);
            }
        }

        private void value(int indent, int depth) {
            int kind = depth > 3 ? random.nextInt(2) : random.nextInt(6);
            switch (kind) {
                case 0 -> out.append(' ').append(scalar()).append(random.nextInt(5) == 0 ? " # note" : "").append('\n');
                case 1 -> out.append(' ').append(flow()).append('\n');
                case 2, 3 -> {
                    out.append('\n');
                    mapping(indent + 1 + random.nextInt(3), depth + 1, random.nextInt(3) + 1, false);
                }
                default -> {
                    out.append('\n');
                    int at = indent + random.nextInt(3);
                    for (int n = random.nextInt(3) + 1; n > 0; n--) {
                        out.append(" ".repeat(at)).append("- ");
                        if (random.nextBoolean()) {
                            mapping(at + 2, depth + 1, random.nextInt(3) + 1, true);
                        } else {
                            out.append(random.nextBoolean() ? scalar() : flow()).append('\n');
                        }
                    }
                }
            }
        }

        /** One small edit: a character inserted, a line's indentation moved, a line repeated or dropped, CRLF. */
        static String mutate(String text, Random random) {
            String[] inserts = {" ", "  ", ":", "#", " #", "-", "- ", "\n", "\t", "'", "\"", "[", "]", "{", "}", ",",
                "&", "*", "!", "|", ">", "\r", "😀", "\\"};
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(5)) {
                case 0 -> {
                    int position = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, position) + inserts[random.nextInt(inserts.length)]
                            + line.substring(position));
                }
                case 1 -> lines.set(at, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
                case 2 -> lines.add(at, line);
                case 3 -> lines.remove(at);
                default -> {
                    return text.replace("\n", "\r\n");
                }
            }
            return String.join("\n", lines);
        }
    }
}
