package dev.paperlist.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several files as one change, under faults injected through the file-system seam: a disk that fills up
 * on the second of three files changes none of them; a rename that fails after others succeeded is
 * reported with exactly the files changed and those not.
 */
class FileTransactionTest {
    @TempDir Path dir;

    @Test
    void aDiskThatFillsUpOnTheSecondFileChangesNoneAndLeavesNoTemporaryFile() throws IOException {
        write("a.md", "old a\n");
        write("b.md", "old b\n");
        int[] opened = {0};
        FileTransaction transaction = new FileTransaction(new FileTransaction.Operations() {
            @Override
            public FileChannel create(Path temp) throws IOException {
                FileChannel real = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return ++opened[0] == 2 ? new AtomicWriterTest.FullDisk(real, 3) : real;
            }
        });
        transaction.write(dir.resolve("a.md"), bytes("new a\n"), "a.md");

        assertThatThrownBy(() -> transaction.write(dir.resolve("sub/b.md"), bytes("new b\n"), "sub/b.md"))
                .isInstanceOfSatisfying(PaperlistException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.IO);
                    assertThat(e.getMessage()).isEqualTo("sub/b.md: cannot write: No space left on device; nothing was written");
                });
        assertThat(files()).containsExactly("a.md", "b.md");
        assertThat(read("a.md")).isEqualTo("old a\n");
        assertThat(read("b.md")).isEqualTo("old b\n");
    }

    @Test
    void aRenameThatFailsAfterOthersNamesExactlyWhatWasUpdated() throws IOException {
        write("gone.md", "orphan\n");
        FileTransaction transaction = new FileTransaction(new FileTransaction.Operations() {
            @Override
            public void rename(Path temp, Path target) throws IOException {
                if (target.getFileName().toString().equals("b.md")) {
                    throw new IOException("Input/output error");
                }
                FileTransaction.FILE_SYSTEM.rename(temp, target);
            }
        });
        transaction.write(dir.resolve("a.md"), bytes("new a\n"), "a.md");
        transaction.write(dir.resolve("b.md"), bytes("new b\n"), "b.md");
        transaction.write(dir.resolve("c.md"), bytes("new c\n"), "c.md");
        transaction.remove(dir.resolve("gone.md"), "gone.md");

        assertThatThrownBy(transaction::commit).isInstanceOfSatisfying(PaperlistException.class, e ->
                assertThat(e.getMessage()).isEqualTo("b.md: cannot write: Input/output error; updated: a.md; not updated: "
                        + "b.md, c.md, gone.md; run paperlist render again to finish"));
        assertThat(files()).containsExactly("a.md", "gone.md");
        assertThat(read("a.md")).isEqualTo("new a\n");
    }

    @Test
    void aTargetThatBecameReadOnlyBeforeTheCommitChangesNothing() throws IOException {
        write("a.md", "old a\n");
        write("b.md", "old b\n");
        FileTransaction transaction = new FileTransaction();
        transaction.write(dir.resolve("a.md"), bytes("new a\n"), "a.md");
        transaction.write(dir.resolve("b.md"), bytes("new b\n"), "b.md");
        Files.setPosixFilePermissions(dir.resolve("b.md"), java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(transaction::commit).hasMessage("b.md: is read-only; nothing was written");
        assertThat(files()).containsExactly("a.md", "b.md");
        assertThat(read("a.md")).isEqualTo("old a\n");
    }

    @Test
    void aFifoOrAFolderInTheWayIsNotARegularFile() throws Exception {
        Files.createDirectory(dir.resolve("folder.md"));
        assertThatThrownBy(() -> new FileTransaction().write(dir.resolve("folder.md"), bytes("x"), "folder.md"))
                .hasMessage("folder.md: not a regular file; nothing was written");
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("fifo.md").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThatThrownBy(() -> new FileTransaction().write(dir.resolve("fifo.md"), bytes("x"), "fifo.md"))
                .hasMessage("fifo.md: not a regular file; nothing was written");
    }

    @Test
    void aCommittedTransactionReplacesEveryFileAndRemovesTheOrphans() throws IOException {
        write("a.md", "old a\n");
        write("gone.md", "orphan\n");
        FileTransaction transaction = new FileTransaction();
        transaction.write(dir.resolve("a.md"), bytes("new a\n"), "a.md");
        transaction.write(dir.resolve("pages/b.md"), bytes("new b\n"), "pages/b.md");
        transaction.remove(dir.resolve("gone.md"), "gone.md");
        transaction.commit();
        assertThat(files()).containsExactly("a.md", "pages", "pages/b.md");
        assertThat(read("pages/b.md")).isEqualTo("new b\n");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
