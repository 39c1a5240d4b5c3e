package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.LinkCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This repository's own tag pages: papers.yaml turns them on, they are committed in sync with it, and
 * every link between the README and the pages lands on a file and a heading.
 */
class RepositoryPagesTest {
    @Test
    void theTagPagesAreInSyncWithTheCatalogue() {
        CliRun check = CliRun.in(Path.of(""), "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).startsWith("README.md: up to date\ntags/README.md: up to date\n");
        assertThat(check.out().lines().filter(l -> l.startsWith("tags/")).count()).isGreaterThan(10);
    }

    @Test
    void everyLinkBetweenTheReadmeAndTheTagPagesResolves() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> tags = Files.list(root.resolve("tags"))) {
            tags.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(LinkCheck.markdown(root, files)).isEmpty();
    }

    @Test
    void aBrokenMarkdownLinkIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# A\n\n[b](b.md) [self](#a) [gone](#b) [c](c.md#x)\n");
        Files.writeString(dir.resolve("c.md"), "# Y\n");
        assertThat(LinkCheck.markdown(dir)).containsExactly("a.md: b.md names no file", "a.md: #b names no anchor in a.md",
                "a.md: c.md#x names no anchor in c.md");
    }
}
