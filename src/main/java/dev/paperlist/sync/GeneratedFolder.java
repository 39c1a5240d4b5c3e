package dev.paperlist.sync;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.TextFile;
import dev.paperlist.render.GeneratedPages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A folder of whole pages paperlist writes (tag pages, section pages): one plan per page it should
 * hold, and an orphan plan for every page it wrote earlier that nothing produces any more. A page is
 * paperlist's when its first line is the generated-page header; other files in the folder are never
 * changed, and one in the way of a page is an error rather than something to overwrite.
 */
public final class GeneratedFolder {
    private GeneratedFolder() {}

    /**
     * @param folder the folder on disk
     * @param displayFolder how messages name the folder, such as {@code tags}
     * @param pages each page's text by its file name inside the folder
     */
    public static List<OutputPlan> plan(Path folder, String displayFolder, Map<String, String> pages) {
        List<OutputPlan> plans = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path path = folder.resolve(page.getKey());
            String name = displayFolder + "/" + page.getKey();
            TextFile current = read(path, name);
            if (current != null && !GeneratedPages.isGenerated(current.text())) {
                throw new PaperlistException(ExitCode.IO, name + ": exists and was not written by paperlist; move it"
                        + " away or choose another folder, and nothing was written");
            }
            plans.add(new OutputPlan(path, name, current,
                    GeneratedPages.withLineEndingsOf(page.getValue(), current == null ? null : current.text())));
        }
        for (Map.Entry<String, Path> existing : markdownFiles(folder, displayFolder).entrySet()) {
            if (pages.containsKey(existing.getKey())) {
                continue;
            }
            String name = displayFolder + "/" + existing.getKey();
            TextFile current = read(existing.getValue(), name);
            if (current != null && GeneratedPages.isGenerated(current.text())) {
                plans.add(OutputPlan.orphan(existing.getValue(), name, current));
            }
        }
        return plans;
    }

    private static TextFile read(Path path, String name) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return TextFile.read(path, name, ReadmeSync.MAX_README_BYTES);
    }

    // The folder's regular .md files by name, sorted so that reports come in a stable order.
    private static Map<String, Path> markdownFiles(Path folder, String displayFolder) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.md")) {
            for (Path p : stream) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(p.getFileName().toString(), p);
                }
            }
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayFolder + ": cannot list: " + IoMessages.describe(e), e);
        }
        return files;
    }
}
