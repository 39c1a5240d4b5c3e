package dev.paperlist.testing;

import dev.paperlist.cli.Cli;
import dev.paperlist.cli.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs paperlist in-process through the same factory as {@code main}, capturing what it prints. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun in(Path workingDirectory, String... args) {
        return in(workingDirectory, Map.of(), args);
    }

    public static CliRun in(Path workingDirectory, Map<String, String> env, String... args) {
        return in(new Environment(workingDirectory, env), args);
    }

    /** Runs with a whole environment: a terminal, fake time for the network client, a lock wait. */
    public static CliRun in(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
