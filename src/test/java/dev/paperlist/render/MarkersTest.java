package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.markdown.Markers;
import dev.paperlist.model.Catalog;
import org.junit.jupiter.api.Test;

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

    // Broken markers, refused with their line through the CLI: hostile.ReadmeTamperingTest.
}
