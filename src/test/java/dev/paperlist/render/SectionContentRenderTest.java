package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;

import org.junit.jupiter.api.Test;

/**
 * Every layout writes a section's content in order: text between papers ends their list or table,
 * items that are not papers stay items of the list, and papers nested under an item are indented.
 */
class SectionContentRenderTest {
    private static final String SECTIONS = """
            sections:
              - title: S
                papers:
                  - name: A
                    title: Alpha
                    url: https://example.org/a
                  - item: "- a note, not a paper"
                  - text: "**Later**"
                  - name: B
                    title: Beta
                    url: https://example.org/b
                  - item: "* Group:"
                    papers:
                      - name: C
                        title: Gamma
                        url: https://example.org/c
            """;

    private static String render(String layout) {
        Catalog catalog = CatalogLoader.parse("settings: {layout: " + layout + ", toc: false}\n" + SECTIONS, "papers.yaml");
        return ReadmeRenderer.render(catalog, null, "README.md", "papers.yaml");
    }

    @Test
    void theListLayoutWritesItemsInTheListAndTextBetweenLists() {
        assertThat(render("list")).contains("""
                # S

                - \\[A\\] [Alpha](https://example.org/a)
                - a note, not a paper

                **Later**

                - \\[B\\] [Beta](https://example.org/b)
                * Group:
                  - \\[C\\] [Gamma](https://example.org/c)
                """);
    }

    @Test
    void theTableLayoutStartsAnotherTableAfterText() {
        String readme = render("table");

        assertThat(readme).contains("| \\[A\\] [Alpha](https://example.org/a) |");
        assertThat(readme.indexOf("| Title |")).isLessThan(readme.indexOf("**Later**"));
        assertThat(readme.lastIndexOf("| Title |")).isGreaterThan(readme.indexOf("**Later**"));
        assertThat(readme).contains("\n\n- a note, not a paper\n\n");
    }

    @Test
    void theNotesLayoutWritesTextAfterThePaperBeforeIt() {
        String readme = render("notes");

        assertThat(readme.indexOf("## A")).isLessThan(readme.indexOf("- a note, not a paper"));
        assertThat(readme.indexOf("**Later**")).isLessThan(readme.indexOf("## B"));
        assertThat(readme.indexOf("* Group:")).isLessThan(readme.indexOf("## C"));
    }
}
