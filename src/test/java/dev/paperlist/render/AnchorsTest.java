package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.testing.MarkdownStructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every #fragment link resolves to a heading, so `mvn verify` alone catches a broken anchor. */
class AnchorsTest {
    @Test
    void everyFragmentOfTheRepositoryReadmeResolves() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(MarkdownStructure.of(readme).unresolvedFragments()).isEmpty();
    }

    @Test
    void repeatedEmojiAndCjkHeadingsGetDistinctResolvableAnchors() {
        Catalog catalog = CatalogLoader.parse("""
                sections:
                  - title: "🚀 大型多模态模型"
                    papers:
                      - {name: AnyGPT, id: a, title: T}
                      - {name: "C++ / Go?", title: T}
                  - title: Multimodal Dialogue
                    papers:
                      - ref: a
                      - {name: "🚀 大型多模态模型", title: T}
                  - title: AnyGPT
                """, "papers.yaml");
        String readme = ReadmeRenderer.render(catalog, "# AnyGPT\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n",
                "README.md", "papers.yaml");

        assertThat(readme).contains("- [🚀 大型多模态模型](#-大型多模态模型)\n",
                "  - [AnyGPT](#anygpt-1)\n", "  - [C++ / Go?](#c--go)\n", "  - [AnyGPT](#anygpt-2)\n",
                "  - [🚀 大型多模态模型](#-大型多模态模型-1)\n", "- [AnyGPT](#anygpt-3)\n");
        assertThat(MarkdownStructure.of(readme).unresolvedFragments()).isEmpty();
    }

    @Test
    void aBrokenAnchorIsReported() {
        assertThat(MarkdownStructure.of("# Real\n\n[x](#real) [y](#unreal)\n").unresolvedFragments())
                .containsExactly("#unreal");
    }
}
