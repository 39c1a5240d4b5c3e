package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.importer.ListImporter;
import dev.paperlist.model.Catalog;
import dev.paperlist.render.ReadmeRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzzing the two parsers of untrusted text, the catalogue loader and the README importer, with jqwik:
 * random YAML-like and Markdown-like text built from the tokens that matter to each, and real fixtures
 * with random cuts, copies and insertions. Whatever comes in, the only exception is paperlist's own
 * (exit code 3, a message naming the file), and each input finishes within seconds. What the loader
 * accepts must also render, render again to the same bytes, and survive a write and a reload; what
 * the importer reads must be a catalogue the loader accepts. About 4,000 inputs, a few seconds.
 */
@DisplayName("fuzzing the loader and the importer")
class LoaderAndImporterFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String README = "# Intro\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\nAfter.\n";

    private static final List<String> YAML_TOKENS = List.of(
            "sections:", "\n", "\n", "\n", "  ", "  ", "    ", "- ", "- ", "title: ", "papers:", "sections:",
            "name: ", "title: ", "url: ", "code: ", "venue: ", "submitted: ", "authors: ", "tags: ", "abstract: ",
            "notes: ", "badges: ", "kind: ", "label: ", "id: ", "ref: ", "text: ", "extra: ", "arxiv: ", "image: ",
            "settings:", "layout: ", "table", "notes", "columns: ", "outputs: ", "file: ", "toc: ", "labels: ",
            "{", "}", "[", "]", ", ", ": ", ":", "\"", "'", "#", " # c", "|", ">", "|\n", ">-\n", "? ", "&a ", "*a",
            "!!str ", "!foo ", "<<: ", "---\n", "...\n", "%YAML 1.1\n", "~", "null", "no", "012", ".inf", "0x1F",
            "2402.12226", "2024-02-19", "2023-02-29", "https://arxiv.org/abs/2402.12226", "https://example.org/a b",
            "javascript:alert(1)", "OpenMOSS/AnyGPT", "project", "custom", "\\u202E", "\\uD800", "\\n", "\t", "\r\n",
            "\u202E", "\u200B", "\uFEFF", "🚀", "👨‍👩‍👧", "多模态", "```", "<details>", "<!-- paperlist:end -->",
            "<script>", "]]", "[[", "S", "P", "T", "x");

    private static final List<String> MARKDOWN_TOKENS = List.of(
            "\n", "\n", "\n\n", "# ", "## ", "### ", "#### ", "- ", "* ", "1. ", "> ", "    ", "  ", "\t",
            "**Paper:** ", "**Accepted:** ", "**Submission Date:** ", "**Authors:** ", "**Tags:** ", "**Abstract:** ",
            "**Personal Note**: ", "Contents", "[", "]", "(", ")", "](", "![", "[Title](https://arxiv.org/abs/2402.12226)",
            "[![Star](https://img.shields.io/github/stars/a/b.svg?style=social&label=Star)](https://github.com/a/b)",
            "[![Project Page](https://img.shields.io/badge/Project-Page-green.svg)](https://x.github.io/)",
            "| Title | Venue | Date | Code | Supplement |", "|:--|:--:|:--:|:--:|:--:|", "| ", " |", "|", "-", "---",
            "```", "~~~", "<details>", "</details>", "<br>", "<!-- paperlist:start -->", "<!-- paperlist:end -->",
            "<!--", "-->", "\\", "`", "*", "_", "ICLR 2024", "None (temporal)", "2024-02-19", "Apr., 2025", "(2024)",
            "复旦大学; 上海AI Lab", "\u202E", "\u200B", "🚀", "&amp;", "<", ">", "AnyGPT", "x", "\r\n",
            // White space CommonMark takes into a link's destination, and a '%' that starts no escape.
            "\u00A0", "\u2003", "\u3000", "%", "[![B](https://img.shields.io/badge/a-100%-green?logo=1%)](https://x.org/)");

    // ---- the loader ----

    @Property(tries = 1500)
    void theLoaderFailsOnlyWithItsOwnErrorAndAcceptedCataloguesHoldTogether(@ForAll("yamlish") String text) {
        assertTimeoutPreemptively(LIMIT, () -> checkLoader(text));
    }

    @Property(tries = 800)
    void theLoaderOnMutatedFixtures(@ForAll("mutatedCatalogues") String text) {
        assertTimeoutPreemptively(LIMIT, () -> checkLoader(text));
    }

    private static void checkLoader(String text) {
        Catalog catalog;
        try {
            catalog = CatalogLoader.parse(text, "papers.yaml");
        } catch (PaperlistException e) {
            assertOwnError(e, "papers.yaml:");
            return;
        }
        String once;
        try {
            once = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        } catch (PaperlistException e) {
            throw new AssertionError("an accepted catalogue does not render: " + e.getMessage() + "\n" + text, e);
        }
        assertThat(ReadmeRenderer.render(catalog, once, "README.md", "papers.yaml")).as(text).isEqualTo(once);
        String written = CatalogWriter.write(catalog);
        Catalog reloaded = CatalogLoader.parse(written, "papers.yaml");
        assertThat(CatalogWriter.write(reloaded)).as(text).isEqualTo(written);
    }

    // ---- the importer ----

    @Property(tries = 1200)
    void theImporterFailsOnlyWithItsOwnErrorAndWritesCataloguesTheLoaderAccepts(@ForAll("markdownish") String text) {
        assertTimeoutPreemptively(LIMIT, () -> checkImporter(text));
    }

    @Property(tries = 600)
    void theImporterOnMutatedFixtures(@ForAll("mutatedReadmes") String text) {
        assertTimeoutPreemptively(LIMIT, () -> checkImporter(text));
    }

    private static void checkImporter(String text) {
        ListImporter.Result result;
        try {
            result = new ListImporter().read(text, "README.md");
        } catch (PaperlistException e) {
            assertOwnError(e, "README.md");
            return;
        }
        String yaml = CatalogWriter.write(result.catalog());
        try {
            CatalogLoader.parse(yaml, "papers.yaml");
        } catch (PaperlistException e) {
            throw new AssertionError("import wrote a catalogue the loader refuses: " + e.getMessage()
                    + "\n--- README ---\n" + text + "\n--- papers.yaml ---\n" + yaml, e);
        }
        result.withMarkers(text);
    }

    private static void assertOwnError(PaperlistException e, String prefix) {
        assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith(prefix);
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> yamlish() {
        return tokens(YAML_TOKENS, 80);
    }

    @Provide
    Arbitrary<String> markdownish() {
        return tokens(MARKDOWN_TOKENS, 120);
    }

    @Provide
    Arbitrary<String> mutatedCatalogues() {
        List<String> fixtures = new ArrayList<>(read("src/test/resources/catalogs/valid", ".yaml"));
        fixtures.addAll(read("src/test/resources/golden", ".yaml"));
        fixtures.add(readFile(Path.of("papers.yaml")));
        return mutated(fixtures, YAML_TOKENS);
    }

    @Provide
    Arbitrary<String> mutatedReadmes() {
        List<String> fixtures = new ArrayList<>(read("src/test/resources/import", ".md"));
        fixtures.addAll(read("src/test/resources/seeds", ".md"));
        return mutated(fixtures, MARKDOWN_TOKENS);
    }

    private static Arbitrary<String> tokens(List<String> vocabulary, int maxTokens) {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(vocabulary)),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(8)));
        return token.list().ofMinSize(0).ofMaxSize(maxTokens).map(parts -> String.join("", parts));
    }

    /** A fixture with one to four edits: a cut, a copied stretch, an inserted token, a line indented or swapped. */
    private static Arbitrary<String> mutated(List<String> fixtures, List<String> vocabulary) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), Arbitraries.of(vocabulary))
                .as(Edit::new);
        return Combinators.combine(Arbitraries.of(fixtures), edit.list().ofMinSize(1).ofMaxSize(4))
                .as((text, edits) -> {
                    String out = text;
                    for (Edit e : edits) {
                        out = e.apply(out);
                    }
                    return out;
                });
    }

    private record Edit(int kind, double where, double length, String token) {
        String apply(String text) {
            if (text.isEmpty()) {
                return token;
            }
            int at = Math.min(text.length() - 1, (int) (where * text.length()));
            int end = Math.min(text.length(), at + 1 + (int) (length * 200));
            return switch (kind) {
                case 0 -> text.substring(0, at) + text.substring(end);
                case 1 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
                case 2 -> text.substring(0, at) + token + text.substring(at);
                case 3 -> {
                    int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                    yield text.substring(0, lineStart) + " ".repeat(1 + (int) (length * 4)) + text.substring(lineStart);
                }
                default -> {
                    String[] lines = text.split("\n", -1);
                    int a = Math.min(lines.length - 1, (int) (where * lines.length));
                    int b = Math.min(lines.length - 1, (int) (length * lines.length));
                    String swap = lines[a];
                    lines[a] = lines[b];
                    lines[b] = swap;
                    yield String.join("\n", lines);
                }
            };
        }
    }

    private static List<String> read(String folder, String suffix) {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().map(LoaderAndImporterFuzzTest::readFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
