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
 * <p>{@code -Dpaperlist.killIterations=N} runs another number of iterations.
 */
@DisplayName("Group 12: render killed with kill -9 at random moments")
class G12KillTest {
    static final int DEFAULT_ITERATIONS = 200;

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
            System.out.printf("G12KillTest: %d kills (a whole run takes about %d ms): %d left the old README, %d the old "
                            + "README and a temporary file (killed while writing), %d the new README; %d runs had "
                            + "finished before their kill%n",
                    iterations, outcomes[4] / 2, outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
            assertThat(outcomes[1]).as("kills in the middle of a write").isPositive();
            assertThat(outcomes[0] + outcomes[2]).as("kills before a write or after it").isPositive();
        } finally {
            pool.shutdownNow();
        }
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
                    awaitTemporaryFile(watch, child, wholeRun * 5);
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

    private static void awaitTemporaryFile(WatchService watch, Process child, long limitMillis) throws InterruptedException {
        long end = System.nanoTime() + limitMillis * 1_000_000;
        while (child.isAlive() && System.nanoTime() < end) {
            WatchKey key = watch.poll(5, TimeUnit.MILLISECONDS);
            if (key == null) {
                continue;
            }
            boolean temporary = key.pollEvents().stream()
                    .anyMatch(e -> e.context().toString().startsWith(".README.md.paperlist-"));
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
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".README.md.paperlist-")).toList();
        }
    }

    private static List<String> strayFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("README.md") && !n.equals("papers.yaml") && !n.startsWith(".README.md.paperlist-"))
                    .toList();
        }
    }
}
