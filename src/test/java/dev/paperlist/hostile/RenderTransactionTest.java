package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperlist.ExitCode;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.FileTransaction;
import dev.paperlist.model.Catalog;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render that writes several files (README, tag pages, section pages, removals) is all or nothing: a
 * read-only page, a read-only page folder or a disk that fills up half-way leaves every file as it was,
 * with a message that says so; {@code render} killed with {@code kill -9} between two renames leaves a
 * state that {@code check} reports and the next {@code render} completes. Guard: {@code FileTransaction}.
 */
@DisplayName("a render of several files is all or nothing")
class RenderTransactionTest {
    static final String CATALOG = """
            settings:
              tag_pages: true
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    venue: ACL 2024
                    topics: [Multimodal]
                  - name: NExT-GPT
                    title: "NExT-GPT: Any-to-Any Multimodal LLM"
                    url: https://arxiv.org/abs/2309.05519
                    topics: [Speech]
            """;

    @TempDir Path dir;

    private Workspace rendered(Path folder) {
        Workspace w = new Workspace(folder).write("papers.yaml", CATALOG)
                .write("README.md", "# A list\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        CliRun render = w.run("render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        w.write("papers.yaml", CATALOG.replace("ACL 2024", "ICLR 2025"));
        return w;
    }

    @Test
    void aReadOnlyTagPageLeavesTheReadmeAsItWas() throws IOException {
        Workspace w = rendered(dir);
        Files.setPosixFilePermissions(dir.resolve("tags/Multimodal.md"), PosixFilePermissions.fromString("r--r--r--"));
        w.assertRefused(ExitCode.IO, "tags/Multimodal.md: is read-only; nothing was written", "render");
        assertThat(w.run("check").exitCode()).isEqualTo(1);
    }

    @Test
    void aReadOnlyTagFolderLeavesTheReadmeAsItWas() throws IOException {
        Workspace w = rendered(dir);
        Files.setPosixFilePermissions(dir.resolve("tags"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            w.assertRefused(ExitCode.IO, "tags/Multimodal.md: its folder is read-only; nothing was written", "render");
        } finally {
            Files.setPosixFilePermissions(dir.resolve("tags"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A 1 MiB tmpfs: the README and a large tag page both fit alone, not together. */
    @Test
    void aDiskThatFillsUpHalfWayChangesNoFile() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        Processes.Result mounted = Processes.run(dir, Map.of(),
                List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()));
        assumeTrue(mounted.exitCode() == 0, "cannot mount a tmpfs here: " + mounted.err());
        try {
            Workspace w = rendered(mount);
            StringBuilder yaml = new StringBuilder(CATALOG.replace("ACL 2024", "ICLR 2025"));
            for (int i = 0; i < 400; i++) {
                yaml.append("      - {name: P").append(i).append(", title: \"").append("多模态".repeat(100))
                        .append("\", url: \"https://example.org/").append(i).append("\", topics: [Multimodal]}\n");
            }
            w.write("papers.yaml", yaml.toString());
            Map<String, String> before = w.snapshot();
            CliRun render = w.run("render");
            assertThat(render.exitCode()).as(render.toString()).isEqualTo(5);
            assertThat(render.err()).matches("(README\\.md|tags/Multimodal\\.md): cannot write: No space left on device;"
                    + " nothing was written\n");
            assertThat(render.out()).isEmpty();
            assertThat(w.snapshot()).isEqualTo(before);
        } finally {
            Processes.run(dir, Map.of(), List.of("umount", mount.toString()));
        }
    }

    /**
     * Killed between two renames (the child pauses after the first so that the kill lands there): the
     * README is new and a tag page old, or the other way round; check reports it, render completes it.
     */
    @Test
    void aRenderKilledBetweenRenamesIsReportedByCheckAndCompletedByRender() throws Exception {
        Workspace w = rendered(dir);
        List<String> command = new ArrayList<>(Processes.paperlistCommand());
        command.set(command.size() - 1, PausingRender.class.getName());
        command.add(dir.toString());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("renamed ");
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(temporaryFiles()).isNotEmpty();

        CliRun check = w.run("check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.err()).contains("is out of date with papers.yaml; run: paperlist render");

        CliRun render = w.run("render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        assertThat(w.run("check").exitCode()).isZero();
        assertThat(temporaryFiles()).isEmpty();
    }

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.contains(".paperlist-")).toList();
        }
    }

    /** Renders the folder given as argument, printing each rename and then pausing for a minute after the first. */
    static final class PausingRender {
        public static void main(String[] args) throws Exception {
            Path folder = Path.of(args[0]);
            Catalog catalog = CatalogLoader.load(folder.resolve("papers.yaml"), "papers.yaml");
            List<OutputPlan> plans = new ArrayList<>(ReadmeSync.planWithPages(catalog, folder.resolve("README.md"),
                    "README.md", "papers.yaml"));
            plans.addAll(ReadmeSync.planTagPages(catalog, folder, "tags", "papers.yaml", folder.resolve("README.md")));
            ReadmeSync.applyAll(plans, new FileTransaction(new FileTransaction.Operations() {
                @Override
                public void rename(Path temp, Path target) throws IOException {
                    FileTransaction.FILE_SYSTEM.rename(temp, target);
                    System.out.println("renamed " + target);
                    System.out.flush();
                    try {
                        TimeUnit.MINUTES.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
        }
    }
}
