package dev.paperlist.sync;

import dev.paperlist.io.TextFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A memo of the last full render of a catalogue, kept in the user's cache folder, that lets
 * {@code check} and {@code render} prove their outputs current without parsing or rendering anything.
 *
 * <p>Rendering is a pure function of the catalogue's bytes, the outputs' bytes outside their generated
 * blocks, the command-line options, the working folder and paperlist's own code, and it is idempotent:
 * a file holding exactly what a render produced renders to itself. So after each full plan the stamp
 * records a digest of the catalogue's bytes, a fingerprint of the code (version, jar, size and
 * modification time), the options, and for each output its path, size and digest of the bytes the render
 * gives. A later run whose catalogue and code match, and whose every output still has those exact bytes,
 * is current; any other difference (an edit of papers.yaml or its settings, another paperlist build, a
 * hand edit anywhere in an output, a missing or unreadable stamp) falls back to the full render and
 * compare. The stamp is a cache: writing it is best effort and never fails a command.
 *
 * <p>The folder is {@code $PAPERLIST_CACHE_DIR}, else {@code $XDG_CACHE_HOME/paperlist}, else
 * {@code $HOME/.cache/paperlist}; an empty {@code PAPERLIST_CACHE_DIR} turns stamps off.
 */
public final class SyncStamp {
    private static final String HEADER = "paperlist sync stamp 2";
    private static final SyncStamp OFF = new SyncStamp(null, null, null);

    private final Path file;
    private final String key;
    private final String catalog;
    private String codeFingerprint;

    private SyncStamp(Path file, String key, String catalog) {
        this.file = file;
        this.key = key;
        this.catalog = catalog;
    }

    /**
     * The stamp for one way of running: this catalogue (its absolute path and its bytes as read), the
     * {@code --readme} option or {@code null}, and the working folder the outputs' names are relative to.
     */
    public static SyncStamp of(Map<String, String> environment, Path catalog, String readmeOption,
                               Path workingDirectory, byte[] catalogBytes) {
        Path folder = cacheFolder(environment);
        if (folder == null) {
            return OFF;
        }
        String key = escape(catalog.toAbsolutePath().normalize().toString()) + "\t"
                + (readmeOption == null ? "-" : "+" + escape(readmeOption)) + "\t"
                + escape(workingDirectory.toAbsolutePath().normalize().toString());
        // The digest now, so that the caller can let go of the bytes (200 MB at 100,000 papers).
        return new SyncStamp(folder.resolve(digest(key.getBytes(StandardCharsets.UTF_8)) + ".stamp"),
                key, catalogBytes.length + " " + digest(catalogBytes));
    }

    static Path cacheFolder(Map<String, String> environment) {
        String own = environment.get("PAPERLIST_CACHE_DIR");
        if (own != null) {
            return own.isEmpty() ? null : Path.of(own);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "paperlist");
        }
        String home = environment.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "paperlist");
    }

    /** The outputs, each known to be current, when the stamp proves them all so; empty otherwise. */
    public Optional<List<OutputPlan>> provenCurrent() {
        if (file == null) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (lines.size() < 5 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)
                || !lines.get(2).equals("code " + codeFingerprint())
                || !lines.get(3).equals("catalog " + catalog)) {
            return Optional.empty();
        }
        List<OutputPlan> plans = new ArrayList<>();
        try {
            for (String line : lines.subList(4, lines.size())) {
                String[] parts = line.split("\t", -1);
                if (parts.length != 5 || !parts[0].equals("output")) {
                    return Optional.empty();
                }
                Path path = Path.of(unescape(parts[3]));
                String displayName = unescape(parts[4]);
                byte[] bytes = matchingBytes(path, Long.parseLong(parts[1]), parts[2]);
                if (bytes == null) {
                    return Optional.empty();
                }
                TextFile current = TextFile.decodeKnownValid(bytes, displayName);
                plans.add(new OutputPlan(path, displayName, current, current.text()));
            }
        } catch (RuntimeException e) {
            // A damaged stamp proves nothing.
            return Optional.empty();
        }
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans);
    }

    /** Records what a full plan found; best effort, as a cache should be. */
    public void record(List<OutputPlan> plans) {
        if (file == null) {
            return;
        }
        try {
            StringBuilder text = new StringBuilder(HEADER).append('\n')
                    .append("key ").append(key).append('\n')
                    .append("code ").append(codeFingerprint()).append('\n')
                    .append("catalog ").append(catalog).append('\n');
            for (OutputPlan plan : plans) {
                String[] sizeAndDigest;
                if (plan.bytesAtHand()) {
                    sizeAndDigest = new String[] {Integer.toString(plan.renderedBytes().length), digest(plan.renderedBytes())};
                } else {
                    sizeAndDigest = encodedSizeAndDigest(plan.renderedText(), plan.bom());
                    plan.sizeCounted(Long.parseLong(sizeAndDigest[0]));
                }
                text.append("output\t").append(sizeAndDigest[0]).append('\t').append(sizeAndDigest[1]).append('\t')
                        .append(escape(plan.path().toAbsolutePath().normalize().toString())).append('\t')
                        .append(escape(plan.displayName())).append('\n');
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".stamp-", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // A stamp that cannot be written only means the next run does the full work.
        }
    }

    // The file's bytes when it is a regular file of this size and digest; null otherwise.
    private static byte[] matchingBytes(Path path, long size, String digest) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || attributes.size() != size) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(path);
            return bytes.length == size && digest(bytes).equals(digest) ? bytes : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String codeFingerprint() {
        if (codeFingerprint == null) {
            codeFingerprint = escape(fingerprintOfCode());
        }
        return codeFingerprint;
    }

    // The version alone does not change between development builds, so the build's own file counts too.
    static String fingerprintOfCode() {
        Properties version = new Properties();
        try (InputStream in = SyncStamp.class.getResourceAsStream("/dev/paperlist/version.properties")) {
            if (in != null) {
                version.load(in);
            }
        } catch (IOException e) {
            // An unknown version still gets the build's file below.
        }
        StringBuilder out = new StringBuilder(version.getProperty("version", "unknown"));
        try {
            Path code = Path.of(SyncStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            out.append(' ').append(code);
            if (Files.isDirectory(code)) {
                // Classes straight from a build folder: the newest class file stands for the build.
                try (Stream<Path> files = Files.walk(code)) {
                    long newest = files.filter(Files::isRegularFile).mapToLong(SyncStamp::modified).max().orElse(0);
                    out.append(" newest ").append(newest);
                }
            } else {
                BasicFileAttributes jar = Files.readAttributes(code, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                out.append(' ').append(jar.size()).append(' ').append(jar.lastModifiedTime().toMillis());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Without a known build, no stamp can match: a random part makes every check do the full work.
            out.append(" unknown ").append(System.nanoTime());
        }
        return out.toString();
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    // The size and digest of the text as TextFile.encode writes it, in slices, without a copy of the whole.
    static String[] encodedSizeAndDigest(String text, boolean bom) {
        Checksum castagnoli = new CRC32C();
        Checksum ieee = new CRC32();
        long[] size = {0};
        TextFile.encodeSlices(text, bom, bytes -> {
            castagnoli.update(bytes, 0, bytes.length);
            ieee.update(bytes, 0, bytes.length);
            size[0] += bytes.length;
        });
        return new String[] {Long.toString(size[0]), hex(castagnoli, ieee)};
    }

    /**
     * CRC-32C and CRC-32 of the bytes, 64 bits in all. Both are intrinsics of the JVM, some 30 times
     * faster than SHA-256 on the C1 compiler the launcher uses, with no security-provider start-up. Two
     * different polynomials miss an accidental change with a chance near 2^-64, and any change of up
     * to 32 bits in a row never; a stamp is a cache in the user's own folder, not a defence against
     * someone who could as well edit it.
     */
    static String digest(byte[] bytes) {
        Checksum castagnoli = new CRC32C();
        Checksum ieee = new CRC32();
        castagnoli.update(bytes, 0, bytes.length);
        ieee.update(bytes, 0, bytes.length);
        return hex(castagnoli, ieee);
    }

    // Sixteen hex digits, as "%08x%08x" gives; by hand, as String.format's Formatter and patterns were a
    // tenth of a small check's start-up.
    private static String hex(Checksum castagnoli, Checksum ieee) {
        String digits = Long.toHexString(castagnoli.getValue() << 32 | ieee.getValue());
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
