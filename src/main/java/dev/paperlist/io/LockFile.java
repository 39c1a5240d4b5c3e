package dev.paperlist.io;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An exclusive lock that serialises read-modify-write cycles on one file across processes: an operating
 * system lock on a hidden file beside it ({@code .papers.yaml.lock} for {@code papers.yaml}). The file
 * being edited cannot carry the lock itself, because an atomic write replaces it with a new file. The
 * lock file is left in place, empty; the operating system releases the lock when the process ends, so a
 * crash never leaves a stale lock.
 */
public final class LockFile implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file's path for {@code target}. */
    public static Path pathFor(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
    }

    /** Takes the lock, waiting up to {@code wait} for another process to release it; exit 5 if it does not. */
    public static LockFile acquire(Path target, String displayName, Duration wait) {
        Path path = pathFor(target);
        requireRegularOrAbsent(path);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot create the lock file "
                    + path.getFileName() + ": " + IoMessages.describe(e) + "; nothing was changed", e);
        }
        return acquire(channel, path, displayName, wait);
    }

    /**
     * The lock for a command that writes {@code target} or what it derives from it (import, render, site,
     * export): the same as {@link #acquire}, except that where the lock file cannot be opened for writing
     * (a read-only folder or file system), {@code null}: no paperlist can change {@code target} there
     * either, since every one that does needs this lock, and the command's own writes report the folder.
     * Also {@code null} when {@code target} does not exist: there is nothing to protect, and a command run
     * in the wrong folder should not leave a lock file there.
     */
    public static LockFile acquireForDerived(Path target, String displayName, Duration wait) {
        if (!Files.exists(target)) {
            return null;
        }
        Path path = pathFor(target);
        requireRegularOrAbsent(path);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (java.nio.file.AccessDeniedException | java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Read-only file system")) {
                return null;
            }
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot create the lock file "
                    + path.getFileName() + ": " + IoMessages.describe(e) + "; nothing was changed", e);
        }
        return acquire(channel, path, displayName, wait);
    }

    // Opening a FIFO for writing blocks until someone reads it; a link could lead the lock anywhere.
    private static void requireRegularOrAbsent(Path path) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new PaperlistException(ExitCode.IO, path.getFileName() + ": not a regular file; nothing was changed");
        }
    }

    private static LockFile acquire(FileChannel channel, Path path, String displayName, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another thread of this process
                }
                if (lock != null) {
                    return new LockFile(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            close(channel);
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot lock " + path.getFileName() + ": "
                    + IoMessages.describe(e) + "; nothing was changed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(channel);
        throw new PaperlistException(ExitCode.IO, displayName + ": another paperlist is changing it (" + path.getFileName()
                + " has been locked for " + seconds(wait) + "); nothing was changed, try again");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it.
        }
    }
}
