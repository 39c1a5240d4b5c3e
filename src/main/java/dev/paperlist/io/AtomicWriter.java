package dev.paperlist.io;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder, are
 * flushed to disk, and the temporary file is renamed over the target. A reader, or a crash at any
 * moment, sees the old file or the new one, never a mix. Permissions of the old file are kept.
 */
public final class AtomicWriter {
    private AtomicWriter() {}

    public static void write(Path target, byte[] content, String displayName) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isSymbolicLink(absolute)) {
            throw new PaperlistException(ExitCode.IO, displayName
                    + ": is a symbolic link; paperlist writes regular files only (name the real file instead)");
        }
        boolean exists = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> permissions = exists ? permissionsOf(absolute) : null;
        // The permission bits, not access(2): a rename would replace a read-only file, and root may write anything.
        boolean readOnly = permissions != null ? !permissions.contains(PosixFilePermission.OWNER_WRITE)
                : exists && !Files.isWritable(absolute);
        if (readOnly) {
            throw new PaperlistException(ExitCode.IO, displayName + ": is read-only; nothing was written");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            } else {
                applyDefaultPermissions(temp);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(dir);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO,
                    displayName + ": cannot write: " + IoMessages.describe(e) + "; the file is unchanged", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original is intact; a stray temporary file is the lesser problem.
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissionsOf(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            return view == null ? null : view.readAttributes().permissions();
        } catch (IOException e) {
            return null;
        }
    }

    // createTempFile makes files readable by the owner only; a new README should get the usual rw-r--r--.
    private static void applyDefaultPermissions(Path temp) throws IOException {
        if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temp, Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OTHERS_READ));
        }
    }

    // Makes the rename itself durable; not every platform can open a folder, which is fine.
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort only.
        }
    }
}
