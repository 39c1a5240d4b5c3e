package dev.paperlist.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.yaml.BlockYamlReader;
import dev.paperlist.catalog.yaml.BlockYamlReaderTest;
import dev.paperlist.catalog.yaml.YamlNode;
import dev.paperlist.io.TextFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large catalogue read in two halves gives exactly the tree of one reading, positions included; any
 * file the halves cannot take alike goes to the whole-file reading, which reports errors where they are.
 */
class ReadInHalvesTest {
    // Sections with nested sections, papers with lists, flow mappings, CJK and emoji (columns count code
    // points), comments and blank lines, so that the cut falls among every kind of line.
    private static String catalogue(int sections) {
        StringBuilder out = new StringBuilder("# A list\nsettings:\n  toc: true\n\nsections:\n");
        for (int s = 0; s < sections; s++) {
            out.append("  - title: Section ").append(s).append(" 🚀\n");
            out.append("    papers:\n");
            for (int p = 0; p < 3; p++) {
                out.append("      - name: P").append(s).append('-').append(p).append('\n')
                        .append("        title: \"论文 ").append(p).append(": 😀 a title\"\n")
                        .append("        url: https://arxiv.org/abs/2402.").append(10000 + s * 10 + p).append('\n')
                        .append("        authors: [Jun Zhan, 张三]\n")
                        .append("        badges:\n          - {kind: project, url: \"https://example.org/").append(s).append("\"}\n")
                        .append("        abstract: 我们介绍 🎉 an *any-to-any* model # a comment\n");
            }
            if (s % 4 == 1) {
                out.append("    sections:\n      - title: Inner ").append(s).append('\n')
                        .append("        papers:\n          - name: Q").append(s).append('\n')
                        .append("            title: Inner paper\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 40})
    void halvesGiveTheTreeOfOneReading(int sections) {
        String text = catalogue(sections);
        YamlNode halves = BlockYamlReader.readInHalves(text.getBytes(StandardCharsets.UTF_8), 0);
        assertThat(halves).as("read in halves").isNotNull();
        assertThat(BlockYamlReaderTest.describe(halves)).isEqualTo(BlockYamlReaderTest.describe(BlockYamlReader.read(text)));
        assertThat(new CatalogBinder("papers.yaml").bind(halves))
                .isEqualTo(CatalogLoader.parse(text, "papers.yaml"));
    }

    @Test
    void smallFilesAndFilesTheHalvesCannotTakeAlikeAreLeftToTheWholeReading() {
        String text = catalogue(8);
        int middle = text.indexOf("Section 5");
        assertThat(BlockYamlReader.readInHalves(bytes(text), text.length() * 4)).as("below the size").isNull();
        assertThat(BlockYamlReader.readInHalves(bytes("\uFEFF" + text), 0)).as("a byte-order mark").isNull();
        assertThat(BlockYamlReader.readInHalves(bytes(text + "lint:\n  disable: [x]\n"), 0))
                .as("a key after the sections").isNull();
        assertThat(BlockYamlReader.readInHalves(bytes(text.replace("sections:\n  - title: Section 0", "sections: [")
                .replace("Section 7 🚀", "x]")), 0)).as("no block list").isNull();
        assertThat(BlockYamlReader.readInHalves(bytes(text.substring(0, middle) + "\t" + text.substring(middle)), 0))
                .as("a tab in the second half").isNull();
        // A quoted title running over lines, across the cut: neither half is complete.
        String open = text.replace("title: Section 3 🚀\n", "title: \"Section 3\n").replace("title: Section 4 🚀\n", "title: Section 4\"\n");
        assertThat(BlockYamlReader.readInHalves(bytes(open), 0)).isNull();
    }

    @Test
    void errorsInTheSecondHalfAreReportedWhereTheyAre() {
        String text = catalogue(10);
        String misspelt = text.replace("  - title: Section 8 🚀\n    papers:\n      - name: P8-0\n",
                "  - title: Section 8 🚀\n    papers:\n      - name: P8-0\n        venu: ACL\n");
        String invalidUtf8 = text.replace("Section 9", "Section \uFFFF9");
        byte[] broken = bytes(invalidUtf8);
        int at = indexOf(broken, (byte) 0xEF, broken.length / 2);
        broken[at] = (byte) 0xC0;

        assertThat(message(bytes(misspelt))).isEqualTo(message(misspelt))
                .matches("papers.yaml:\\d+:9: unknown key 'venu' in a paper \\(did you mean 'venue'\\?\\)");
        assertThat(message(broken)).startsWith("papers.yaml:").contains("invalid UTF-8");
        assertThat(message(broken)).isEqualTo(messageOfWholeDecode(broken));
    }

    private static String message(byte[] bytes) {
        try {
            CatalogLoader.parse(bytes, "papers.yaml");
            return "no error";
        } catch (PaperlistException e) {
            return e.getMessage();
        }
    }

    private static String message(String text) {
        try {
            CatalogLoader.parse(text, "papers.yaml");
            return "no error";
        } catch (PaperlistException e) {
            return e.getMessage();
        }
    }

    private static String messageOfWholeDecode(byte[] bytes) {
        assertThatThrownBy(() -> TextFile.decode(bytes, "papers.yaml")).isInstanceOf(PaperlistException.class);
        try {
            TextFile.decode(bytes, "papers.yaml");
            return "no error";
        } catch (PaperlistException e) {
            return e.getMessage();
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no byte " + b);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
