package dev.paperlist.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of paperlist sees of the world outside its arguments: the folder it works in and the
 * environment variables. Tests pass their own, so no test depends on the JVM's working directory.
 */
public record Environment(Path workingDirectory, Map<String, String> variables) {
    public Environment {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    public static Environment current() {
        return new Environment(Path.of(""), System.getenv());
    }

    /** Resolves a path given on the command line against the working folder. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
