package dev.paperlist.sync;

import dev.paperlist.io.TextFile;
import dev.paperlist.render.GeneratedPages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A memo of the last full plan of a catalogue, kept in the user's cache folder, that lets {@code check}
 * and {@code render} prove their outputs current without parsing or rendering anything. Its rule: the
 * stamped answer equals the full answer, always.
 *
 * <p>A full check is a pure function of what it reads: the catalogue's bytes (and the metrics data
 * file's, when its settings show figures), the options and the working folder, paperlist's own code,
 * every output's bytes, and the folders it writes pages to (the names and kinds of all their entries,
 * and the bytes of the Markdown files in them that are not its pages, which it reads to tell its own
 * orphans from other people's files). The stamp holds a SHA-256 digest of each of those, taken from
 * what the full plan read or wrote; it proves the outputs current only when every one of them is again
 * exactly so. The code is {@link BuildDigest}'s digest of the
 * build's content. A symbolic link on the way to any output or page folder (below the catalogue's or
 * the working folder) makes the stamp decline, as do a missing build digest, an unreadable or damaged
 * stamp, and anything else unexpected: declining only costs the full check.
 *
 * <p>The folder is {@code $PAPERLIST_CACHE_DIR}, else {@code $XDG_CACHE_HOME/paperlist}, else
 * {@code $HOME/.cache/paperlist}; an empty {@code PAPERLIST_CACHE_DIR} turns stamps off.
 */
public final class SyncStamp {
    private static final String HEADER = "paperlist sync stamp 5";
    private static final SyncStamp OFF = new SyncStamp(null, null, null, null, () -> null, List.of());
    /**
     * Files up to this size are kept in the stamp whole and compared byte for byte; larger ones by their
     * SHA-256 digest. Both are exact for all practical purposes, but the launcher's JVM hashes slowly:
     * the JDK's provider machinery starts first, and its C1 compiler has no SHA-256 intrinsic (some
     * 85 MB/s). Hashing this repository's 115 KB cost some 30 ms of CPU of a 90 ms check, and a
     * 10,000-paper list's 41 MB half a second; comparing costs next to nothing. Past the total limit
     * (a list of some 15,000 papers) the copies would weigh on the heap and the cache, and digests take over.
     */
    static final int COPY_LIMIT = 32 << 20;
    private static final int COPIES_LIMIT = 64 << 20;

    private final Path file;
    private final String key;
    private final byte[] catalogBytes;
    private final String catalogDigest;
    private final Supplier<byte[]> metricsBytes;
    // The folders a path's links are checked below: the catalogue's and the working folder.
    private final List<Path> bases;

    private SyncStamp(Path file, String key, byte[] catalogBytes, String catalogDigest, Supplier<byte[]> metricsBytes,
                      List<Path> bases) {
        this.file = file;
        this.key = key;
        this.catalogBytes = catalogBytes;
        this.catalogDigest = catalogDigest;
        this.metricsBytes = metricsBytes;
        this.bases = bases;
    }

    /**
     * The stamp for one way of running: this catalogue (its absolute path and its bytes as read), the
     * {@code --readme} option or {@code null}, and the working folder the outputs' names are relative to.
     * {@code metricsBytes} gives the metrics data file's bytes, or {@code null} when there is none; it is
     * asked only when the catalogue's settings show figures, which the stamp records.
     */
    public static SyncStamp of(Map<String, String> environment, Path catalog, String readmeOption,
                               Path workingDirectory, byte[] catalogBytes, Supplier<byte[]> metricsBytes) {
        Path folder = cacheFolder(environment);
        if (folder == null) {
            return OFF;
        }
        Path catalogPath = catalog.toAbsolutePath().normalize();
        Path working = workingDirectory.toAbsolutePath().normalize();
        String key = escape(catalogPath.toString()) + "\t"
                + (readmeOption == null ? "-" : "+" + escape(readmeOption)) + "\t" + escape(working.toString());
        List<Path> bases = catalogPath.getParent() == null ? List.of(working) : List.of(catalogPath.getParent(), working);
        // The name only finds the file; the key inside it is compared in full.
        java.util.zip.CRC32C name = new java.util.zip.CRC32C();
        name.update(key.getBytes(StandardCharsets.UTF_8));
        Path stamp = folder.resolve(Long.toHexString(name.getValue()) + Integer.toHexString(key.hashCode()) + ".stamp");
        // A large catalogue's digest now, so that the caller can let go of the bytes (200 MB at 100,000 papers).
        return catalogBytes.length <= COPY_LIMIT ? new SyncStamp(stamp, key, catalogBytes, null, metricsBytes, bases)
                : new SyncStamp(stamp, key, null, digest(catalogBytes), metricsBytes, bases);
    }

    /**
     * What the stamp compares a file with: its bytes (kept in the stamp after the header, at an offset) or,
     * for a large file, its SHA-256 digest.
     */
    private static final class Copies {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private byte[] read;
        private int base;

        // Recording: "@offset:length" for bytes kept whole, 64 hex digits otherwise.
        String of(byte[] bytes) {
            if (bytes.length > COPY_LIMIT || kept.size() + bytes.length > COPIES_LIMIT) {
                return digest(bytes);
            }
            String at = "@" + kept.size() + ":" + bytes.length;
            kept.write(bytes, 0, bytes.length);
            return at;
        }

        // Proving: whether the bytes are the ones the stamp kept or digested.
        boolean matches(String fingerprint, byte[] bytes) {
            if (fingerprint.startsWith("@")) {
                int colon = fingerprint.indexOf(':');
                int at = Integer.parseInt(fingerprint.substring(1, colon));
                int length = Integer.parseInt(fingerprint.substring(colon + 1));
                return length == bytes.length && at >= 0 && at <= read.length - base - length
                        && java.util.Arrays.equals(bytes, 0, length, read, base + at, base + at + length);
            }
            return fingerprint.length() == 64 && fingerprint.equals(digest(bytes));
        }
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
        if (file == null || BuildDigest.current() == null) {
            return Optional.empty();
        }
        List<String> lines;
        Copies copies = new Copies();
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            byte[] stamp = Files.readAllBytes(file);
            int end = indexOf(stamp, "\nend\n".getBytes(StandardCharsets.US_ASCII));
            if (end < 0) {
                return Optional.empty();
            }
            lines = List.of(new String(stamp, 0, end, StandardCharsets.UTF_8).split("\n", -1));
            copies.read = stamp;
            copies.base = end + 5;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (lines.size() < 6 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)
                || !lines.get(2).equals("code " + BuildDigest.current()) || !lines.get(3).startsWith("catalog ")
                || !lines.get(4).startsWith("metrics ")) {
            return Optional.empty();
        }
        List<OutputPlan> plans = new ArrayList<>();
        try {
            String catalog = lines.get(3).substring("catalog ".length());
            if (catalogBytes != null ? !copies.matches(catalog, catalogBytes) : !catalog.equals(catalogDigest)) {
                return Optional.empty();
            }
            if (!metricsMatch(lines.get(4).substring("metrics ".length()), copies)) {
                return Optional.empty();
            }
            for (String line : lines.subList(5, lines.size())) {
                String[] parts = line.split("\t", -1);
                if (parts[0].equals("output") && parts.length == 5) {
                    Path path = Path.of(unescape(parts[3]));
                    byte[] bytes = matchingBytes(path, Long.parseLong(parts[1]), parts[2], copies);
                    if (bytes == null) {
                        return Optional.empty();
                    }
                    String displayName = unescape(parts[4]);
                    TextFile current = TextFile.decodeKnownValid(bytes, displayName);
                    plans.add(new OutputPlan(path, displayName, current, current.text()));
                } else if (parts[0].equals("other") && parts.length == 4) {
                    if (matchingBytes(Path.of(unescape(parts[3])), Long.parseLong(parts[1]), parts[2], copies) == null) {
                        return Optional.empty();
                    }
                } else if (parts[0].equals("folder") && parts.length == 3) {
                    Path folder = Path.of(unescape(parts[2]));
                    if (!copies.matches(parts[1], listing(folder))) {
                        return Optional.empty();
                    }
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged stamp, or a file that changed under us, proves nothing.
            return Optional.empty();
        }
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans);
    }

    /**
     * Records that the outputs hold the plans' rendered bytes and that nothing else in {@code pageFolders}
     * is a page paperlist would call orphaned: after a full plan without orphans, or after a render wrote
     * its plans (whose orphans it removed; they are skipped here). Best effort, as a cache should be; when
     * a folder holds a generated page that is not among the plans, nothing is recorded.
     */
    public void record(List<OutputPlan> plans, List<Path> pageFolders, boolean metricsUsed) {
        if (file == null || BuildDigest.current() == null) {
            return;
        }
        try {
            Copies copies = new Copies();
            StringBuilder text = new StringBuilder(HEADER).append('\n')
                    .append("key ").append(key).append('\n')
                    .append("code ").append(BuildDigest.current()).append('\n')
                    .append("catalog ").append(catalogBytes != null ? copies.of(catalogBytes) : catalogDigest).append('\n')
                    .append("metrics ").append(metricsFingerprint(metricsUsed, copies)).append('\n');
            Set<Path> outputs = new HashSet<>();
            for (OutputPlan plan : plans) {
                if (plan.orphan()) {
                    continue;
                }
                Path path = plan.path().toAbsolutePath().normalize();
                if (!outputs.add(path) || linkOnTheWay(path)) {
                    return;
                }
                String[] sizeAndDigest;
                if (plan.bytesAtHand()) {
                    sizeAndDigest = new String[] {Integer.toString(plan.renderedBytes().length), copies.of(plan.renderedBytes())};
                } else {
                    sizeAndDigest = encodedSizeAndDigest(plan.renderedText(), plan.bom());
                    plan.sizeCounted(Long.parseLong(sizeAndDigest[0]));
                }
                text.append("output\t").append(sizeAndDigest[0]).append('\t').append(sizeAndDigest[1]).append('\t')
                        .append(escape(path.toString())).append('\t')
                        .append(escape(plan.displayName())).append('\n');
            }
            if (outputs.isEmpty()) {
                return;
            }
            for (Path pageFolder : pageFolders) {
                Path folder = pageFolder.toAbsolutePath().normalize();
                if (linkOnTheWay(folder)) {
                    return;
                }
                byte[] listing = listing(folder);
                for (Path other : otherMarkdownFiles(folder, outputs)) {
                    // check reads these to tell its own orphans from other files: a page of its own here is an orphan.
                    byte[] bytes = Files.readAllBytes(other);
                    if (GeneratedPages.isGenerated(TextFile.decode(bytes, other.toString()).text())) {
                        return;
                    }
                    text.append("other\t").append(bytes.length).append('\t').append(copies.of(bytes)).append('\t')
                            .append(escape(other.toString())).append('\n');
                }
                if (!java.util.Arrays.equals(listing, listing(folder))) {
                    return; // changing as we look
                }
                text.append("folder\t").append(copies.of(listing)).append('\t').append(escape(folder.toString())).append('\n');
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".stamp-", ".tmp");
            try {
                text.append("end\n");
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                all.write(text.toString().getBytes(StandardCharsets.UTF_8));
                copies.kept.writeTo(all);
                Files.write(temp, all.toByteArray());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // A stamp that cannot be written only means the next run does the full work.
        }
    }

    // "unused" when the settings show no figures (the same catalogue bytes show none again), "absent"
    // when there is no data file, else the file's bytes as Copies records them.
    private String metricsFingerprint(boolean used, Copies copies) {
        if (!used) {
            return "unused";
        }
        byte[] bytes = metricsBytes.get();
        return bytes == null ? "absent" : copies.of(bytes);
    }

    private boolean metricsMatch(String fingerprint, Copies copies) {
        if (fingerprint.equals("unused")) {
            return true;
        }
        byte[] bytes = metricsBytes.get();
        return fingerprint.equals("absent") ? bytes == null : bytes != null && copies.matches(fingerprint, bytes);
    }

    // The folder's regular *.md files that are not outputs: the files a full check reads to find orphans.
    private static List<Path> otherMarkdownFiles(Path folder, Set<Path> outputs) throws IOException {
        List<Path> others = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return others;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.md")) {
            for (Path entry : entries) {
                Path path = entry.toAbsolutePath().normalize();
                if (!outputs.contains(path) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    others.add(path);
                }
            }
        }
        others.sort(null);
        return others;
    }

    /**
     * Every entry of the folder, by name and kind (file, folder, link, other), or its absence; a folder
     * reached through a link, or anything else at its path, gives a word for that.
     */
    byte[] listing(Path folder) throws IOException {
        if (linkOnTheWay(folder)) {
            return "link".getBytes(StandardCharsets.US_ASCII);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "absent".getBytes(StandardCharsets.US_ASCII);
        }
        if (!attributes.isDirectory()) {
            return "not a folder".getBytes(StandardCharsets.US_ASCII);
        }
        Map<String, Character> entries = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                BasicFileAttributes kind = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.put(entry.getFileName().toString(), kind.isRegularFile() ? 'f' : kind.isDirectory() ? 'd'
                        : kind.isSymbolicLink() ? 'l' : 'o');
            }
        }
        StringBuilder listing = new StringBuilder();
        entries.forEach((name, kind) -> listing.append(kind).append(' ').append(name).append('\0'));
        return ("folder\0" + listing).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the path, or a folder on the way to it below the catalogue's or the working folder (or
     * below the root, for a path outside both), is a symbolic link; unreadable counts as a link.
     */
    private boolean linkOnTheWay(Path path) {
        Path base = null;
        for (Path candidate : bases) {
            if (path.startsWith(candidate) && (base == null || candidate.getNameCount() > base.getNameCount())) {
                base = candidate;
            }
        }
        Path root = base != null ? base : path.getRoot();
        for (Path p = path; p != null && !p.equals(root); p = p.getParent()) {
            try {
                if (Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) {
                    return true;
                }
            } catch (NoSuchFileException e) {
                // Not there: nothing on the way can lead elsewhere yet.
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    // The file's bytes when it is a regular file (not a link) of this size and these bytes; null otherwise.
    private byte[] matchingBytes(Path path, long size, String fingerprint, Copies copies) {
        try {
            if (linkOnTheWay(path)) {
                return null;
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() != size) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(path);
            return bytes.length == size && copies.matches(fingerprint, bytes) ? bytes : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // The size and digest of the text as TextFile.encode writes it, in slices, without a copy of the whole.
    static String[] encodedSizeAndDigest(String text, boolean bom) {
        MessageDigest sha = sha256();
        long[] size = {0};
        TextFile.encodeSlices(text, bom, bytes -> {
            sha.update(bytes, 0, bytes.length);
            size[0] += bytes.length;
        });
        return new String[] {Long.toString(size[0]), hex(sha.digest())};
    }

    /**
     * SHA-256 of the bytes, in hex. A checksum such as CRC-32 would be faster, but it is linear: an edit
     * that keeps it can be computed in milliseconds, and then a stale file would pass for current.
     */
    static String digest(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // By hand, as String.format's Formatter and HexFormat were a noticeable part of a small check's start-up.
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit(bytes[i] >> 4 & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
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
