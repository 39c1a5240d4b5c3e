package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splicing the generated block into a README: what is kept, what is refused. */
class MarkersTest {
    private static final Catalog CATALOG = CatalogLoader.parse(
            "sections:\n  - title: Intro\n    papers:\n      - {name: AnyGPT, title: T, url: \"https://arxiv.org/abs/2402.12226\"}\n",
            "papers.yaml");
    private static final String START = "<!-- paperlist:start -->";
    private static final String END = "<!-- paperlist:end -->";

    private static String render(String readme) {
        return ReadmeRenderer.render(CATALOG, readme, "README.md", "papers.yaml");
    }

    @Test
    void keepsEverythingOutsideTheMarkersByteForByte() {
        String before = "# My list  \n\nIntro with trailing spaces   \n\n\n";
        String after = "\n## Contributing\n\nNo final newline";
        String out = render(before + START + "\nold junk\n" + END + after);
        assertThat(out).startsWith(before + Markers.startLine("papers.yaml") + "\n\n- [Intro](#intro)\n");
        assertThat(out).endsWith("\n" + END + after);
        assertThat(out).doesNotContain("old junk");
    }

    @Test
    void renderingTwiceChangesNothing() {
        String once = render("# T\n\n" + START + "\n" + END + "\n");
        assertThat(render(once)).isEqualTo(once);
    }

    @Test
    void keepsCrlfLineEndings() {
        String readme = "# Title\r\n\r\n" + START + "\r\n" + END + "\r\nAfter\r\n";
        String out = render(readme);
        assertThat(out.replace("\r\n", "")).doesNotContain("\n");
        assertThat(out).startsWith("# Title\r\n\r\n<!-- paperlist:start").endsWith(END + "\r\nAfter\r\n");
        assertThat(render(out)).isEqualTo(out);
    }

    @Test
    void headingsAboveTheBlockTakeTheirAnchorsFirst() {
        String out = render("# Intro\n\n## AnyGPT\n\n" + START + "\n" + END + "\n");
        assertThat(out).contains("- [Intro](#intro-1)\n  - [AnyGPT](#anygpt-1)\n");
    }

    @Test
    void markersInsideFencedCodeDoNotCount() {
        String docs = "Put these lines in your README:\n\n```markdown\n" + START + "\n" + END + "\n```\n\n";
        String out = render(docs + START + "\n" + END + "\n");
        assertThat(out).startsWith(docs + Markers.startLine("papers.yaml"));
    }

    @Test
    void createsANewReadmeWithMarkers() {
        String out = ReadmeRenderer.render(CATALOG, null, "README.md", "papers.yaml");
        assertThat(out).startsWith(Markers.startLine("papers.yaml") + "\n\n- [Intro](#intro)\n").endsWith(END + "\n");
    }

    static Stream<Arguments> brokenMarkers() {
        return Stream.of(
                Arguments.of("no markers", "# T\n",
                        "README.md: no paperlist markers; add a line '<!-- paperlist:start -->' and a line '<!-- paperlist:end -->' where the list should go"),
                Arguments.of("start only", "# T\n" + START + "\n",
                        "README.md:2: start marker without an end marker '<!-- paperlist:end -->' after it"),
                Arguments.of("end only", END + "\n",
                        "README.md:1: end marker without a start marker '<!-- paperlist:start -->' before it"),
                Arguments.of("reversed", END + "\n" + START + "\n",
                        "README.md:1: the end marker comes before the start marker (line 2); put '<!-- paperlist:end -->' after it"),
                Arguments.of("duplicated", START + "\n" + END + "\n" + START + "\n" + END + "\n",
                        "README.md:3: a second start marker (the first is at line 1); keep exactly one pair of markers"),
                Arguments.of("nested", START + "\n" + START + "\n" + END + "\n" + END + "\n",
                        "README.md:2: a second start marker (the first is at line 1); keep exactly one pair of markers"),
                Arguments.of("misspelt", "<!-- paperlist:stat -->\n",
                        "README.md:1: unknown paperlist marker '<!-- paperlist:stat -->'; the markers are '<!-- paperlist:start -->' and '<!-- paperlist:end -->'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMarkers")
    void refusesBrokenMarkersWithTheLine(String name, String readme, String message) {
        assertThatThrownBy(() -> render(readme)).isInstanceOf(PaperlistException.class).hasMessage(message);
    }
}
