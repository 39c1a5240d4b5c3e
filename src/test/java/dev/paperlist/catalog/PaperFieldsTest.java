package dev.paperlist.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link PaperFields} complete: every component of {@link Paper} is declared once, so that a field
 * added to the model and not to the registry fails here rather than going missing from papers.yaml.
 */
class PaperFieldsTest {
    // Every field set, each to a value no other field has.
    private static final Paper FULL = Paper.builder("N", "T")
            .id("n-1").url("https://example.org/u").code(GitHubRepo.parse("o/r").orElseThrow())
            .badge(new Badge("blog", "https://example.org/b", "alt", "label", null, null, null, null, null,
                    SourcePosition.UNKNOWN))
            .venue("V 2024").submitted(PartialDate.parse("2024-02").orElseThrow()).authors(List.of("A B"))
            .tags(List.of("t")).abstractText("Abs").note(new NoteLink("note", "https://example.org/n"))
            .arxiv(ArxivId.parse("2402.12226").orElseThrow()).topics(List.of("Topic")).summary("Sum")
            .comment("Com").added(PartialDate.parse("2024-05-01").orElseThrow()).image("https://example.org/i.png")
            .extra("Label", "value").build();

    @Test
    void everyComponentOfAPaperButItsPositionIsDeclaredOnce() throws ReflectiveOperationException {
        List<String> undeclared = new ArrayList<>();
        for (RecordComponent component : Paper.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(FULL);
            long declared = PaperFields.ALL.stream().filter(f -> value.equals(f.get().apply(FULL))).count();
            if (!component.getName().equals("position") && declared != 1) {
                undeclared.add(component.getName() + " (declared " + declared + " times)");
            }
        }
        assertThat(undeclared).isEmpty();
        assertThat(PaperFields.ALL).hasSize(Paper.class.getRecordComponents().length - 1);
    }

    @Test
    void aCopyThroughTheRegistryIsTheSamePaper() {
        assertThat(PaperFields.with(FULL, Map.of(), FULL.position())).isEqualTo(FULL);
        assertThat(PaperFields.with(FULL, Map.of("venue", "W"), FULL.position()).venue()).isEqualTo("W");
    }

    @Test
    void aPaperWithEveryFieldIsWrittenAndReadBackWhole() {
        Catalog catalog = new Catalog(Settings.DEFAULT, List.of(new Section("S", null, List.of(), List.of(FULL),
                List.of(), SourcePosition.UNKNOWN)));
        Paper read = CatalogLoader.parse(CatalogWriter.write(catalog), "papers.yaml").sections().get(0).papers().get(0);
        for (PaperFields.Field<?> field : PaperFields.ALL) {
            assertThat(field.written(read)).as(field.key()).isEqualTo(field.written(FULL));
        }
    }
}
