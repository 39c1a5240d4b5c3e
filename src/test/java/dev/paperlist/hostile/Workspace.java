package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.cli.Environment;
import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A catalogue folder for the hostile cases: files written byte for byte, a snapshot of every file in it
 * (content digest, permissions, symbolic-link target), and runs of paperlist in it, in-process. The
 * central assertion is {@link #assertRefused}: the exact exit code, exactly one line on standard error,
 * nothing on standard output, and not one file changed, appeared or disappeared.
 */
final class Workspace {
    /** A small catalogue that renders; cases replace parts of it. */
    static final String CATALOG = """
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    code: OpenMOSS/AnyGPT
            """;

    final Path dir;

    Workspace(Path dir) {
        this.dir = dir;
    }

    /** A folder holding {@link #CATALOG} and the README it renders. */
    static Workspace rendered(Path dir) {
        Workspace w = new Workspace(dir).write("papers.yaml", CATALOG);
        w.write("README.md", "# A list\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\nAfter the list.\n");
        CliRun render = w.run("render");
        assertThat(render.exitCode()).as(render.toString()).isZero();
        return w;
    }

    Workspace write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Workspace write(String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CliRun run(String... args) {
        return CliRun.in(dir, args);
    }

    /** Runs paperlist in {@code env}, whose working folder should be this one's. */
    CliRun run(Environment env, String... args) {
        return CliRun.in(env, args);
    }

    /**
     * Runs paperlist and asserts that it refused: exit code {@code code}, {@code message} as the only line
     * of standard error, nothing on standard output, and every file of the folder exactly as before.
     */
    CliRun assertRefused(ExitCode code, String message, String... args) {
        return assertRefused(new Environment(dir, Map.of()), code, message, args);
    }

    /** {@link #assertRefused(ExitCode, String, String...)} in {@code env}: another network, lock wait or terminal. */
    CliRun assertRefused(Environment env, ExitCode code, String message, String... args) {
        Map<String, String> before = snapshot();
        CliRun run = run(env, args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(code.code());
        assertThat(run.err()).as(run.toString()).isEqualTo(message + "\n");
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(snapshot()).as("files after: " + run).isEqualTo(before);
        return run;
    }

    /**
     * Every file and folder under the workspace, by relative path: its kind, permissions and a digest of
     * its content (a link's target instead of content). Files over 64 MiB are identified by size and
     * modification time, so that huge sparse files need not be read. The catalogue's lock file
     * ({@code .papers.yaml.lock}, empty, left in place by design) is paperlist's bookkeeping, not a change.
     */
    Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = dir.relativize(p).toString();
                if (name.startsWith(".") && name.endsWith(".yaml.lock") && Files.size(p) == 0) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    files.put(name, "link -> " + Files.readSymbolicLink(p));
                    continue;
                }
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isDirectory(p)) {
                    files.put(name + "/", permissions);
                } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(name, permissions + " not a regular file"); // a FIFO: opening it would block
                } else {
                    long size = Files.size(p);
                    String content = size > (64L << 20) ? size + " bytes, modified " + Files.getLastModifiedTime(p)
                            : sha256(p);
                    files.put(name, permissions + " " + content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalogue with the first paper's {@code title} line replaced by {@code lines}. */
    static String withPaperLines(String lines) {
        return CATALOG.replace("        title: \"AnyGPT: Unified Multimodal LLM\"\n", lines);
    }
}
