package dev.paperlist.cli;

import dev.paperlist.fetch.Pacing;
import dev.paperlist.io.Terminal;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a run of paperlist sees of the world outside its arguments: the folder it works in, the
 * environment variables, the terminal (if any), and time as the network client and the file lock see it.
 * Tests pass their own, so no test depends on the JVM's working directory, a console or the clock.
 *
 * @param terminal the person who can answer questions, or {@code null} when there is none (scripts, CI)
 * @param network the network client's clock, sleep and timeout
 * @param lockWait how long to wait for another paperlist to release the catalogue's lock
 * @param stdin what a command reads for a file given as {@code -}
 */
public record Environment(Path workingDirectory, Map<String, String> variables, Terminal terminal, Pacing network,
                          Duration lockWait, InputStream stdin) {
    /** How long {@code add} waits for another process's lock on papers.yaml before giving up. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(5);

    public Environment {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    /** An empty standard input. */
    public Environment(Path workingDirectory, Map<String, String> variables, Terminal terminal, Pacing network,
                       Duration lockWait) {
        this(workingDirectory, variables, terminal, network, lockWait, InputStream.nullInputStream());
    }

    /** No terminal, real time, an empty standard input. */
    public Environment(Path workingDirectory, Map<String, String> variables) {
        this(workingDirectory, variables, null, Pacing.REAL, DEFAULT_LOCK_WAIT);
    }

    public static Environment current() {
        return new Environment(Path.of(""), System.getenv(), Terminal.system(), Pacing.REAL, DEFAULT_LOCK_WAIT, System.in);
    }

    public Environment withTerminal(Terminal other) {
        return new Environment(workingDirectory, variables, other, network, lockWait, stdin);
    }

    public Environment withNetwork(Pacing other) {
        return new Environment(workingDirectory, variables, terminal, other, lockWait, stdin);
    }

    public Environment withLockWait(Duration other) {
        return new Environment(workingDirectory, variables, terminal, network, other, stdin);
    }

    public Environment withStdin(InputStream other) {
        return new Environment(workingDirectory, variables, terminal, network, lockWait, other);
    }

    /** Resolves a path given on the command line against the working folder. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
