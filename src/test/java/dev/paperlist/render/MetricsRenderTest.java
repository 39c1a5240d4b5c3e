package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering from papers.metrics.yaml: star counts, marks, citations and order, in every layout, offline. */
class MetricsRenderTest {
    static final String PAPERS = """
            sections:
              - title: Vision
                papers:
                  - name: Small
                    title: Small Paper
                    url: https://arxiv.org/abs/2401.00001
                    code: small/Repo
                    submitted: 2024-01-01
                  - name: Big
                    title: Big Paper
                    url: https://arxiv.org/abs/2401.00002
                    code: https://github.com/Big/Repo/tree/main/x
                    submitted: 2024-02-01
                  - name: Plain
                    title: Plain Paper
            """;
    static final String METRICS = """
            # Written by 'paperlist refresh'; do not edit by hand.
            repos:
              "big/repo": {status: ok, stars: 12345, stars_before: 12000, archived: false, pushed: "2026-11-01", fetched: "2026-12-01T00:00:00Z"}
              "small/Repo": {status: ok, stars: 999, stars_before: 998, archived: true, pushed: "2024-01-05", fetched: "2026-12-01T00:00:00Z"}
            papers:
              "2401.00001": {citations: 1, fetched: "2026-12-01T00:00:00Z"}
              "2401.00002": {citations: 1234, citations_before: 1000, fetched: "2026-12-01T00:00:00Z"}
            """;
    static final String SETTINGS = """
            settings:
              layout: %s
              metrics: {stars: text, citations: true, archived: true, stale_months: 12, sort: stars, trending: 100}
            """;

    @TempDir Path dir;

    CliRun run(String... args) {
        return CliRun.in(dir, Map.of("PAPERLIST_CACHE_DIR", dir.resolve("cache").toString()), args);
    }

    String block(String layout) throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), String.format(SETTINGS, layout) + PAPERS);
        Files.writeString(dir.resolve("papers.metrics.yaml"), METRICS);
        CliRun r = run("render");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String readme = Files.readString(dir.resolve("README.md"));
        return readme.substring(readme.indexOf("-->\n") + 4, readme.indexOf("<!-- paperlist:end"));
    }

    @Test
    void notesLayoutShowsCountsMarksAndCitationsSortedByStars() throws IOException {
        String block = block("notes");
        assertThat(block).contains("""
                ## Big

                - **Paper:** [Big Paper](https://arxiv.org/abs/2401.00002)\\
                  [★ 12.3k](https://github.com/Big/Repo/tree/main/x) 📈 +345
                  1.2k citations
                """);
        assertThat(block).contains("""
                - **Paper:** [Small Paper](https://arxiv.org/abs/2401.00001)\\
                  [★ 999](https://github.com/small/Repo) (archived)
                  1 citation
                """);
        assertThat(block.indexOf("## Big")).isLessThan(block.indexOf("## Small"));
        assertThat(block.indexOf("## Small")).isLessThan(block.indexOf("## Plain"));
        assertThat(block).doesNotContain("img.shields.io/github/stars");
    }

    @Test
    void tableAndListLayoutsShowTheSame() throws IOException {
        assertThat(block("table")).contains("| [★ 12.3k](https://github.com/Big/Repo/tree/main/x) 📈 +345<br>1.2k citations |");
        assertThat(block("list")).contains("  [★ 999](https://github.com/small/Repo) (archived)\n  1 citation\n");
    }

    @Test
    void aStaleRepositoryIsMarkedFromItsOwnFetchTimeAndAMissingCountFallsBackToTheBadge() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), """
                settings:
                  metrics: {stars: both, stale_months: 12}
                """ + PAPERS);
        Files.writeString(dir.resolve("papers.metrics.yaml"), METRICS.replace("archived: true", "archived: false")
                .replace("  \"big/repo\"", "  \"other/repo\""));
        assertThat(run("render").exitCode()).isZero();
        String readme = Files.readString(dir.resolve("README.md"));
        assertThat(readme).contains("[![Star](https://img.shields.io/github/stars/small/Repo.svg?style=social&label=Star)]"
                + "(https://github.com/small/Repo) [★ 999](https://github.com/small/Repo) (no push since 2024-01)");
        assertThat(readme).contains("\\\n  [![Star](https://img.shields.io/github/stars/Big/Repo.svg?style=social&label="
                + "Star)](https://github.com/Big/Repo/tree/main/x)\n");
    }

    @Test
    void withoutTheSettingsADataFileChangesNothing() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), PAPERS);
        assertThat(run("render").exitCode()).isZero();
        String without = Files.readString(dir.resolve("README.md"));
        Files.writeString(dir.resolve("papers.metrics.yaml"), "this: [is not, read");
        CliRun check = run("check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(run("render").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo(without);
    }

    @Test
    void checkSeesANewRefreshEvenThroughTheStamp() throws IOException {
        block("notes");
        assertThat(run("check").exitCode()).isZero();
        Files.writeString(dir.resolve("papers.metrics.yaml"), METRICS.replace("stars: 12345", "stars: 22345"));
        CliRun check = run("check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(run("render").exitCode()).isZero();
        assertThat(run("check").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("README.md"))).contains("[★ 22.3k]");
    }

    @Test
    void aBrokenDataFileIsFileLineColumnExitThree() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), String.format(SETTINGS, "notes") + PAPERS);
        Files.writeString(dir.resolve("papers.metrics.yaml"), METRICS.replace("stars: 999,", "stars: lots,"));
        CliRun r = run("render");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("papers.metrics.yaml:4:37: 'stars' must be a whole number, got 'lots'\n");
    }

    @Test
    void compactCountsAreCutNotRoundedUp() {
        assertThat(MetricsText.compact(0)).isEqualTo("0");
        assertThat(MetricsText.compact(999)).isEqualTo("999");
        assertThat(MetricsText.compact(1000)).isEqualTo("1k");
        assertThat(MetricsText.compact(12_345)).isEqualTo("12.3k");
        assertThat(MetricsText.compact(99_999)).isEqualTo("99.9k");
        assertThat(MetricsText.compact(123_456)).isEqualTo("123k");
        assertThat(MetricsText.compact(999_999)).isEqualTo("999k");
        assertThat(MetricsText.compact(1_250_000)).isEqualTo("1.2M");
    }
}
