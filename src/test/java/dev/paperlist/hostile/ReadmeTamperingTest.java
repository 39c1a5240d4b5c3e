package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperlist.ExitCode;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A README paperlist cannot safely rewrite is left exactly as it is, with its permissions, and the
 * reason is one line: broken or duplicated markers, a hand-edited block (check fails, render puts it
 * back), a symbolic link, a read-only file or folder, a full disk, an output that leads out of the
 * catalogue's folder. Guards: {@code Markers.split}, {@code AtomicWriter}, {@code OutputPlanner.requireInside}.
 * The full disk is also simulated for every platform in {@code io.AtomicWriterTest}.
 */
@DisplayName("README markers, hand edits, symbolic links, read-only files and folders, a full disk")
class ReadmeTamperingTest {
    private static final String START = "<!-- paperlist:start -->";
    private static final String END = "<!-- paperlist:end -->";

    @TempDir Path dir;

    static Stream<Arguments> brokenMarkers() {
        return Stream.of(
                Arguments.of("no markers", "# T\n",
                        "README.md: no paperlist markers; add a line '<!-- paperlist:start -->' and a line '<!-- paperlist:end -->' where the list should go"),
                Arguments.of("markers only inside a code fence", "# T\n\n```\n" + START + "\n" + END + "\n```\n",
                        "README.md: no paperlist markers; add a line '<!-- paperlist:start -->' and a line '<!-- paperlist:end -->' where the list should go"),
                Arguments.of("start only", "# T\n" + START + "\n",
                        "README.md:2: start marker without an end marker '<!-- paperlist:end -->' after it"),
                Arguments.of("end only", END + "\n",
                        "README.md:1: end marker without a start marker '<!-- paperlist:start -->' before it"),
                Arguments.of("reversed", END + "\n" + START + "\n",
                        "README.md:1: the end marker comes before the start marker (line 2); put '<!-- paperlist:end -->' after it"),
                Arguments.of("duplicated", START + "\n" + END + "\n" + START + "\n" + END + "\n",
                        "README.md:3: a second start marker (the first is at line 1); keep exactly one pair of markers"),
                Arguments.of("nested", START + "\n" + START + "\n" + END + "\n" + END + "\n",
                        "README.md:2: a second start marker (the first is at line 1); keep exactly one pair of markers"),
                Arguments.of("two end markers", START + "\n" + END + "\nx\n" + END + "\n",
                        "README.md:4: a second end marker (the first is at line 2); keep exactly one pair of markers"),
                Arguments.of("misspelt", "<!-- paperlist:stat -->\n",
                        "README.md:1: unknown paperlist marker '<!-- paperlist:stat -->'; the markers are '<!-- paperlist:start -->' and '<!-- paperlist:end -->'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMarkers")
    void brokenMarkersAreRefusedWithTheirLine(String name, String readme, String message) {
        Workspace w = Workspace.rendered(dir).write("README.md", readme);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
        w.assertRefused(ExitCode.INVALID_INPUT, message, "check");
    }

    @Test
    void aHandEditedBlockFailsCheckAndRenderPutsItBack() {
        Workspace w = Workspace.rendered(dir);
        String rendered = w.read("README.md");
        w.write("README.md", rendered.replace("- **Accepted:** None (temporal)", "- **Accepted:** ICLR 2099"));
        var before = w.snapshot();

        CliRun check = w.run("check");

        assertThat(check.exitCode()).isEqualTo(ExitCode.STALE.code());
        assertThat(check.out()).contains("\n-- **Accepted:** ICLR 2099\n+- **Accepted:** None (temporal)\n");
        assertThat(check.err()).isEqualTo("README.md is out of date with papers.yaml; run: paperlist render\n");
        assertThat(w.snapshot()).isEqualTo(before);
        assertThat(w.run("render").out()).isEqualTo("README.md: rendered\n");
        assertThat(w.read("README.md")).isEqualTo(rendered);
    }

    @Test
    void aHandEditThatDeletesTheEndMarkerIsRefused() {
        Workspace w = Workspace.rendered(dir);
        w.write("README.md", w.read("README.md").replace(END + "\n", ""));
        w.assertRefused(ExitCode.INVALID_INPUT,
                "README.md:3: start marker without an end marker '<!-- paperlist:end -->' after it", "render");
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeitherItNorItsTargetChanges() throws IOException {
        Workspace w = Workspace.rendered(dir);
        Files.move(dir.resolve("README.md"), dir.resolve("real.md"));
        Files.createSymbolicLink(dir.resolve("README.md"), Path.of("real.md"));
        w.write("papers.yaml", Workspace.CATALOG.replace("AnyGPT: Unified", "AnyGPT: A Unified"));
        w.assertRefused(ExitCode.IO,
                "README.md: is a symbolic link; paperlist writes regular files only (name the real file instead)", "render");
    }

    @Test
    void aReadOnlyReadmeIsRefusedAndKeepsItsPermissions() throws IOException {
        Workspace w = Workspace.rendered(dir);
        w.write("papers.yaml", Workspace.CATALOG.replace("AnyGPT: Unified", "AnyGPT: A Unified"));
        Files.setPosixFilePermissions(dir.resolve("README.md"), PosixFilePermissions.fromString("r--r--r--"));
        w.assertRefused(ExitCode.IO, "README.md: is read-only; nothing was written", "render");
    }

    @Test
    void aReadOnlyFolderIsRefusedEvenForRoot() throws IOException {
        Workspace w = Workspace.rendered(dir);
        w.write("papers.yaml", Workspace.CATALOG.replace("AnyGPT: Unified", "AnyGPT: A Unified"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            w.assertRefused(ExitCode.IO, "README.md: its folder is read-only; nothing was written", "render");
            w.assertRefused(ExitCode.IO, "new.yaml: its folder is read-only; nothing was written",
                    "import", "README.md", "--output", "new.yaml");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anOutputThroughASymlinkedFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path list = Files.createDirectories(dir.resolve("list"));
        Files.createSymbolicLink(list.resolve("docs"), elsewhere);
        Workspace w = new Workspace(list).write("papers.yaml",
                "settings:\n  outputs:\n    - {file: docs/README.md}\n" + Workspace.CATALOG);
        w.assertRefused(ExitCode.IO, "papers.yaml: output 'docs/README.md' leads outside the catalogue's folder "
                + "through a symbolic link; paperlist writes only inside it", "render");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void anOutputOutsideTheFolderIsRefused() {
        Workspace w = Workspace.rendered(dir).write("papers.yaml",
                "settings:\n  outputs:\n    - {file: ../README.md}\n" + Workspace.CATALOG);
        w.assertRefused(ExitCode.INVALID_INPUT,
                "papers.yaml:3:14: an output 'file' must be a path inside the catalogue's folder, got '../README.md'", "render");
    }

    /**
     * A real full disk: a 1 MiB tmpfs, mounted only where the tests run as root with mount(8) allowed
     * (skipped elsewhere; the channel seam in {@code AtomicWriterTest} covers every platform).
     */
    @Test
    void aFullDiskLeavesTheReadmeAsItWas() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        Processes.Result mounted = Processes.run(dir, Map.of(),
                List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()));
        assumeTrue(mounted.exitCode() == 0, "cannot mount a tmpfs here: " + mounted.err());
        try {
            Workspace w = Workspace.rendered(mount);
            StringBuilder yaml = new StringBuilder(Workspace.CATALOG);
            for (int i = 0; i < 600; i++) {
                yaml.append("      - {name: P").append(i).append(", title: \"").append("多模态".repeat(100)).append("\"}\n");
            }
            w.write("papers.yaml", yaml.toString());
            Files.setPosixFilePermissions(mount.resolve("README.md"), PosixFilePermissions.fromString("rw-r-----"));
            w.assertRefused(ExitCode.IO, "README.md: cannot write: No space left on device; nothing was written", "render");
        } finally {
            Processes.run(dir, Map.of(), List.of("umount", mount.toString()));
        }
    }
}
