package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A README parsed in parts gives the blocks of the whole README, source positions included, and imports
 * into the same catalogue and warnings: every list under import/ is cut before every heading it can be,
 * and texts with blocks that run past a heading are not cut there.
 */
class MarkdownPartsTest {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    static Stream<Path> lists() throws IOException {
        try (Stream<Path> files = Files.walk(Golden.resources().resolve("import"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lists")
    void everyListParsedInPartsIsTheWholeTreeAndImportsTheSame(Path list) throws IOException {
        String markdown = Files.readString(list, StandardCharsets.UTF_8);

        assertThat(inParts(markdown)).isEqualTo(whole(markdown));
        ListImporter.Result whole = new ListImporter().read(markdown, "README.md");
        ListImporter.Result parts = new ListImporter(0, 0).read(markdown, "README.md");
        assertThat(CatalogWriter.write(parts.catalog())).isEqualTo(CatalogWriter.write(whole.catalog()));
        assertThat(parts.warnings()).isEqualTo(whole.warnings());
        assertThat(parts.listStart()).isEqualTo(whole.listStart());
        assertThat(parts.listEnd()).isEqualTo(whole.listEnd());
    }

    @Test
    void aListIsCutBeforeEachHeadingAfterABlankLineAndKeepsItsPositions() {
        String markdown = "# A\n\n- x\n- y\n\n## A1\n\ntext\n\n# B\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n# C\r\n\r\n> quote\r\n";

        assertThat(documents(markdown)).isEqualTo(4);
        assertThat(inParts(markdown)).isEqualTo(whole(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // A fenced code block, closed or not, and the HTML blocks a blank line does not end.
        "# A\n\n```\ncode\n\n# not a heading\n\n```\n\n# B\n\ntext\n",
        "# A\n\n~~~~\ncode\n\n# not a heading\n",
        "# A\n\n<!--\ncomment\n\n# not a heading\n\n-->\n\n# B\n",
        "# A\n\n<pre>\n\n# not a heading\n</pre>\n\n# B\n",
        "# A\n\n<?php\n\n# not a heading\n?>\n\n# B\n",
        "# A\n\n<!DOCTYPE html\n\n# not a heading\n>\n\n# B\n",
        "# A\n\n<![CDATA[\n\n# not a heading\n]]>\n\n# B\n",
    })
    void aBlockThatRunsPastAHeadingIsNotCutThere(String markdown) {
        assertThat(inParts(markdown)).isEqualTo(whole(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // A link reference defined in one section and used in another.
        "# A\n\n[paper][ref]\n\n# B\n\n[ref]: https://arxiv.org/abs/2402.12226\n",
        // A lone carriage return ends a line for CommonMark.
        "# A\n\ntext\r\r# B\n\ntext\n",
    })
    void aTextThatCannotBeCutIsParsedWhole(String markdown) {
        assertThat(documents(markdown)).isEqualTo(1);
        assertThat(inParts(markdown)).isEqualTo(whole(markdown));
    }

    @Test
    void aRefusedCharacterOutsideTheListIsLeftAsItIsAndOneInTheListIsRefusedAtItsLine() {
        String list = "## Vision\n\n### CLIP\n\n- **Paper:** [CLIP](https://arxiv.org/abs/2103.00020)\n";
        String outside = "# Page\n\nAn introduction\u202E, and a pair \uD83D\uDE00.\n\n" + list;

        assertThat(new ListImporter(0, 0).read(outside, "README.md").catalog().distinctPapers()).hasSize(1);
        assertThatThrownBy(() -> new ListImporter(0, 0).read(outside.replace("CLIP\n", "CLIP\u202E\n"), "README.md"))
                .hasMessage("README.md:7:9: the invisible character U+202E (bidirectional formatting character) would be"
                        + " copied into the catalogue, which refuses it; remove it");
    }

    @Test
    void theTwoHalvesOfALongReadmeAreScannedAsOneEvenWhereAPairSpansTheMiddle() {
        String list = "## Vision\n\n### SAM\n\n- **Paper:** [SAM](https://arxiv.org/abs/2304.02643) \uD83D\uDE00\n\n"
                + "### CLIP\n\n- **Paper:** [CLIP](https://arxiv.org/abs/2103.00020)\n- **Abstract:** " + "x".repeat(200) + "\n";
        // An introduction as long as makes the middle of the text the low half of the pair in SAM's line.
        int low = list.indexOf('\uDE00');
        String readme = "# Page\n\n" + "y".repeat(list.length() - 2 * low - 10) + "\n\n" + list;
        assertThat(readme.charAt(readme.length() / 2)).isEqualTo('\uDE00');

        assertThat(new ListImporter(0, 0).read(readme, "README.md").catalog().distinctPapers()).hasSize(2);
        assertThatThrownBy(() -> new ListImporter(0, 0).read(readme.replace("Abstract:** x", "Abstract:** \u200Bx"),
                "README.md"))
                .hasMessage("README.md:14:17: the invisible character U+200B (zero-width character) would be"
                        + " copied into the catalogue, which refuses it; remove it");
    }

    // How many parts the text is parsed in, each cut where it can be.
    private static int documents(String markdown) {
        int[] count = {0};
        try (MarkdownParts parts = MarkdownParts.of(PARSER, markdown, 0, 0, document -> count[0]++)) {
            for (Node block = parts.first(); block != null; block = parts.advance(block)) {
                assertThat(block.getParent()).isNotNull();
            }
        }
        return count[0];
    }

    private static List<String> whole(String markdown) {
        List<String> out = new ArrayList<>();
        describe(PARSER.parse(markdown), 0, out);
        return out;
    }

    // The blocks as the walk reads them: from one to the next, the blocks passed let go.
    private static List<String> inParts(String markdown) {
        List<String> out = new ArrayList<>();
        try (MarkdownParts parts = MarkdownParts.of(PARSER, markdown, 0, 0, document -> { })) {
            for (Node block = parts.first(); block != null; block = parts.advance(block)) {
                describe(block, 0, out);
            }
        }
        return out;
    }

    // Every node but the document: its kind, attributes, what it holds and where it is written.
    private static void describe(Node node, int depth, List<String> out) {
        if (!(node instanceof Document)) {
            String extra = "";
            if (node instanceof Heading h) {
                extra = " level " + h.getLevel();
            } else if (node instanceof OrderedList l) {
                extra = " tight " + l.isTight() + " start " + l.getMarkerStartNumber();
            } else if (node instanceof ListBlock l) {
                extra = " tight " + l.isTight();
            } else if (node instanceof FencedCodeBlock c) {
                extra = " info " + c.getInfo() + " literal " + c.getLiteral();
            } else if (node instanceof IndentedCodeBlock c) {
                extra = " literal " + c.getLiteral();
            } else if (node instanceof HtmlBlock h) {
                extra = " literal " + h.getLiteral();
            } else if (node instanceof TableCell c) {
                extra = " header " + c.isHeader() + " " + c.getAlignment();
            }
            out.add("  ".repeat(depth) + node + extra + " " + node.getSourceSpans());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            describe(child, node instanceof Document ? depth : depth + 1, out);
        }
    }
}
