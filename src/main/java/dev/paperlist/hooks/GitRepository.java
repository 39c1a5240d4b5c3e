package dev.paperlist.hooks;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks git itself where a repository's hooks live, so that {@code core.hooksPath}, work trees and
 * submodules are handled exactly as git handles them ({@code git rev-parse --git-path hooks}).
 */
public final class GitRepository {
    private static final long TIMEOUT_SECONDS = 30;

    private GitRepository() {}

    /** The hooks folder of the repository that holds {@code workingDirectory}. */
    public static Path hooksDirectory(Path workingDirectory) {
        String path = git(workingDirectory, "rev-parse", "--git-path", "hooks");
        return workingDirectory.resolve(path).normalize();
    }

    private static String git(Path workingDirectory, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, "paperlist: cannot run git (" + e.getMessage()
                    + "); install git, or put it on the PATH", e);
        }
        try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
            process.getOutputStream().close();
            byte[] stdout = out.readAllBytes();
            byte[] stderr = err.readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PaperlistException(ExitCode.IO, "paperlist: git did not answer within " + TIMEOUT_SECONDS
                        + " seconds");
            }
            if (process.exitValue() != 0) {
                String message = new String(stderr, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
                throw new PaperlistException(ExitCode.USAGE, "paperlist: " + workingDirectory
                        + " is not in a git repository (git: " + message + ")");
            }
            return new String(stdout, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, "paperlist: cannot read git's answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaperlistException(ExitCode.IO, "paperlist: interrupted while waiting for git", e);
        }
    }
}
