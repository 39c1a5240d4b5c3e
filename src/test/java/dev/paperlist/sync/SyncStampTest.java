package dev.paperlist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stamp lets check and render skip the work only when the outputs are provably what a full render
 * gives: every change of the catalogue, its settings, paperlist's build or any byte of an output falls
 * back to the full render and compare.
 */
class SyncStampTest {
    private static final String CATALOG = """
            settings:
              toc: true
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    code: OpenMOSS/AnyGPT
                    abstract: 我们介绍 AnyGPT, an *any-to-any* model.
                  - name: NExT-GPT
                    title: "NExT-GPT: Any-to-Any Multimodal LLM"
                    url: https://arxiv.org/abs/2309.05519
            """;

    private static final String METRICS = """
            # Written by 'paperlist refresh'; do not edit by hand.
            repos:
              "OpenMOSS/AnyGPT": {status: ok, stars: 100, fetched: "2025-12-03T09:00:00Z"}
            """;

    @TempDir Path dir;
    @TempDir Path cache;
    private Map<String, String> env;

    @BeforeEach
    void files() throws IOException {
        env = Map.of("PAPERLIST_CACHE_DIR", cache.toString());
        write("papers.yaml", CATALOG);
        write("README.md", "# List\n\nIntro.\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\nAfter.\n");
    }

    @Test
    void renderRecordsAStampThatProvesTheReadmeCurrent() throws IOException {
        assertThat(run("render").out()).isEqualTo("README.md: rendered\n");
        assertThat(proven(null)).hasValueSatisfying(plans -> {
            assertThat(plans).hasSize(1);
            assertThat(plans.get(0).displayName()).isEqualTo("README.md");
            assertThat(plans.get(0).upToDate()).isTrue();
        });
        CliRun check = run("check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void tagPagesAreStampedAndAPageDroppedInStillShowsAsAnOrphan() throws IOException {
        write("papers.yaml", CATALOG.replace("  toc: true\n", "  toc: true\n  tag_pages: true\n").replace(
                "code: OpenMOSS/AnyGPT\n", "code: OpenMOSS/AnyGPT\n        topics: [Multimodal]\n"));
        CliRun render = run("render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        CliRun stamped = run("check");
        assertThat(stamped.exitCode()).as(stamped.toString()).isZero();
        assertThat(stamped.out()).isEqualTo("README.md: up to date\ntags/README.md: up to date\ntags/Multimodal.md: up to date\n");
        // A page paperlist would have written, for a topic no paper has: check must call it orphaned.
        write("tags/Gone.md", read("tags/Multimodal.md"));

        CliRun check = run("check");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.err()).contains("tags/Gone.md is orphaned");
    }

    @Test
    void aRefreshOfFiguresTheListShowsFallsBackToTheFullCheck() throws IOException {
        write("papers.yaml", CATALOG.replace("  toc: true\n", "  toc: true\n  metrics: {stars: text}\n"));
        write("papers.metrics.yaml", METRICS);
        assertThat(run("render").exitCode()).isZero();
        assertThat(read("README.md")).contains("100");
        assertThat(proven(null)).isPresent();

        write("papers.metrics.yaml", METRICS.replace("stars: 100", "stars: 200"));

        assertThat(proven(null)).isEmpty();
        CliRun check = run("check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("200");
    }

    @Test
    void figuresTheListDoesNotShowLeaveTheStampStanding() throws IOException {
        run("render");

        write("papers.metrics.yaml", METRICS);

        assertThat(proven(null)).isPresent();
        CliRun check = run("check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
    }

    @Test
    void aStampOfTheFormerFormatProvesNothing() throws IOException {
        run("render");
        Path stamp = onlyStamp();
        String text = Files.readString(stamp, StandardCharsets.ISO_8859_1);
        Files.writeString(stamp, text.replace("paperlist sync stamp 5\n", "paperlist sync stamp 4\n")
                .replaceFirst("metrics unused\n", ""), StandardCharsets.ISO_8859_1);

        assertThat(proven(null)).isEmpty();
        CliRun check = run("check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
    }

    @Test
    void aProvenPlanStillHasTheFileText() throws IOException {
        run("render");
        OutputPlan plan = proven(null).orElseThrow().get(0);
        assertThat(plan.current().text()).isEqualTo(read("README.md"));
        assertThat(plan.renderedText()).isEqualTo(read("README.md"));
        assertThat(plan.renderedBytes()).isEqualTo(Files.readAllBytes(dir.resolve("README.md")));
    }

    @Test
    void aHandEditOfTheGeneratedBlockIsDetected() throws IOException {
        run("render");
        // Same length, one character: the size alone cannot tell.
        write("README.md", read("README.md").replace("any-to-any", "any-to-anx"));
        assertThat(proven(null)).isEmpty();
        CliRun check = run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("-- **Abstract:** 我们介绍 AnyGPT, an *any-to-anx* model.")
                .contains("+- **Abstract:** 我们介绍 AnyGPT, an *any-to-any* model.");
        assertThat(check.err()).isEqualTo("README.md is out of date with papers.yaml; run: paperlist render\n");
    }

    @Test
    void anyChangeOfTheCatalogueFallsBackToTheFullCheck() throws IOException {
        run("render");
        write("papers.yaml", CATALOG.replace("Unified", "A Unified"));
        assertThat(proven(null)).isEmpty();
        CliRun check = run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("+- **Paper:** [AnyGPT: A Unified Multimodal LLM]");
    }

    @Test
    void aChangeOfTheSettingsIsDetected() throws IOException {
        run("render");
        write("papers.yaml", CATALOG.replace("toc: true", "toc: false"));
        CliRun check = run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("\n-- [Multimodal](#multimodal)\n");
    }

    @Test
    void aCatalogueChangeThatRendersTheSameIsCheckedInFullAndThenStampedAgain() throws IOException {
        run("render");
        write("papers.yaml", "# A comment changes the bytes, not the list.\n" + CATALOG);
        assertThat(proven(null)).isEmpty();
        assertThat(run("check").exitCode()).isZero();
        assertThat(proven(null)).isPresent();
    }

    @Test
    void anotherBuildOfPaperlistIsNotTrusted() throws IOException {
        run("render");
        Path stamp = onlyStamp();
        String text = Files.readString(stamp, StandardCharsets.ISO_8859_1);
        assertThat(text.lines().toList().get(2)).isEqualTo("code " + BuildDigest.current());
        Files.writeString(stamp, text.replaceFirst("(?m)^code .*$", "code jar " + "0".repeat(64)), StandardCharsets.ISO_8859_1);
        assertThat(proven(null)).isEmpty();
    }

    @Test
    void classesRunFromAFolderAreIdentifiedByADigestOfTheirContent() throws IOException {
        assertThat(BuildDigest.current()).matches("classes [0-9a-f]{64}");
        Path classes = Files.createDirectories(dir.resolve("classes/dev/paperlist"));
        Files.writeString(classes.resolve("A.class"), "one");
        String first = BuildDigest.folderDigest(dir.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "two");
        assertThat(BuildDigest.folderDigest(dir.resolve("classes"))).isNotEqualTo(first);
        Files.writeString(classes.resolve("A.class"), "one");
        Files.writeString(classes.resolve("build.sha256"), "a digest the folder's own is not made of\n");
        assertThat(BuildDigest.folderDigest(dir.resolve("classes"))).isEqualTo(first);
    }

    @Test
    void aDamagedOrForeignStampIsIgnored() throws IOException {
        run("render");
        Path stamp = onlyStamp();
        String good = Files.readString(stamp, StandardCharsets.ISO_8859_1);
        Files.writeString(stamp, good.replaceFirst("output\t\\d+", "output\tnot-a-number"), StandardCharsets.ISO_8859_1);
        assertThat(run("check").exitCode()).isZero();
        Files.writeString(stamp, "garbage\n");
        assertThat(proven(null)).isEmpty();
        Files.writeString(stamp, good.replace("paperlist sync stamp 5", "paperlist sync stamp 0"), StandardCharsets.ISO_8859_1);
        assertThat(proven(null)).isEmpty();
    }

    @Test
    void aMissingOutputOrAnotherReadmeOptionIsNotProven() throws IOException {
        run("render");
        assertThat(proven("OTHER.md")).isEmpty();
        Files.delete(dir.resolve("README.md"));
        assertThat(proven(null)).isEmpty();
        CliRun check = run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).isEqualTo("README.md does not exist; run: paperlist render\n");
    }

    @Test
    void everyOutputOfTheCatalogueIsCovered() throws IOException {
        write("papers.yaml", "settings:\n  outputs:\n    - {file: README.md, layout: table}\n"
                + "    - {file: NOTES.md, layout: notes}\n" + CATALOG.replace("settings:\n", ""));
        assertThat(run("render").exitCode()).isZero();
        assertThat(proven(null)).hasValueSatisfying(plans -> assertThat(plans).hasSize(2));
        write("NOTES.md", read("NOTES.md") + "\nA line after the list.\n");
        assertThat(proven(null)).isEmpty();
        assertThat(run("check").exitCode()).isZero();
        assertThat(proven(null)).isPresent();
    }

    @Test
    void stampsAreOffWithoutACacheFolder() throws IOException {
        env = Map.of("PAPERLIST_CACHE_DIR", "");
        run("render");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
        assertThat(SyncStamp.cacheFolder(Map.of())).isNull();
        assertThat(SyncStamp.cacheFolder(Map.of("HOME", "/home/a"))).isEqualTo(Path.of("/home/a/.cache/paperlist"));
        assertThat(SyncStamp.cacheFolder(Map.of("HOME", "/home/a", "XDG_CACHE_HOME", "/c")))
                .isEqualTo(Path.of("/c/paperlist"));
    }

    @Test
    void anUnwritableCacheFolderNeverFailsACommand() throws IOException {
        Path file = cache.resolve("a-file");
        Files.writeString(file, "not a folder");
        env = Map.of("PAPERLIST_CACHE_DIR", file.resolve("stamps").toString());
        assertThat(run("render").exitCode()).isZero();
        assertThat(run("check").exitCode()).isZero();
    }

    @Test
    void theEncodedDigestIsTheDigestOfTheWrittenBytes() {
        String text = "a 我 \uD83D\uDE00 b\n".repeat(20_000);
        for (boolean bom : new boolean[] {false, true}) {
            byte[] bytes = dev.paperlist.io.TextFile.encode(text, bom);
            assertThat(SyncStamp.encodedSizeAndDigest(text, bom))
                    .containsExactly(Long.toString(bytes.length), SyncStamp.digest(bytes));
        }
    }

    /** Whatever is edited, a check with stamps says exactly what a check without them says. */
    @Property(tries = 60)
    void checkWithStampsAgreesWithTheFullCheckAfterAnyEdit(
            @ForAll boolean editCatalogue, @ForAll @IntRange(min = 0, max = 1_000_000) int where,
            @ForAll("edits") char replacement) throws IOException {
        Path work = Files.createTempDirectory("stamp-property");
        Path stamps = Files.createTempDirectory("stamp-cache");
        try {
            Files.writeString(work.resolve("papers.yaml"), CATALOG);
            Map<String, String> withStamps = Map.of("PAPERLIST_CACHE_DIR", stamps.toString());
            assertThat(CliRun.in(work, withStamps, "render").exitCode()).isZero();
            Path target = work.resolve(editCatalogue ? "papers.yaml" : "README.md");
            String text = Files.readString(target);
            int at = where % text.length();
            Files.writeString(target, text.substring(0, at) + replacement + text.substring(at + 1));

            CliRun fast = CliRun.in(work, withStamps, "check");
            CliRun full = CliRun.in(work, Map.of(), "check");

            assertThat(fast).isEqualTo(full);
            assertThat(CliRun.in(work, withStamps, "check")).isEqualTo(full);
        } finally {
            delete(work);
            delete(stamps);
        }
    }

    @Provide
    Arbitrary<Character> edits() {
        return Arbitraries.of('x', ' ', '\n', '#', '-', '*', '我', '<', ':');
    }

    private Optional<List<OutputPlan>> proven(String readmeOption) throws IOException {
        Path catalog = dir.resolve("papers.yaml");
        return new OutputPlanner(catalog, "papers.yaml", readmeOption, dir, env, path -> dir.relativize(path).toString())
                .provenByStamp();
    }

    private Path onlyStamp() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private CliRun run(String... args) {
        return CliRun.in(dir, env, args);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
