package dev.paperlist.catalog.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large catalogue is written and loaded back a half on each of two threads on import: the halves are the
 * text the whole writer gives, and loading them gives the catalogue (source positions included) and the
 * messages that loading the whole text gives.
 */
class CatalogWriterHalvesTest {
    private final ExecutorService side = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        side.shutdownNow();
    }

    // Seven top-level sections of uneven size, subsections, a paper listed in both halves (written in full in
    // the first, as a ref in the second), and values that need quotes.
    private static String catalogue() {
        StringBuilder out = new StringBuilder("settings:\n  layout: notes\nsections:\n");
        int paper = 0;
        for (int s = 0; s < 7; s++) {
            out.append("  - title: \"Section ").append(s).append("\"\n    papers:\n");
            for (int p = 0; p < 3 + 4 * (s % 3); p++, paper++) {
                out.append("      - name: P").append(paper).append('\n')
                        .append("        title: \"Paper: ").append(paper).append(" # of many\"\n")
                        .append("        url: https://arxiv.org/abs/2402.").append(10000 + paper).append('\n')
                        .append("        authors: [李雷, \"Han, Meimei\"]\n")
                        .append("        badges:\n          - {kind: project, url: \"https://example.org/").append(paper).append("\"}\n");
                if (paper == 1) {
                    out.append("        id: shared\n");
                }
            }
            if (s == 6) {
                out.append("      - ref: shared\n");
            }
            out.append("    sections:\n      - title: Sub ").append(s).append("\n        papers:\n")
                    .append("          - name: S").append(s).append("\n            title: Sub paper ").append(s).append('\n');
        }
        return out.toString();
    }

    @Test
    void theHalvesAreTheWholeTextAndLoadAsTheWholeDoes() {
        Catalog catalog = CatalogLoader.parse(catalogue(), "papers.yaml");
        CatalogWriter.Halves halves = CatalogWriter.writeInHalves(catalog, side);

        assertThat(halves.tail()).startsWith("  - title: ");
        assertThat(halves.head()).contains("id: shared");
        assertThat(halves.tail()).contains("- ref: shared");
        assertThat(halves.text()).isEqualTo(CatalogWriter.write(catalog));
        Catalog loaded = CatalogLoader.parse(halves.head(), halves.tail(), "papers.yaml", side);
        assertThat(loaded).isEqualTo(CatalogLoader.parse(halves.text(), "papers.yaml"));
    }

    @Test
    void oneTopLevelSectionIsWrittenWhole() {
        Catalog catalog = CatalogLoader.parse("sections:\n  - title: A\n    papers:\n      - name: X\n        title: X\n",
                "papers.yaml");
        CatalogWriter.Halves halves = CatalogWriter.writeInHalves(catalog, side);

        assertThat(halves.tail()).isEmpty();
        assertThat(halves.head()).isEqualTo(CatalogWriter.write(catalog));
    }

    @Test
    void aLineSeparatorInTheTailIsReportedWhereTheWholeTextHasIt() {
        CatalogWriter.Halves halves = CatalogWriter.writeInHalves(CatalogLoader.parse(catalogue(), "papers.yaml"), side);
        String tail = halves.tail().replaceFirst("Sub paper", "Sub\u2028paper");

        assertThatThrownBy(() -> CatalogLoader.parse(halves.head(), tail, "papers.yaml", side))
                .isInstanceOf(PaperlistException.class)
                .hasMessage(messageOf(() -> CatalogLoader.parse(halves.head() + tail, "papers.yaml")));
    }

    @Test
    void theFirstProblemIsReportedThoughTheLastSectionsAreBoundFirstOnTheSideThread() {
        String text = catalogue().replace("url: https://arxiv.org/abs/2402.10030", "url: arxiv.org/abs/2402.10030")
                .replace("title: Sub paper 6", "title: Sub paper 6\n            submitted: someday");
        CatalogWriter.Halves halves = split(text);

        assertThatThrownBy(() -> CatalogLoader.parse(halves.head(), halves.tail(), "papers.yaml", side))
                .isInstanceOf(PaperlistException.class)
                .hasMessage(messageOf(() -> CatalogLoader.parse(text, "papers.yaml")))
                .hasMessageContaining("'url' must be an http:// or https:// URL");
    }

    @Test
    void aTableCellLeftEmptyInTheLastSectionLoadsAsInTheWhole() {
        String text = "settings:\n  layout: table\nsections:\n  - title: A\n    papers:\n      - name: X\n        title: X\n"
                + "  - title: B\n    papers:\n      - name: Y\n        title: Y\n        extra: {Venue: \"\"}\n";
        CatalogWriter.Halves halves = split(text);

        assertThat(CatalogLoader.parse(halves.head(), halves.tail(), "papers.yaml", side))
                .isEqualTo(CatalogLoader.parse(text, "papers.yaml"));
    }

    // The text cut before its second half of top-level sections, as the writer cuts it.
    private static CatalogWriter.Halves split(String text) {
        int middle = text.indexOf("\n  - title: ", text.length() / 2) + 1;
        return new CatalogWriter.Halves(text.substring(0, middle), text.substring(middle));
    }

    @Test
    void aTailTheBlockReaderDeclinesIsLoadedWhole() {
        String head = "sections:\n  - title: A\n";
        String tail = "  - title: >-\n      B\n      C\n";

        assertThat(dev.paperlist.catalog.yaml.BlockYamlReader.read(head + tail)).isNull();
        Catalog whole = CatalogLoader.parse(head + tail, "papers.yaml");
        assertThat(CatalogLoader.parse(head, tail, "papers.yaml", side)).isEqualTo(whole);
        assertThat(whole.sections().get(1).title()).isEqualTo("B C");
    }

    // The rule isPlainSafe tests in one pass, as a pattern and the checks that were made after it.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9\\u00C0-\\uFFFF(][^\\n\\t\"'#\\[\\]{},&*!|>%@`]*");

    @Property(tries = 2000)
    void plainSafeIsThePattern(@ForAll("texts") String text) {
        boolean expected = PLAIN.matcher(text).matches() && !text.contains(": ") && !text.contains(" #")
                && !text.endsWith(":") && !text.endsWith(" ") && !text.equalsIgnoreCase("null");
        assertThat(CatalogWriter.isPlainSafe(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("aZ09( :#\t\n\"'[]{},&*!|>%@`-_.À李\u00BF\uD83D\uDE00\uDC00\uFFFF")
                .ofMinLength(0).ofMaxLength(8)
                .edgeCases(e -> e.add("null").add("NULL").add("a: b").add("a #b").add("a:").add("\uD83D\uDE00a"));
    }

    private static String messageOf(Runnable run) {
        try {
            run.run();
        } catch (PaperlistException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
