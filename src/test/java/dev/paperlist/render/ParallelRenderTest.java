package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The notes layout renders a long body in pieces on several threads: the bytes must be those of one thread. */
class ParallelRenderTest {
    private static String render(Catalog catalog, int parallelFrom, String before) {
        StringBuilder out = new StringBuilder(before);
        Slugger slugger = new Slugger();
        new NotesLayout(catalog.settings(), parallelFrom).renderTo(catalog, slugger, MovedSections.NONE, out);
        return out.toString();
    }

    @Property(tries = 200)
    void piecesOnThreadsWriteWhatOneThreadWrites(@ForAll("catalogues") Catalog catalog, @ForAll boolean toc,
                                                 @ForAll boolean textBefore) {
        Settings s = catalog.settings();
        Settings settings = new Settings(s.notAccepted(), s.labels(), s.authorSeparator(), s.tagSeparator(), toc,
                s.tocPapers(), s.topHeadingLevel(), s.layout(), s.tableColumns(), s.emptyCell(), s.outputs());
        Catalog withToc = new Catalog(settings, catalog.sections());
        String before = textBefore ? "# Intro\n\n" : "";
        assertThat(render(withToc, 1, before)).isEqualTo(render(withToc, Integer.MAX_VALUE, before));
    }

    @Test
    void aListLongEnoughForThreadsByDefaultIsRenderedAsByOne() {
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            List<Paper> papers = new ArrayList<>();
            for (int p = 0; p < 900; p++) {
                papers.add(Paper.builder("Same name", "Title " + s + "." + p).abstractText("摘要 *x* " + p).build());
            }
            sections.add(new Section("Section " + s, papers, List.of(), SourcePosition.UNKNOWN));
        }
        Catalog catalog = new Catalog(Settings.DEFAULT, sections);
        String parallel = render(catalog, NotesLayout.PARALLEL_FROM, "");
        assertThat(parallel).isEqualTo(render(catalog, Integer.MAX_VALUE, "")).contains("#same-name-6299");
    }

    @Provide
    Arbitrary<Catalog> catalogues() {
        return sections(3).list().ofMinSize(1).ofMaxSize(4).map(sections -> new Catalog(Settings.DEFAULT, sections));
    }

    private Arbitrary<Section> sections(int depth) {
        Arbitrary<List<Section>> children = depth <= 1
                ? Arbitraries.just(List.of())
                : Arbitraries.lazy(() -> sections(depth - 1)).list().ofMaxSize(2);
        Arbitrary<List<Paper>> papers = Combinators.combine(titles(), titles(), titles())
                .as((name, title, text) -> Paper.builder(name, title).abstractText(text).venue(text).build())
                .list().ofMaxSize(4);
        Arbitrary<String> text = Arbitraries.of("", "Free *text* under a heading.");
        // Some sections write their papers as a table or as bullets, in the piece of their heading.
        Arbitrary<String> layout = Arbitraries.of("list", "table").injectNull(0.6);
        return Combinators.combine(titles(), papers, children, text, layout)
                .as((title, ps, subsections, t, l) -> new Section(title, t, List.of(), ps, subsections, SourcePosition.UNKNOWN)
                        .withLayout(l));
    }

    private static Arbitrary<String> titles() {
        return Arbitraries.of("Vision", "vision", "Speech & Audio", "多模态", "A/B", "x_y *z*", "😀 emoji", "Vision 2");
    }
}
