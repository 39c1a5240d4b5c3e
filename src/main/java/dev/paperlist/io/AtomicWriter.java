package dev.paperlist.io;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder, are
 * flushed to disk, and the temporary file is renamed over the target. A reader, or a crash at any
 * moment, sees the old file or the new one, never a mix. Permissions of the old file are kept.
 *
 * <p>The temporary file is named {@code .NAME.paperlist-RANDOM.tmp} and locked while it is written. A
 * process killed before the rename leaves it behind; the next write to the same file deletes such
 * leftovers, recognising them because nobody holds their lock any more (the system drops a dead
 * process's locks), so a write in progress in another process is never disturbed.
 */
public final class AtomicWriter {
    /** Opens the temporary file for writing. Tests substitute a channel that fails as a full disk does. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path temp) throws IOException;
    }

    private static final String TEMP_INFIX = ".paperlist-";
    private static final String TEMP_SUFFIX = ".tmp";
    static final Set<PosixFilePermission> NEW_FILE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private AtomicWriter() {}

    public static void write(Path target, byte[] content, String displayName) {
        write(target, content, displayName,
                temp -> FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Writes the content unless the file already holds exactly these bytes, so that an unchanged file is not
     * touched; returns whether it wrote.
     */
    public static boolean writeIfChanged(Path target, byte[] content, String displayName) {
        try {
            if (Files.isRegularFile(target)
                    && java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
        } catch (IOException e) {
            // Written below, which reports a real problem with the file.
        }
        write(target, content, displayName);
        return true;
    }

    static void write(Path target, byte[] content, String displayName, ChannelOpener opener) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        Set<PosixFilePermission> permissions = requireReplaceable(absolute, displayName, false);
        removeAbandonedTemporaries(dir, name);
        Path temp = temporaryFor(dir, name);
        boolean created = false;
        try (FileChannel channel = opener.open(temp)) {
            created = true;
            writeTemporary(channel, temp, content, permissions);
            rename(temp, absolute);
            created = false;
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO,
                    displayName + ": cannot write: " + IoMessages.describe(e) + "; the file is unchanged", e);
        } finally {
            if (created) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original is intact; the next write removes the leftover.
                }
            }
        }
        syncFolder(dir);
    }

    /**
     * Refuses, with a one-line message, to replace (or with {@code removal}, to remove) anything but a
     * regular file that may be written, in a folder that may be written: a symbolic link, a folder or a
     * device in its place, a read-only file or folder. Returns the existing file's permissions, which its
     * replacement keeps, or {@code null} when there is no file (or it is to be removed).
     */
    static Set<PosixFilePermission> requireReplaceable(Path target, String displayName, boolean removal) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            attributes = null;
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot read: " + IoMessages.describe(e)
                    + "; nothing was written", e);
        }
        if (attributes != null && attributes.isSymbolicLink()) {
            throw new PaperlistException(ExitCode.IO, displayName
                    + ": is a symbolic link; paperlist writes regular files only (name the real file instead)");
        }
        if (attributes != null && !attributes.isRegularFile()) {
            throw new PaperlistException(ExitCode.IO, displayName + ": not a regular file; nothing was written");
        }
        Set<PosixFilePermission> permissions = attributes != null && !removal ? permissionsOf(target) : null;
        if (attributes != null && !removal && isReadOnly(target, permissions)) {
            throw new PaperlistException(ExitCode.IO, displayName + ": is read-only; nothing was written");
        }
        if (removal && attributes == null) {
            return null;
        }
        Path folder = target.getParent();
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && isReadOnly(folder, permissionsOf(folder))) {
            throw new PaperlistException(ExitCode.IO, displayName + ": its folder is read-only; nothing was written");
        }
        return permissions;
    }

    /**
     * Writes a new temporary file's content through its open channel and forces it to disk, locked while
     * written so that another run's tidying up never takes it for a leftover. Others may not read it before
     * it has the target's permissions ({@code permissions}, or those of a new file when null).
     */
    static void writeTemporary(FileChannel channel, Path temp, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        setPermissions(temp, OWNER_ONLY);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            throw new IOException("the temporary file " + temp.getFileName() + " is locked by another process");
        }
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
        setPermissions(temp, permissions != null ? permissions : NEW_FILE);
    }

    /**
     * Read-only for us, or for everyone by its permission bits. The bits matter because root may write
     * anything, and a rename would replace a read-only file even for others: the user's "read-only" wins.
     */
    static boolean isReadOnly(Path path, Set<PosixFilePermission> permissions) {
        if (!Files.isWritable(path)) {
            return true;
        }
        return permissions != null && !permissions.contains(PosixFilePermission.OWNER_WRITE)
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    static Set<PosixFilePermission> permissionsOf(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            return view == null ? null : view.readAttributes().permissions();
        } catch (IOException e) {
            return null;
        }
    }

    static void setPermissions(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    /** Renames a written temporary file over its target, atomically where the file system can. */
    static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new name for a temporary file beside {@code name}, as {@link #removeAbandonedTemporaries} recognises it. */
    static Path temporaryFor(Path dir, String name) {
        return dir.resolve("." + name + TEMP_INFIX + Long.toUnsignedString(new SecureRandom().nextLong(), 36)
                + TEMP_SUFFIX);
    }

    /** Deletes the temporary files of earlier writes to {@code name} that were killed before their rename. */
    static void removeAbandonedTemporaries(Path dir, String name) {
        String prefix = "." + name + TEMP_INFIX;
        DirectoryStream.Filter<Path> ours = p -> {
            String file = p.getFileName().toString();
            return file.startsWith(prefix) && file.endsWith(TEMP_SUFFIX)
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        };
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, ours)) {
            for (Path leftover : leftovers) {
                try (FileChannel channel = FileChannel.open(leftover, StandardOpenOption.READ);
                     FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true)) {
                    if (lock != null) {
                        Files.deleteIfExists(leftover);
                    }
                } catch (IOException | OverlappingFileLockException inUseOrGone) {
                    // Another write owns it, or it vanished: leave it.
                }
            }
        } catch (IOException ignored) {
            // Tidying up is best effort; the write itself reports real problems.
        }
    }

    // Makes the rename itself durable; not every platform can open a folder, which is fine.
    static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort only.
        }
    }
}
