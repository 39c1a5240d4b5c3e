package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperlist render} killed with SIGKILL ({@code kill -9}) at random moments, in a JVM of its own,
 * {@value #DEFAULT_ITERATIONS} times: README.md is always byte for byte the old or the new README, never
 * a mix, and papers.yaml is never touched. Half the kills come at a random moment of a whole run; the
 * other half wait for the temporary file to appear and then a random few milliseconds, so that many land
 * while the new README is being written. A killed write leaves its temporary file behind (hidden, named
 * {@code .README.md.paperlist-*.tmp}); the next write removes it, and the last, uninterrupted render here
 * must leave none. Guard: {@code AtomicWriter} (temporary file, fsync, rename; leftovers found by lock).
 *
 * <p>{@code paperlist add} is killed the same way, {@value #DEFAULT_ADD_ITERATIONS} times in {@code mvn verify}
 * ({@code -Dhostile.iterations=N} for another number): papers.yaml is the old catalogue or the old one plus exactly
 * the one added paper, README.md the old README or the one rendered from the new catalogue, and the only mix
 * allowed is the new catalogue with the old README, which {@code check} must then report as out of date (exit 1),
 * because {@code add} writes papers.yaml first. A new file means its write cleaned up the temporary files that
 * earlier kills left; a killed {@code add}'s lock never blocks the next one. Measured on the 2-core build
 * machine: 200 kills in 83 s, 0 failures; 125 left both files old, 37 the new papers.yaml with the old README
 * (stale), 38 both new, and 36 came while a temporary file was being written.
 *
 * <p>{@code -Dpaperlist.killIterations=N} runs another number of iterations of {@code render}.
 */
@Tag("slow")
@DisplayName("render and add killed with kill -9 at random moments")
class KilledMidWriteTest {
    static final int DEFAULT_ITERATIONS = 200;
    static final int DEFAULT_ADD_ITERATIONS = 40;

    @TempDir Path dir;

    @Test
    void theReadmeIsAlwaysTheOldOrTheNewOne() throws Exception {
        int iterations = Integer.getInteger("paperlist.killIterations", DEFAULT_ITERATIONS);
        List<String> command = new ArrayList<>(Processes.paperlistCommand());
        command.addAll(1, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        command.add("render");
        // Two folders killed in turn by two threads, so that the machine's two cores both work.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<int[]> first = pool.submit(() -> killRepeatedly(dir.resolve("one"), command, (iterations + 1) / 2, 1));
            Future<int[]> second = pool.submit(() -> killRepeatedly(dir.resolve("two"), command, iterations / 2, 2));
            int[] outcomes = new int[5];
            for (int[] part : List.of(first.get(), second.get())) {
                for (int k = 0; k < outcomes.length; k++) {
                    outcomes[k] += part[k];
                }
            }
            System.out.printf("KilledMidWriteTest: %d kills (a whole run takes about %d ms): %d left the old README, %d the old "
                            + "README and a temporary file (killed while writing), %d the new README; %d runs had "
                            + "finished before their kill%n",
                    iterations, outcomes[4] / 2, outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
            assertThat(outcomes[1]).as("kills in the middle of a write").isPositive();
            assertThat(outcomes[0] + outcomes[2]).as("kills before a write or after it").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addLeavesTheOldOrTheNewCatalogueAndReadmeNeverAMix() throws Exception {
        int iterations = Integer.getInteger("hostile.iterations", DEFAULT_ADD_ITERATIONS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<int[]> first = pool.submit(() -> killAddRepeatedly(dir.resolve("one"), (iterations + 1) / 2, 1));
            Future<int[]> second = pool.submit(() -> killAddRepeatedly(dir.resolve("two"), iterations / 2, 2));
            int[] outcomes = new int[6];
            for (int[] part : List.of(first.get(), second.get())) {
                for (int k = 0; k < outcomes.length; k++) {
                    outcomes[k] += part[k];
                }
            }
            System.out.printf("KilledMidWriteTest: %d kills of add (a whole run takes about %d ms): %d left both files old, "
                            + "%d a new papers.yaml with the old README (check: stale), %d both new; %d runs had finished "
                            + "before their kill; %d kills left a temporary file (killed while writing)%n",
                    iterations, outcomes[4] / 2, outcomes[0], outcomes[1], outcomes[2], outcomes[3], outcomes[5]);
            assertThat(outcomes[5]).as("kills in the middle of a write").isPositive();
            assertThat(outcomes[0]).as("kills before any write").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Kills {@code add} in {@code folder} {@code iterations} times, each time on the same old files; returns how many
     * kills left both files old, papers.yaml new and README.md old, both new, how many runs had already finished, a
     * whole run's time, and how many kills left a temporary file.
     */
    private static int[] killAddRepeatedly(Path folder, int iterations, long seed) throws Exception {
        Files.createDirectories(folder);
        // Comments above the list and text after the README's block make each write long enough to be caught.
        String comments = "# A comment that add keeps byte for byte. 多模态\n".repeat(8_000);
        String tail = "\n## After the list\n\n" + "Text after the list that render keeps byte for byte. 多模态\n".repeat(45_000);
        Workspace w = new Workspace(folder).write("papers.yaml", comments + Workspace.CATALOG)
                .write("README.md", "# A list\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n" + tail);
        assertThat(w.run("render").exitCode()).isZero();
        String oldCatalog = w.read("papers.yaml");
        byte[] oldReadme = w.bytes("README.md");
        String[] add = {"add", "--section", "Multimodal", "--name", "Killed", "--title", "Killed: a paper added while "
            + "the process is killed", "--url", "https://example.org/killed"};
        CliRun inProcess = w.run(add);
        assertThat(inProcess.exitCode()).as(inProcess.toString()).isZero();
        String newCatalog = w.read("papers.yaml");
        byte[] newReadme = w.bytes("README.md");
        assertThat(newCatalog).isEqualTo(oldCatalog + "      - name: Killed\n        title: \"Killed: a paper added while the "
                + "process is killed\"\n        url: https://example.org/killed\n");
        List<String> command = ChildPaperlist.command(add);
        w.write("papers.yaml", oldCatalog).write("README.md", oldReadme);
        long wholeRun = timeOneRun(folder, command);
        Random random = new Random(seed);
        int[] outcomes = new int[6];
        outcomes[4] = (int) wholeRun;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            for (int i = 0; i < iterations; i++) {
                w.write("papers.yaml", oldCatalog).write("README.md", oldReadme);
                drain(watch);
                List<String> leftBefore = temporaryFiles(folder, ".").stream().filter(n -> n.endsWith(".tmp")).toList();
                Process child = ChildPaperlist.start(folder, command, null);
                if (i % 2 == 1) {
                    String temporary = random.nextBoolean() ? ".papers.yaml.paperlist-" : ".README.md.paperlist-";
                    awaitTemporaryFile(watch, child, wholeRun * 5, temporary);
                    TimeUnit.MICROSECONDS.sleep(random.nextInt(temporary.startsWith(".README") ? 30_000 : 5_000));
                } else {
                    TimeUnit.MICROSECONDS.sleep((long) (random.nextDouble() * wholeRun * 1000 * 1.1));
                }
                boolean finished = !child.isAlive();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (finished) {
                    assertThat(child.exitValue()).as("kill %d: an add that finished", i).isZero();
                }

                String catalog = w.read("papers.yaml");
                byte[] readme = w.bytes("README.md");
                boolean catalogIsNew = catalog.equals(newCatalog);
                boolean readmeIsNew = Arrays.equals(readme, newReadme);
                String what = folder.getFileName() + ", kill " + i;
                assertThat(catalogIsNew || catalog.equals(oldCatalog)).as("%s: papers.yaml is neither the old nor the "
                        + "new one (%d chars)", what, catalog.length()).isTrue();
                assertThat(readmeIsNew || Arrays.equals(readme, oldReadme)).as("%s: README.md is neither the old nor "
                        + "the new one (%d bytes)", what, readme.length).isTrue();
                assertThat(!readmeIsNew || catalogIsNew).as("%s: a new README with the old papers.yaml", what).isTrue();
                if (catalogIsNew && !readmeIsNew) {
                    CliRun check = w.run("check");
                    assertThat(check.exitCode()).as("%s: check on the new papers.yaml and the old README: %s", what, check)
                            .isEqualTo(1);
                }
                if (catalogIsNew) {
                    assertThat(temporaryFiles(folder, ".papers.yaml.paperlist-"))
                            .as("%s: papers.yaml's write removes the temporary files of killed writes", what).isEmpty();
                }
                if (readmeIsNew) {
                    assertThat(temporaryFiles(folder, ".README.md.paperlist-"))
                            .as("%s: README.md's write removes the temporary files of killed writes", what).isEmpty();
                }
                assertThat(strayFiles(folder).stream().filter(n -> !n.equals(".papers.yaml.lock")
                        && !n.startsWith(".papers.yaml.paperlist-"))).as("%s: files other than ours", what).isEmpty();
                outcomes[finished ? 3 : catalogIsNew ? readmeIsNew ? 2 : 1 : 0]++;
                if (!finished && temporaryFiles(folder, ".").stream()
                        .anyMatch(n -> n.endsWith(".tmp") && !leftBefore.contains(n))) {
                    outcomes[5]++;
                }
            }
        }
        // The next, uninterrupted add, in a JVM of its own, is not blocked by a killed one's lock and removes every
        // temporary file the killed ones left.
        w.write("papers.yaml", oldCatalog).write("README.md", oldReadme);
        Process last = ChildPaperlist.start(folder, command, null);
        assertThat(ChildPaperlist.exitCode(last)).isZero();
        assertThat(w.read("papers.yaml")).isEqualTo(newCatalog);
        assertThat(w.bytes("README.md")).isEqualTo(newReadme);
        assertThat(temporaryFiles(folder, ".")).filteredOn(n -> n.endsWith(".tmp")).isEmpty();
        assertThat(w.run("check").exitCode()).isZero();
        return outcomes;
    }

    /**
     * Kills {@code render} in {@code folder} {@code iterations} times; returns how many kills left the old README,
     * the old one and a temporary file, the new one, how many runs had already finished, and a whole run's time.
     */
    private static int[] killRepeatedly(Path folder, List<String> command, int iterations, long seed) throws Exception {
        Files.createDirectories(folder);
        // Two catalogues that render differently, and a README whose text after the list makes each write
        // take long enough (about 3 MB) to be caught in the middle.
        // This repository's list, without its tag pages: the test is about README.md alone.
        String catalogA = Files.readString(Path.of("papers.yaml"), StandardCharsets.UTF_8)
                .replace("settings:\n  tag_pages: {folder: tags}\n", "");
        assertThat(catalogA).doesNotContain("tag_pages");
        String catalogB = catalogA.replace("ICLR 2024", "ICLR 2025");
        assertThat(catalogB).isNotEqualTo(catalogA);
        String tail = "\n## After the list\n\n" + "Text after the list that render keeps byte for byte. 多模态\n".repeat(45_000);
        Workspace w = new Workspace(folder).write("papers.yaml", catalogA)
                .write("README.md", "# A list\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n" + tail);
        assertThat(w.run("render").exitCode()).isZero();
        byte[] renderedA = w.bytes("README.md");
        w.write("papers.yaml", catalogB);
        assertThat(w.run("render").exitCode()).isZero();
        byte[] renderedB = w.bytes("README.md");
        Random random = new Random(seed);
        long wholeRun = timeOneRun(folder, command);
        int[] outcomes = new int[5];
        outcomes[4] = (int) wholeRun;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            boolean nextIsA = true;
            for (int i = 0; i < iterations; i++) {
                byte[] oldReadme = w.bytes("README.md");
                byte[] newReadme = nextIsA ? renderedA : renderedB;
                String catalog = nextIsA ? catalogA : catalogB;
                w.write("papers.yaml", catalog);
                drain(watch);

                Process child = new ProcessBuilder(command).directory(folder.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (i % 2 == 1) {
                    awaitTemporaryFile(watch, child, wholeRun * 5, ".README.md.paperlist-");
                    TimeUnit.MICROSECONDS.sleep(random.nextInt(30_000));
                } else {
                    TimeUnit.MICROSECONDS.sleep((long) (random.nextDouble() * wholeRun * 1000 * 1.1));
                }
                boolean finished = !child.isAlive();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

                byte[] now = w.bytes("README.md");
                boolean isOld = Arrays.equals(now, oldReadme);
                boolean isNew = Arrays.equals(now, newReadme);
                assertThat(isOld || isNew).as("%s, kill %d: README.md is neither the old nor the new one (%d bytes)",
                        folder.getFileName(), i, now.length).isTrue();
                assertThat(w.read("papers.yaml")).as("kill %d: papers.yaml", i).isEqualTo(catalog);
                assertThat(strayFiles(folder)).as("kill %d: files other than ours", i).isEmpty();
                outcomes[finished ? 3 : isNew ? 2 : temporaryFiles(folder).isEmpty() ? 0 : 1]++;
                if (isNew) {
                    nextIsA = !nextIsA;
                }
            }
        }
        // The next, uninterrupted run removes every temporary file a killed one left.
        CliRun last = w.run("render");
        assertThat(last.exitCode()).as(last.toString()).isZero();
        assertThat(temporaryFiles(folder)).isEmpty();
        assertThat(w.run("check").exitCode()).isZero();
        return outcomes;
    }

    private static long timeOneRun(Path folder, List<String> command) throws IOException, InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }

    private static void awaitTemporaryFile(WatchService watch, Process child, long limitMillis, String prefix)
            throws InterruptedException {
        long end = System.nanoTime() + limitMillis * 1_000_000;
        while (child.isAlive() && System.nanoTime() < end) {
            WatchKey key = watch.poll(5, TimeUnit.MILLISECONDS);
            if (key == null) {
                continue;
            }
            boolean temporary = key.pollEvents().stream()
                    .anyMatch(e -> e.context().toString().startsWith(prefix));
            key.reset();
            if (temporary) {
                return;
            }
        }
    }

    private static void drain(WatchService watch) {
        for (WatchKey key = watch.poll(); key != null; key = watch.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    private static List<String> temporaryFiles(Path folder) throws IOException {
        return temporaryFiles(folder, ".README.md.paperlist-");
    }

    private static List<String> temporaryFiles(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        }
    }

    private static List<String> strayFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("README.md") && !n.equals("papers.yaml") && !n.startsWith(".README.md.paperlist-")
                            && !n.equals(".papers.yaml.lock"))
                    .toList();
        }
    }
}
