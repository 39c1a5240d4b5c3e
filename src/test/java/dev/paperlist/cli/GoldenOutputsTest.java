package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Golden;
import dev.paperlist.testing.LinkCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code resources/outputs}: its papers.yaml (and README.in.md, as README.md) is
 * rendered (what render prints is compared with {@code render.log}), checked, turned into a site and exported in every format through the command line, and
 * the whole folder that results must equal the case's {@code expected} folder file for file, with
 * every link between its files resolving. Rerunning render and site changes nothing.
 */
class GoldenOutputsTest {
    private static final Path ROOT = Golden.resources().resolve("outputs");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void thereAreCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyOutputIsAsExpected(Path dir, @TempDir Path work) throws IOException {
        Files.copy(dir.resolve("papers.yaml"), work.resolve("papers.yaml"));
        if (Files.exists(dir.resolve("README.in.md"))) {
            Files.copy(dir.resolve("README.in.md"), work.resolve("README.md"));
        }
        CliRun render = CliRun.in(work, "render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        // What render tells the user, size warnings included, is part of the expectation.
        Golden.assertMatches(dir.resolve("render.log"), render.out() + "--- standard error ---\n" + render.err());
        assertThat(run(work, "check").out().lines()).allMatch(line -> line.endsWith(": up to date"));
        run(work, "site", "--output", "site", "--title", "Golden list");
        for (String format : List.of("bibtex", "json", "csv")) {
            run(work, "export", "--format", format, "--output", "export/papers." + (format.equals("bibtex") ? "bib" : format));
        }

        Path expected = dir.resolve("expected");
        List<String> produced = relativeFiles(work).stream()
                .filter(f -> !f.equals("papers.yaml") && !f.equals(".papers.yaml.lock")).toList();
        // Every file is compared (and, with -Dgolden.update=true, rewritten) before the failures are reported.
        org.junit.jupiter.api.Assertions.assertAll(produced.stream().map(file -> () ->
                Golden.assertMatches(expected.resolve(file), Files.readString(work.resolve(file), StandardCharsets.UTF_8))));
        if (Files.isDirectory(expected)) {
            assertThat(produced).as("files produced for %s", dir.getFileName())
                    .containsExactlyElementsOf(relativeFiles(expected));
        }

        assertThat(LinkCheck.markdown(work)).isEmpty();
        assertThat(LinkCheck.html(work.resolve("site"))).isEmpty();
        assertThat(CliRun.in(work, "render").out().lines()).allMatch(line -> line.endsWith(": up to date"));
        assertThat(run(work, "site", "--output", "site", "--title", "Golden list").out())
                .startsWith("site/: 0 written, ");
    }

    private static CliRun run(Path work, String... args) {
        CliRun run = CliRun.in(work, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run).isZero();
        assertThat(run.err()).as(String.join(" ", args) + " prints nothing on standard error: " + run).isEmpty();
        return run;
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
