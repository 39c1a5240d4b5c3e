package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paperlist.ExitCode;
import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that are not regular files (a FIFO, a device, a folder) where paperlist reads or writes one: exit
 * 5, {@code not a regular file}, at once, never a hang or an endless read. The site's output folder follows
 * the README outputs' rule on symbolic links, and settings cannot point outputs into {@code .git}.
 */
@DisplayName("FIFOs, devices and folders for files; links under the site; outputs inside .git")
class NotRegularFilesTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(20);

    @TempDir Path dir;

    @Test
    void aFifoAsTheReadmeIsNotARegularFile() throws Exception {
        Workspace w = Workspace.rendered(dir);
        Files.delete(dir.resolve("README.md"));
        mkfifo(dir.resolve("README.md"));
        assertTimeoutPreemptively(AT_ONCE, () -> {
            w.assertRefused(ExitCode.IO, "README.md: not a regular file", "check");
            w.assertRefused(ExitCode.IO, "README.md: not a regular file", "render");
        });
    }

    @Test
    void aFifoAsTheCatalogueIsNotARegularFile() throws Exception {
        Workspace w = Workspace.rendered(dir);
        Files.delete(dir.resolve("papers.yaml"));
        mkfifo(dir.resolve("papers.yaml"));
        assertTimeoutPreemptively(AT_ONCE, () -> {
            w.assertRefused(ExitCode.IO, "papers.yaml: not a regular file", "check");
            w.assertRefused(ExitCode.IO, "papers.yaml: not a regular file", "render");
        });
    }

    @Test
    void aFifoAsATagPageIsNotARegularFile() throws Exception {
        Workspace w = new Workspace(dir).write("papers.yaml", Workspace.CATALOG.replace("sections:",
                "settings:\n  tag_pages: true\nsections:").replace("code: OpenMOSS/AnyGPT", "code: OpenMOSS/AnyGPT\n        topics: [Vision]"));
        w.write("README.md", "# A list\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        assertThat(w.run("render").exitCode()).isZero();
        Files.delete(dir.resolve("tags/Vision.md"));
        mkfifo(dir.resolve("tags/Vision.md"));
        assertTimeoutPreemptively(AT_ONCE, () -> {
            w.assertRefused(ExitCode.IO, "tags/Vision.md: not a regular file", "check");
            w.assertRefused(ExitCode.IO, "tags/Vision.md: not a regular file", "render");
        });
    }

    @Test
    void aDeviceAsTheCatalogueIsNotARegularFile() {
        Workspace w = Workspace.rendered(dir);
        assertTimeoutPreemptively(AT_ONCE, () ->
                w.assertRefused(ExitCode.IO, "/dev/zero: not a regular file", "check", "--catalog", "/dev/zero"));
    }

    @Test
    void aFolderAsTheCatalogueIsNotARegularFile() throws IOException {
        Workspace w = Workspace.rendered(dir);
        Files.createDirectory(dir.resolve("lists.yaml"));
        w.assertRefused(ExitCode.IO, "lists.yaml: not a regular file", "render", "--catalog", "lists.yaml");
    }

    @Test
    void theSiteRefusesAFolderThatLeadsElsewhereThroughASymbolicLink() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path list = Files.createDirectories(dir.resolve("list"));
        Workspace w = Workspace.rendered(list);
        Files.createDirectories(list.resolve("docs"));
        Files.createSymbolicLink(list.resolve("docs/tags"), elsewhere);
        w.assertRefused(ExitCode.IO, "docs/tags: is a symbolic link; paperlist writes the site only into real folders"
                + " inside its output folder, and nothing was written", "site", "--output", "docs");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void outputsInsideGitAreRefusedWithTheSettingsPosition() {
        Workspace w = Workspace.rendered(dir);
        w.write("papers.yaml", "settings:\n  tag_pages: {folder: .git/hooks}\n" + Workspace.CATALOG);
        w.assertRefused(ExitCode.INVALID_INPUT, "papers.yaml:2:23: 'folder' must not be inside .git or a folder whose"
                + " name starts with .git, got '.git/hooks'", "render");
        w.write("papers.yaml", "settings:\n  outputs:\n    - {file: .git/info/attributes}\n" + Workspace.CATALOG);
        w.assertRefused(ExitCode.INVALID_INPUT, "papers.yaml:3:14: an output 'file' must not be inside .git or a folder"
                + " whose name starts with .git, got '.git/info/attributes'", "render");
        w.write("papers.yaml", "settings:\n  split_sections: {folder: docs/.git-pages}\n" + Workspace.CATALOG);
        assertThat(w.run("render").err()).startsWith("papers.yaml:2:28: 'folder' must not be inside .git");
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder(List.of("mkfifo", path.toString())).start();
        assertThat(p.waitFor()).isZero();
    }
}
