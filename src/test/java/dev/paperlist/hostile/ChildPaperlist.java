package dev.paperlist.hostile;

import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * paperlist in a JVM of its own, started from the test classpath with flags that make a short run start
 * fast: the way the kill and concurrency groups get real processes, with real operating-system locks and
 * a real {@code kill -9}, where an in-process run would share one JVM's locks.
 */
final class ChildPaperlist {
    private ChildPaperlist() {}

    /** The command line that runs paperlist with {@code args}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(Processes.paperlistCommand());
        command.addAll(1, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command} in {@code folder}, its standard error going to {@code err} and its output discarded. */
    static Process start(Path folder, List<String> command, Path err) {
        try {
            return new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(err.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code process} to end, at most a minute, and returns its exit code. */
    static int exitCode(Process process) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("a child paperlist ran for over a minute");
        }
        return process.exitValue();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
