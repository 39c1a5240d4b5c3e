package dev.paperlist.cli;

import java.nio.file.Path;

/** How messages name a file: relative to the working folder when it is inside it, absolute otherwise. */
final class Paths {
    private Paths() {}

    static String display(Environment environment, Path path) {
        Path relative = environment.workingDirectory().relativize(path.toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : relative.startsWith("..") ? path.toString() : relative.toString();
    }
}
