package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.model.Catalog;
import dev.paperlist.render.ReadmeRenderer;
import dev.paperlist.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Six hand-written lists laid out differently (notes, tables, one bullet a paper, a mixed awesome list,
 * and the variations people write) import into the catalogues and warnings recorded next to them,
 * and nothing of any list under import/ is lost: every link, image and word of the list is in papers.yaml
 * or in the README rendered from it.
 */
class ImportCorpusTest {
    private static final Path CORPUS = Golden.resources().resolve("import/corpus");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private static final Path IMPORT_FIXTURES = Golden.resources().resolve("import");

    static Stream<String> lists() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lists")
    void importsIntoTheRecordedCatalogueAndWarnings(String list) throws IOException {
        String markdown = Files.readString(CORPUS.resolve(list), StandardCharsets.UTF_8);
        ListImporter.Result result = new ListImporter().read(markdown, list);
        String yaml = CatalogWriter.write(result.catalog());
        String base = list.substring(0, list.length() - 3);

        Golden.assertMatches(CORPUS.resolve(base + ".yaml"), yaml);
        Golden.assertMatches(CORPUS.resolve(base + ".warnings.txt"), String.join("\n", result.warnings()) + "\n");
        assertThat(CatalogWriter.write(CatalogLoader.parse(yaml, base + ".yaml"))).isEqualTo(yaml);
    }

    // Every list under import/, the corpus and the other tests' lists alike.
    static Stream<String> everyList() throws IOException {
        try (Stream<Path> files = Files.walk(IMPORT_FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .map(p -> IMPORT_FIXTURES.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyList")
    void nothingOfTheListIsLost(String list) throws IOException {
        String markdown = Files.readString(IMPORT_FIXTURES.resolve(list), StandardCharsets.UTF_8);
        ListImporter.Result result = new ListImporter().read(markdown, list);
        String yaml = CatalogWriter.write(result.catalog());
        Catalog loaded = CatalogLoader.parse(yaml, "papers.yaml");
        String readme = ReadmeRenderer.render(loaded, result.withMarkers(markdown), list, "papers.yaml");
        String kept = visibleText(readme) + "\n" + yaml + "\n" + destinations(readme);

        String warned = String.join("\n", result.warnings());
        List<String> lost = new ArrayList<>();
        for (String url : destinations(markdown).split("\n")) {
            // Star badges are written in one form; the repository they count is what must survive.
            String essential = url.contains("img.shields.io/github/stars/") ? url.replaceAll("(\\.svg)?(\\?.*)?$", "") : url;
            if (!essential.isEmpty() && !kept.contains(essential) && !warned.contains(essential)) {
                lost.add(url);
            }
        }
        // Quotes around a title are not part of it.
        for (String word : visibleText(markdown).split("[\\s\\[\\]()|,;，、:*\"“”]+")) {
            if (!word.isEmpty() && !kept.contains(word) && !warned.contains(word) && !normalised(word)) {
                lost.add(word);
            }
        }
        assertThat(new TreeSet<>(lost)).as("links and words of %s found neither in papers.yaml nor in the rendered README", list)
                .isEmpty();
    }

    // Read into one form on purpose: dates ("2021.02", "Dec 6, 2022" become 2021-02, 2022-12-06) and
    // the marks of an empty table cell ("—" becomes the list's usual "-").
    private static boolean normalised(String word) {
        return word.matches("\\d{4}\\.\\d{2}|Dec|Jun|Feb\\.|Jan\\.|Nov\\.|Jul\\.|6|—");
    }

    private static String visibleText(String markdown) {
        StringBuilder out = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral()).append(' ');
            }
        });
        return out.toString();
    }

    private static String destinations(String markdown) {
        StringBuilder out = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                out.append(link.getDestination()).append('\n');
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                out.append(image.getDestination()).append('\n');
                visitChildren(image);
            }
        });
        return out.toString();
    }
}
