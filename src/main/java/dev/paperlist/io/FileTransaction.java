package dev.paperlist.io;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replaces and removes several files as one change, as far as a file system allows: every new file is
 * first written whole to a temporary file beside its target (flushed to disk) and every target is
 * checked to be replaceable; only then are the temporary files renamed over their targets and the
 * removals done, in the order they were added. A failure before the first rename changes nothing; a
 * failure after it names exactly the files already changed and those not. A crash between renames
 * leaves each file old or new, never a mix, and temporary files that the next write of the same file
 * removes (see {@link AtomicWriter}).
 */
public final class FileTransaction {
    /** The file-system operations the transaction uses; tests substitute ones that fail or pause. */
    public interface Operations {
        /** Creates a new file to write, failing if it exists. */
        default FileChannel create(Path temp) throws IOException {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        /** Renames a written temporary file over its target. */
        default void rename(Path temp, Path target) throws IOException {
            AtomicWriter.rename(temp, target);
        }

        /** Removes a file. */
        default void delete(Path target) throws IOException {
            Files.deleteIfExists(target);
        }
    }

    /** The operations of the real file system. */
    public static final Operations FILE_SYSTEM = new Operations() {};

    private record Change(Path target, String displayName, Path temp) {
        boolean removal() {
            return temp == null;
        }
    }

    private final Operations operations;
    private final List<Change> changes = new ArrayList<>();
    private final List<Path> createdFolders = new ArrayList<>();

    public FileTransaction() {
        this(FILE_SYSTEM);
    }

    public FileTransaction(Operations operations) {
        this.operations = operations;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, to be renamed over it by
     * {@link #commit}. On failure everything staged so far is undone and the exception says that nothing
     * was written.
     */
    public void write(Path target, byte[] content, String displayName) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            AtomicWriter.requireReplaceable(absolute, displayName, false);
            Path temp = stage(absolute, content, displayName);
            changes.add(new Change(absolute, displayName, temp));
        } catch (PaperlistException e) {
            rollBack();
            throw e;
        }
    }

    /** Marks {@code target} for removal by {@link #commit}, once it is known that it can be removed. */
    public void remove(Path target, String displayName) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            AtomicWriter.requireReplaceable(absolute, displayName, true);
            changes.add(new Change(absolute, displayName, null));
        } catch (PaperlistException e) {
            rollBack();
            throw e;
        }
    }

    /**
     * Renames every staged file over its target and does the removals, in order. When one fails, the
     * temporary files not yet renamed are deleted and the exception names what was changed and what not.
     */
    public void commit() {
        try {
            // The targets were checked as they were staged; checked again now, just before the first rename.
            for (Change change : changes) {
                AtomicWriter.requireReplaceable(change.target(), change.displayName(), change.removal());
            }
        } catch (PaperlistException e) {
            rollBack();
            throw e;
        }
        List<String> done = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            try {
                if (change.removal()) {
                    operations.delete(change.target());
                } else {
                    operations.rename(change.temp(), change.target());
                }
            } catch (IOException e) {
                List<String> notDone = new ArrayList<>();
                for (Change rest : changes.subList(i, changes.size())) {
                    notDone.add(rest.displayName());
                    deleteQuietly(rest.temp());
                }
                String verb = change.removal() ? ": cannot remove: " : ": cannot write: ";
                String message = change.displayName() + verb + IoMessages.describe(e);
                throw new PaperlistException(ExitCode.IO, done.isEmpty() ? message + "; nothing was written"
                        : message + "; updated: " + String.join(", ", done) + "; not updated: "
                                + String.join(", ", notDone) + "; run paperlist render again to finish", e);
            }
            done.add(change.displayName());
            // Each rename reaches the disk before the next, so that after a power cut too the files changed
            // are a prefix of this order.
            AtomicWriter.syncFolder(change.target().getParent());
        }
        changes.clear();
    }

    /** Deletes the temporary files staged so far and the folders made for them; the targets were never touched. */
    public void rollBack() {
        for (Change change : changes) {
            deleteQuietly(change.temp());
        }
        changes.clear();
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdFolders.get(i));
            } catch (IOException ignored) {
                // Not empty after all, or gone: either way nothing of the user's is lost.
            }
        }
        createdFolders.clear();
    }

    private Path stage(Path target, byte[] content, String displayName) {
        Path folder = target.getParent();
        makeFolder(folder, displayName);
        AtomicWriter.removeAbandonedTemporaries(folder, target.getFileName().toString());
        Set<PosixFilePermission> permissions = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                ? AtomicWriter.permissionsOf(target) : null;
        Path temp = AtomicWriter.temporaryFor(folder, target.getFileName().toString());
        boolean created = false;
        try (FileChannel channel = operations.create(temp)) {
            created = true;
            AtomicWriter.writeTemporary(channel, temp, content, permissions);
            return temp;
        } catch (IOException e) {
            if (created) {
                deleteQuietly(temp);
            }
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot write: " + IoMessages.describe(e)
                    + "; nothing was written", e);
        }
    }

    private void makeFolder(Path folder, String displayName) {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                createdFolders.add(p);
            } catch (IOException e) {
                throw new PaperlistException(ExitCode.IO, displayName + ": cannot create its folder: "
                        + IoMessages.describe(e) + "; nothing was written", e);
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The target is intact; the next write of it removes the leftover.
        }
    }
}
