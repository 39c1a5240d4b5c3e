package dev.paperlist.site;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.IoMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a rendered site into its folder: each page atomically and only when its bytes change, and
 * removes topic pages paperlist wrote earlier for topics that are gone. A page is paperlist's when it
 * carries the {@code generator} meta tag; any other file in the way stops the run before anything is
 * written.
 */
public final class SiteFolder {
    static final String GENERATOR = "<meta name=\"generator\" content=\"paperlist\">";

    /** What a write did: pages written, pages already up to date, stale pages removed. */
    public record Result(int written, int unchanged, int removed) {}

    private SiteFolder() {}

    public static Result write(Path folder, String displayName, Map<String, String> pages) {
        List<Path> orphans = new ArrayList<>();
        for (String relative : pages.keySet()) {
            Path path = folder.resolve(relative);
            refuseLinks(folder, path, displayName, relative);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new PaperlistException(ExitCode.IO, displayName + "/" + relative + ": not a regular file;"
                        + " nothing was written");
            }
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !ours(path, displayName + "/" + relative)) {
                throw new PaperlistException(ExitCode.IO, displayName + "/" + relative + ": exists and was not written"
                        + " by paperlist; choose another --output folder, and nothing was written");
            }
        }
        Path tags = folder.resolve("tags");
        if (Files.isDirectory(tags, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(tags, "*.html")) {
                for (Path p : stream) {
                    if (!pages.containsKey("tags/" + p.getFileName()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && ours(p, displayName + "/tags/" + p.getFileName())) {
                        orphans.add(p);
                    }
                }
            } catch (IOException e) {
                throw new PaperlistException(ExitCode.IO, displayName + "/tags: cannot list: " + IoMessages.describe(e), e);
            }
        }
        int written = 0;
        int unchanged = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path path = folder.resolve(page.getKey());
            byte[] bytes = page.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(read(path, page.getKey()), bytes)) {
                unchanged++;
                continue;
            }
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new PaperlistException(ExitCode.IO, displayName + "/" + page.getKey() + ": cannot create its folder: "
                        + IoMessages.describe(e), e);
            }
            AtomicWriter.write(path, bytes, displayName + "/" + page.getKey());
            written++;
        }
        orphans.sort(null);
        for (Path orphan : orphans) {
            try {
                Files.deleteIfExists(orphan);
            } catch (IOException e) {
                throw new PaperlistException(ExitCode.IO, displayName + "/tags/" + orphan.getFileName()
                        + ": cannot remove: " + IoMessages.describe(e), e);
            }
        }
        return new Result(written, unchanged, orphans.size());
    }

    /**
     * The rule of the README outputs: no symbolic link on the way from the output folder (itself included)
     * to a page, since a link committed to a repository could lead the site's writes anywhere.
     */
    private static void refuseLinks(Path folder, Path page, String displayName, String relative) {
        Path inside = folder.relativize(page);
        Path p = folder;
        String name = displayName;
        for (int i = -1; i < inside.getNameCount(); i++) {
            if (i >= 0) {
                p = p.resolve(inside.getName(i));
                name = name + "/" + inside.getName(i);
            }
            if (Files.isSymbolicLink(p)) {
                throw new PaperlistException(ExitCode.IO, name + ": is a symbolic link; paperlist writes the site only"
                        + " into real folders inside its output folder, and nothing was written");
            }
        }
    }

    private static boolean ours(Path path, String name) {
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return new String(read(path, name), StandardCharsets.UTF_8).contains(GENERATOR);
    }

    private static byte[] read(Path path, String name) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, name + ": cannot read: " + IoMessages.describe(e), e);
        }
    }
}
