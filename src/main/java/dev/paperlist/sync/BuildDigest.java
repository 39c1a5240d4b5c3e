package dev.paperlist.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of the running build of paperlist by its content, for the stamp: another build must never
 * be trusted with a stamp this one wrote.
 *
 * <p>A jar carries {@value #RESOURCE}, a SHA-256 digest of every compiled class and resource and of
 * pom.xml (which pins each dependency's version), made by the build (Ant's {@code checksum} task, in
 * pom.xml) before the jar is packed. Reading it costs nothing, where hashing the 4 MB jar on each run
 * would cost some 70 ms of a 130 ms check; and it is as sound as the build: the classes that run are the
 * ones it was computed from (a jar changed by hand afterwards is not a build, and its code could as well
 * print "up to date"). The jar's path, size and modification time are not used at all: two builds can
 * share them. Classes run straight from a folder (tests, an IDE) are hashed at start instead, since such a
 * folder is recompiled without the packaging step. Without either, the digest is unknown and the stamp
 * is never used.
 */
final class BuildDigest {
    static final String RESOURCE = "/dev/paperlist/build.sha256";

    private BuildDigest() {}

    /** The digest, or {@code null} when the build's content is unknown. */
    static String current() {
        return Holder.DIGEST;
    }

    // Computed once per process, on first use: the code does not change while it runs.
    private static final class Holder {
        static final String DIGEST = compute();
    }

    private static String compute() {
        try {
            Path code = Path.of(BuildDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                return "classes " + folderDigest(code);
            }
            try (InputStream in = BuildDigest.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return null;
                }
                String digest = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                return isSha256(digest) ? "jar " + digest : null;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    // By hand: a regular expression would load its classes on every run.
    private static boolean isSha256(String digest) {
        if (digest.length() != 64) {
            return false;
        }
        for (int i = 0; i < digest.length(); i++) {
            if (Character.digit(digest.charAt(i), 16) < 0 || Character.isUpperCase(digest.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // Every regular file's path and bytes, in path order.
    static String folderDigest(Path folder) throws IOException {
        MessageDigest sha = SyncStamp.sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            if (name.equals(RESOURCE.substring(1))) {
                continue;
            }
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] bytes = Files.readAllBytes(file);
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(bytes);
        }
        return SyncStamp.hex(sha.digest());
    }
}
