package dev.paperlist.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atomic write under faults no test can cause for real everywhere: a disk that fills up halfway
 * through the write (through the channel seam), and temporary files left by writes that were killed,
 * which the next write removes unless a live process still holds them.
 */
@DisplayName("a full disk, and temporary files left by a killed write")
class AtomicWriterTest {
    @TempDir Path dir;

    /** A channel that accepts {@code budget} bytes and then fails as a full disk does. */
    static final class FullDisk extends FileChannel {
        private final FileChannel real;
        private long budget;

        FullDisk(FileChannel real, long budget) {
            this.real = real;
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (budget <= 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.duplicate();
            part.limit((int) Math.min(src.limit(), src.position() + budget));
            int n = real.write(part);
            src.position(src.position() + n);
            budget -= n;
            return n;
        }

        @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return real.read(dsts, offset, length); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { throw new IOException("No space left on device"); }
        @Override public long position() throws IOException { return real.position(); }
        @Override public FileChannel position(long newPosition) throws IOException { real.position(newPosition); return this; }
        @Override public long size() throws IOException { return real.size(); }
        @Override public FileChannel truncate(long size) throws IOException { real.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { real.force(metaData); }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return real.transferTo(position, count, target); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { throw new IOException("No space left on device"); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return real.read(dst, position); }
        @Override public int write(ByteBuffer src, long position) throws IOException { throw new IOException("No space left on device"); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { return real.map(mode, position, size); }
        @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return real.lock(position, size, shared); }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return real.tryLock(position, size, shared); }
        @Override protected void implCloseChannel() throws IOException { real.close(); }
    }

    @Test
    void aDiskThatFillsUpLeavesTheFileAndItsPermissionsAsTheyWere() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "old content\n");
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-rw-r--"));
        byte[] content = "new content, long enough to fill the disk halfway\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AtomicWriter.write(readme, content, "README.md",
                temp -> new FullDisk(FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 20_000)))
                .isInstanceOf(PaperlistException.class)
                .hasMessage("README.md: cannot write: No space left on device; the file is unchanged")
                .satisfies(e -> assertThat(((PaperlistException) e).exitCode()).isEqualTo(ExitCode.IO));

        assertThat(Files.readString(readme)).isEqualTo("old content\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readme))).isEqualTo("rw-rw-r--");
        assertThat(files()).containsExactly("README.md");
    }

    @Test
    void theNextWriteRemovesTemporaryFilesOfKilledWrites() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "old\n");
        Files.writeString(dir.resolve(".README.md.paperlist-1x2y3z.tmp"), "half a rend");
        Files.writeString(dir.resolve(".README.md.paperlist-4u5v6w.tmp"), "");
        // Not ours: another file's leftovers, and a file that merely looks similar.
        Files.writeString(dir.resolve(".NOTES.md.paperlist-1x2y3z.tmp"), "x");
        Files.writeString(dir.resolve(".README.md.backup.tmp"), "x");

        AtomicWriter.write(readme, "new\n".getBytes(StandardCharsets.UTF_8), "README.md");

        assertThat(Files.readString(readme)).isEqualTo("new\n");
        assertThat(files()).containsExactly(".NOTES.md.paperlist-1x2y3z.tmp", ".README.md.backup.tmp", "README.md");
    }

    @Test
    void aTemporaryFileStillLockedByALiveProcessIsLeftAlone() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "old\n");
        Path busy = dir.resolve(".README.md.paperlist-busy.tmp");
        Files.writeString(busy, "being written");
        Path holder = dir.getParent().resolve(dir.getFileName() + "-Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                            c.lock();
                            System.out.println("locked");
                            Thread.sleep(60_000);
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, holder.toString(), busy.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            AtomicWriter.write(readme, "new\n".getBytes(StandardCharsets.UTF_8), "README.md");

            assertThat(Files.readString(readme)).isEqualTo("new\n");
            assertThat(busy).exists();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(holder);
        }
        // Its writer is gone now, so the next write tidies it away.
        AtomicWriter.write(readme, "newer\n".getBytes(StandardCharsets.UTF_8), "README.md");
        assertThat(busy).doesNotExist();
    }

    @Test
    void aNewFileGetsTheUsualPermissionsAndAnOldOneKeepsItsOwn() throws IOException {
        Path fresh = dir.resolve("NEW.md");
        AtomicWriter.write(fresh, "x\n".getBytes(StandardCharsets.UTF_8), "NEW.md");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
        AtomicWriter.write(fresh, "y\n".getBytes(StandardCharsets.UTF_8), "NEW.md");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
