package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.sync.ReadmeSync;
import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files over the size limits are refused before a byte is read, so no file is large enough to exhaust
 * memory by being loaded: the catalogue's limit is 512 MiB (about 250,000 papers of 2 KB), a README's
 * 1 GiB. The over-limit files here are sparse, so the tests take no disk space or time.
 */
@DisplayName("a file over the size limit")
class OversizedFileTest {
    @TempDir Path dir;

    private static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    @Test
    void theLimitsAreWellAboveAHundredThousandPapers() {
        // The benchmark's papers (bench/generate.py) take 2,042 bytes each: 10,000 make 20.4 MB.
        assertThat(CatalogLoader.MAX_BYTES / 2_042).isGreaterThan(250_000);
        assertThat(ReadmeSync.MAX_README_BYTES).isGreaterThanOrEqualTo(2 * CatalogLoader.MAX_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"render", "check", "lint", "sections"})
    void aCatalogueOneByteOverTheLimitIsRefusedAtOnce(String command) throws IOException {
        Workspace w = Workspace.rendered(dir);
        sparse(dir.resolve("papers.yaml"), CatalogLoader.MAX_BYTES + 1);
        w.assertRefused(ExitCode.INVALID_INPUT,
                "papers.yaml: 536,870,913 bytes is over the limit of 536,870,912 bytes (512 MiB)", command);
    }

    @Test
    void aReadmeOverItsLimitIsRefused() throws IOException {
        Workspace w = Workspace.rendered(dir);
        sparse(dir.resolve("README.md"), ReadmeSync.MAX_README_BYTES + 1);
        w.assertRefused(ExitCode.INVALID_INPUT,
                "README.md: 1,073,741,825 bytes is over the limit of 1,073,741,824 bytes (1024 MiB)", "render");
        w.assertRefused(ExitCode.INVALID_INPUT,
                "README.md: 1,073,741,825 bytes is over the limit of 1,073,741,824 bytes (1024 MiB)", "check");
    }

    @Test
    void importOfAReadmeOverTheLimitIsRefused() throws IOException {
        Workspace w = new Workspace(dir);
        sparse(dir.resolve("list.md"), ReadmeSync.MAX_README_BYTES + 1);
        w.assertRefused(ExitCode.INVALID_INPUT,
                "list.md: 1,073,741,825 bytes is over the limit of 1,073,741,824 bytes (1024 MiB)", "import", "list.md");
    }

    /**
     * Under the limit but too large for the Java heap: a clear message, not an OutOfMemoryError's stack
     * trace, and nothing written. Run in a JVM of its own with a 32 MiB heap and a 12 MB catalogue.
     */
    @Test
    void aCatalogueTooLargeForTheHeapGivesAClearMessageAndWritesNothing() throws IOException {
        Workspace w = Workspace.rendered(dir);
        StringBuilder yaml = new StringBuilder("sections:\n  - title: Big\n    papers:\n");
        for (int i = 0; yaml.length() < 12_000_000; i++) {
            yaml.append("      - name: P").append(i).append("\n        title: T").append(i)
                    .append("\n        abstract: ").append("多模态大型语言模型".repeat(40)).append('\n');
        }
        w.write("papers.yaml", yaml.toString());
        Map<String, String> before = w.snapshot();
        List<String> command = new ArrayList<>(Processes.paperlistCommand());
        command.add(1, "-Xmx32m");
        command.add("render");

        Processes.Result result = Processes.run(dir, Map.of(), command);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.INTERNAL.code());
        assertThat(result.err()).isEqualTo("paperlist: out of memory; the input is too large for this Java heap "
                + "(give Java more: PAPERLIST_JAVA_OPTS=-Xmx4g for ./paperlist, JDK_JAVA_OPTIONS=-Xmx4g for java -jar)\n");
        assertThat(result.out()).isEmpty();
        assertThat(w.snapshot()).isEqualTo(before);
    }
}
