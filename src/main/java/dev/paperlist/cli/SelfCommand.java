package dev.paperlist.cli;

import dev.paperlist.hooks.GitHook;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shell command that runs this same paperlist again, for scripts paperlist writes: the
 * {@code ./paperlist} launcher when it started us (it says so in {@code PAPERLIST_LAUNCHER}), else this
 * Java with the jar we run from, else {@code paperlist} on the PATH.
 */
final class SelfCommand {
    static final String LAUNCHER_VARIABLE = "PAPERLIST_LAUNCHER";

    private SelfCommand() {}

    static String of(Environment environment) {
        String launcher = environment.variables().get(LAUNCHER_VARIABLE);
        if (launcher != null && !launcher.isBlank()) {
            return GitHook.shellQuote(launcher);
        }
        Path jar = ownJar();
        if (jar != null) {
            String java = ProcessHandle.current().info().command().orElse("java");
            return GitHook.shellQuote(java) + " -jar " + GitHook.shellQuote(jar.toString());
        }
        return "paperlist";
    }

    private static Path ownJar() {
        try {
            var source = SelfCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
