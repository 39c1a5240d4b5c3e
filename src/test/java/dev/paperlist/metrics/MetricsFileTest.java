package dev.paperlist.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {
    static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void writesSortedOneLineEntriesThatReadBackEqual() {
        Metrics m = new Metrics.Builder(Metrics.EMPTY)
                .repo("Zeta/Z", new RepoMetrics(RepoMetrics.Status.OK, null, 5, 3, false, LocalDate.of(2026, 1, 2), "main", T,
                        "W/\"x\\y\""))
                .repo("alpha/A", new RepoMetrics(RepoMetrics.Status.RENAMED, "beta/A", 1234567, null, true, null, null, T, null))
                .repo("gone/G", new RepoMetrics(RepoMetrics.Status.MISSING, null, null, 9, null, null, null, T, null))
                .paper("2401.00002", new PaperMetrics(17, 12, "CVPR 2024", "dblp", T))
                .paper("2103.00020", new PaperMetrics(null, null, null, null, T))
                .build();
        String text = MetricsFile.format(m);
        assertThat(text).isEqualTo("""
                # Written by 'paperlist refresh'; do not edit by hand.
                repos:
                  "alpha/A": {status: renamed, renamed_to: "beta/A", stars: 1234567, archived: true, fetched: "2026-12-01T08:00:00Z"}
                  "gone/G": {status: missing, stars_before: 9, fetched: "2026-12-01T08:00:00Z"}
                  "Zeta/Z": {status: ok, stars: 5, stars_before: 3, archived: false, pushed: "2026-01-02", branch: "main", fetched: "2026-12-01T08:00:00Z", etag: "W/\\"x\\\\y\\""}
                papers:
                  "2103.00020": {fetched: "2026-12-01T08:00:00Z"}
                  "2401.00002": {citations: 17, citations_before: 12, venue: "CVPR 2024", venue_source: dblp, fetched: "2026-12-01T08:00:00Z"}
                """);
        Metrics back = MetricsFile.parse(text, "m.yaml");
        assertThat(back).isEqualTo(m);
        assertThat(MetricsFile.format(back)).isEqualTo(text);
        assertThat(back.repo("ZETA/z")).map(RepoMetrics::stars).contains(5);
        assertThat(back.repo("zeta/z").orElseThrow().gained()).isEqualTo(2);
    }

    @Test
    void anAbsentFileIsNoMetrics(@TempDir Path dir) {
        assertThat(MetricsFile.read(dir.resolve("papers.metrics.yaml"))).isSameAs(Metrics.EMPTY);
        assertThat(MetricsFile.besides(dir.resolve("lists/vision.yml"))).isEqualTo(dir.resolve("lists/vision.metrics.yaml"));
        assertThat(MetricsFile.besides(Path.of("papers.yaml"))).isEqualTo(Path.of("papers.metrics.yaml"));
    }

    @Test
    void badInputIsFileLineColumnAndExitThree() {
        String[][] cases = {
            {"repos:\n  \"a/b\": {status: fine, fetched: \"2026-01-01T00:00:00Z\"}\n",
                "m.yaml:2:19: 'status' must be ok, renamed or missing, got 'fine'"},
            {"repos:\n  \"a/b\": {status: ok, stars: many, fetched: \"2026-01-01T00:00:00Z\"}\n",
                "m.yaml:2:30: 'stars' must be a whole number, got 'many'"},
            {"repos:\n  \"a/b\": {status: ok}\n", "m.yaml:2:10: missing 'fetched'"},
            {"repos:\n  \"a/b\": {status: ok, fetched: \"2026-01-01T00:00:00Z\"\n", "m.yaml:3:1: not valid YAML"},
            {"repos:\n  \"a/b\": {status: ok, fetched: x}\n  \"A/B\": {status: ok, fetched: x}\n",
                "m.yaml:2:32: 'fetched' must be a UTC time"},
            {"repos:\n  \"a/b\": {status: ok, fetched: \"2026-01-01T00:00:00Z\"}\n"
                + "  \"A/B\": {status: ok, fetched: \"2026-01-01T00:00:00Z\"}\n", "m.yaml:3:10: repository 'A/B' is listed twice"},
            {"repos: [1, 2]\n", "m.yaml:1:8: 'repos' must be a mapping"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> MetricsFile.parse(c[0], "m.yaml"))
                    .isInstanceOf(PaperlistException.class)
                    .hasMessageStartingWith(c[1])
                    .satisfies(e -> assertThat(((PaperlistException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
        }
    }

    @Test
    void savingTheSameDataLeavesTheFileUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("papers.metrics.yaml");
        Metrics m = Metrics.EMPTY.withPaper("2401.00001", new PaperMetrics(3, null, null, null, T));
        assertThat(MetricsFile.save(file, "papers.metrics.yaml", m)).isTrue();
        var modified = Files.getLastModifiedTime(file);
        assertThat(MetricsFile.save(file, "papers.metrics.yaml", m)).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(MetricsFile.read(file)).isEqualTo(m);
    }
}
