package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.render.ReadmeRenderer;
import org.junit.jupiter.api.Test;

/**
 * How entry templates are inferred where reading a title without its tags would make two papers of one name, and
 * where a paper the layout writes itself is listed twice in one list.
 */
class EntryInferenceTest {
    @Test
    void headingsWhoseTitlesDifferOnlyByTheirTagsKeepTheirTitlesSoThatTheCatalogueLoads() {
        String markdown = "# Papers\n\n## Avatars\n\n"
                + "### 1. [CVPR '24] Mesh Avatars\n\n**Authors**: Ann Example\n\n[Paper](https://arxiv.org/abs/2403.00031)\n\n"
                + "### 2. [ECCV '24] Mesh Avatars\n\n**Authors**: Bo Sample\n\n[Paper](https://arxiv.org/abs/2404.00032)\n\n"
                + "### 3. [ICCV '23] Head Splats\n\n**Authors**: Cy Person\n\n[Paper](https://arxiv.org/abs/2305.00033)\n";

        Catalog loaded = importedAndLoadedBack(markdown);

        assertThat(loaded.distinctPapers()).extracting(Paper::name)
                .containsExactly("1. [CVPR '24] Mesh Avatars", "2. [ECCV '24] Mesh Avatars", "3. [ICCV '23] Head Splats");
    }

    @Test
    void aTitleOpenedByTagsIsReadWithoutThemWhereTheNameStaysItsOwn() {
        String markdown = "# Papers\n\n## Avatars\n\n"
                + "### 1. [CVPR '24] Mesh Avatars\n\n**Authors**: Ann Example\n\n[Paper](https://arxiv.org/abs/2403.00031)\n\n"
                + "### 2. [ECCV '24] Head Splats\n\n**Authors**: Bo Sample\n\n[Paper](https://arxiv.org/abs/2404.00032)\n";

        Catalog loaded = importedAndLoadedBack(markdown);

        assertThat(loaded.distinctPapers()).extracting(Paper::name).containsExactly("Mesh Avatars", "Head Splats");
        assertThat(loaded.distinctPapers()).allSatisfy(p -> assertThat(p.extra()).doesNotContainKey(Paper.WRITTEN));
    }

    @Test
    void aNumberedTemplateTakesOverNoPaperTheLayoutWritesThatIsListedTwiceInOneList() {
        // Listed twice, the paper has two numbers; a template that writes {number} fits it at both places, and
        // would number its bullets and drop its venue.
        String markdown = "# Page\n\n<!-- paperlist:start -->\n\n## A\n\n"
                + "- [Org](https://example.org/a) (AnyGPT)\n- [Org](https://example.org/a) (AnyGPT)\n\n## B\n\n"
                + "1. [One](https://example.org/1), z.\n2. [Two](https://example.org/2), z.\n\n<!-- paperlist:end -->\n";

        ListImporter.Result result = new ListImporter().read(markdown, "README.md");
        String again = ReadmeRenderer.render(result.catalog(), markdown, "README.md", "papers.yaml");

        assertThat(again).contains("## A\n\n- [Org](https://example.org/a) (AnyGPT)\n- [Org](https://example.org/a) (AnyGPT)\n")
                .contains("1. [One](https://example.org/1), z.\n2. [Two](https://example.org/2), z.\n");
    }

    // The catalogue import makes of the list, as papers.yaml loads it back.
    private static Catalog importedAndLoadedBack(String markdown) {
        return CatalogLoader.parse(CatalogWriter.write(new ListImporter().read(markdown, "README.md").catalog()), "papers.yaml");
    }
}
