package dev.paperlist.hooks;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.TextFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * paperlist's plain git pre-commit hook: a small shell script that runs {@code paperlist check} and
 * stops the commit when it fails. The script carries a signature line, so that paperlist replaces or
 * removes only a hook it wrote; a hook someone else wrote is kept, or chained (run first) when asked.
 */
public final class GitHook {
    /** The line that marks a hook as paperlist's own. */
    public static final String SIGNATURE = "# paperlist-hook: written by 'paperlist hook install'; "
            + "'paperlist hook uninstall' removes it";
    /** Where a chained hook is kept; paperlist's hook runs it first and stops when it fails. */
    public static final String CHAINED_NAME = "pre-commit.before-paperlist";
    private static final String HOOK_NAME = "pre-commit";
    private static final long MAX_HOOK_BYTES = 1024 * 1024;

    /** What to do with a pre-commit hook that paperlist did not write. */
    public enum Existing { REFUSE, CHAIN, REPLACE }

    /** What {@link #install} or {@link #uninstall} did, in words for the user. */
    public record Outcome(Path hook, String summary) {}

    private GitHook() {}

    /**
     * Writes the hook into {@code hooksDir}.
     *
     * @param command the shell words that run paperlist, such as {@code 'java' -jar '/opt/paperlist.jar'}
     * @param checkArguments extra shell words after {@code check}, already quoted
     * @param displayDir how messages name the hooks folder
     */
    public static Outcome install(Path hooksDir, String displayDir, String command, String checkArguments,
                                  Existing existing) {
        Path hook = hooksDir.resolve(HOOK_NAME);
        String hookName = displayDir + "/" + HOOK_NAME;
        String script = script(command, checkArguments);
        String action = "installed";
        if (Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
            if (isOurs(hook, hookName)) {
                action = "updated";
            } else if (existing == Existing.REFUSE) {
                throw new PaperlistException(ExitCode.IO, hookName + ": a pre-commit hook is already there and "
                        + "paperlist did not write it; use --chain to run it before paperlist's check, or --force "
                        + "to replace it");
            } else if (existing == Existing.CHAIN) {
                Path chained = hooksDir.resolve(CHAINED_NAME);
                if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
                    throw new PaperlistException(ExitCode.IO, displayDir + "/" + CHAINED_NAME
                            + ": already exists, so the current hook cannot be kept there; move one of them away");
                }
                move(hook, chained, hookName);
                action = "installed (the hook that was there is kept as " + CHAINED_NAME + " and runs first)";
            } else {
                action = "installed (replacing the hook that was there)";
            }
        }
        try {
            Files.createDirectories(hooksDir);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayDir + ": cannot create: " + IoMessages.describe(e), e);
        }
        AtomicWriter.write(hook, script.getBytes(StandardCharsets.UTF_8), hookName);
        makeExecutable(hook, hookName);
        return new Outcome(hook, hookName + ": " + action);
    }

    /** Removes paperlist's hook and puts back the hook it chained, if any; refuses a hook it did not write. */
    public static Outcome uninstall(Path hooksDir, String displayDir) {
        Path hook = hooksDir.resolve(HOOK_NAME);
        String hookName = displayDir + "/" + HOOK_NAME;
        if (!Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
            return new Outcome(hook, hookName + ": no hook there; nothing to remove");
        }
        if (!isOurs(hook, hookName)) {
            throw new PaperlistException(ExitCode.IO, hookName + ": paperlist did not write this hook; it is left "
                    + "as it is");
        }
        Path chained = hooksDir.resolve(CHAINED_NAME);
        if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
            move(chained, hook, hookName);
            return new Outcome(hook, hookName + ": removed; the hook it chained is back in its place");
        }
        try {
            Files.delete(hook);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, hookName + ": cannot remove: " + IoMessages.describe(e), e);
        }
        return new Outcome(hook, hookName + ": removed");
    }

    /** The script; it runs from the top of the work tree, where git runs hooks. */
    public static String script(String command, String checkArguments) {
        String check = command + " check" + (checkArguments.isEmpty() ? "" : " " + checkArguments);
        return "#!/bin/sh\n"
                + SIGNATURE + "\n"
                + "# Stops a commit when the rendered list is not what the catalogue renders.\n"
                + "# Skip it once with: git commit --no-verify\n"
                + "chained=\"$(dirname \"$0\")/" + CHAINED_NAME + "\"\n"
                + "if [ -x \"$chained\" ]; then\n"
                + "  \"$chained\" \"$@\" || exit $?\n"
                + "fi\n"
                + check + "\n"
                + "status=$?\n"
                + "if [ \"$status\" -ne 0 ]; then\n"
                + "  echo \"paperlist: commit stopped (check exited $status): run paperlist render, git add the"
                + " result and commit again\" >&2\n"
                + "fi\n"
                + "exit \"$status\"\n";
    }

    /** Quotes one word for a POSIX shell. */
    public static String shellQuote(String word) {
        if (word.matches("[A-Za-z0-9_./=:@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean isOurs(Path hook, String hookName) {
        if (Files.isSymbolicLink(hook) || !Files.isRegularFile(hook)) {
            return false;
        }
        return TextFile.read(hook, hookName, MAX_HOOK_BYTES).text().lines().anyMatch(SIGNATURE::equals);
    }

    private static void move(Path from, Path to, String displayName) {
        try {
            // Atomic, so that a commit started meanwhile sees one hook or the other, never none.
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot move to " + to.getFileName() + ": "
                    + IoMessages.describe(e), e);
        }
    }

    private static void makeExecutable(Path hook, String hookName) {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(hook));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            if (permissions.contains(PosixFilePermission.GROUP_READ)) {
                permissions.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            }
            Files.setPosixFilePermissions(hook, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): git for Windows runs hooks without an executable bit.
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, hookName + ": cannot make it executable: "
                    + IoMessages.describe(e), e);
        }
    }
}
