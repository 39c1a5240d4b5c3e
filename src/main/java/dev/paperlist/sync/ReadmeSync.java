package dev.paperlist.sync;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.paperlist.io.FileTransaction;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Settings;
import dev.paperlist.render.GeneratedPages;
import dev.paperlist.render.ReadmeRenderer;
import dev.paperlist.render.TagPages;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares and updates a README, its section pages and the tag pages against a catalogue: the
 * file-system edge of the pure renderers.
 */
public final class ReadmeSync {
    /**
     * 1 GiB: twice the catalogue's limit, since a README rendered from the largest catalogue is about as
     * large as the catalogue. GitHub shows far smaller READMEs; this bound only keeps memory in check.
     */
    public static final long MAX_README_BYTES = 1024L * 1024 * 1024;

    private ReadmeSync() {}

    public static OutputPlan plan(Catalog catalog, Path readme, String readmeName, String catalogName) {
        TextFile current = Files.exists(readme, LinkOption.NOFOLLOW_LINKS)
                ? TextFile.read(readme, readmeName, MAX_README_BYTES)
                : null;
        String rendered = ReadmeRenderer.render(catalog, current == null ? null : current.text(), readmeName,
                catalogName);
        return new OutputPlan(readme, readmeName, current, rendered);
    }

    /**
     * The plan for a README whose list is about to be replaced: {@code startingText} (the README with
     * markers in place of its list) is rendered, and compared with {@code current}, the file as the
     * caller already read it.
     */
    public static OutputPlan plan(Catalog catalog, Path readme, TextFile current, String catalogName,
                                  String startingText) {
        return new OutputPlan(readme, current.displayName(), current,
                ReadmeRenderer.render(catalog, startingText, current.displayName(), catalogName));
    }

    /**
     * The README and, when the settings split an over-budget README, its section pages, with orphan
     * plans for section pages no longer needed.
     */
    public static List<OutputPlan> planWithPages(Catalog catalog, Path readme, String readmeName, String catalogName) {
        TextFile current = Files.exists(readme, LinkOption.NOFOLLOW_LINKS)
                ? TextFile.read(readme, readmeName, MAX_README_BYTES)
                : null;
        ReadmeRenderer.Rendered rendered = ReadmeRenderer.renderSplit(catalog, current == null ? null : current.text(),
                readmeName, catalogName);
        List<OutputPlan> plans = new ArrayList<>();
        plans.add(new OutputPlan(readme, readmeName, current, rendered.readme()));
        Settings.Split split = catalog.settings().split();
        if (split != null) {
            Map<String, String> pages = new LinkedHashMap<>();
            String prefix = split.folder() + "/";
            rendered.pages().forEach((path, text) -> pages.put(path.substring(prefix.length()), text));
            plans.addAll(GeneratedFolder.plan(readme.getParent().resolve(split.folder()),
                    sibling(readmeName, split.folder()), pages));
        }
        return plans;
    }

    /**
     * The tag pages the settings ask for, with orphan plans for pages of topics no paper has any more;
     * none when tag pages are off.
     *
     * @param catalogFolder the folder the tag folder is relative to
     * @param displayFolder how messages name the tag folder, such as {@code tags}
     * @param mainReadme the list the pages link back to, or {@code null}
     */
    public static List<OutputPlan> planTagPages(Catalog catalog, Path catalogFolder, String displayFolder,
                                                String catalogName, Path mainReadme) {
        Settings.TagPages tagPages = catalog.settings().tagPages();
        if (tagPages == null) {
            return List.of();
        }
        Path folder = catalogFolder.resolve(tagPages.folder()).normalize();
        String back = mainReadme == null ? null
                : folder.relativize(mainReadme.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return GeneratedFolder.plan(folder, displayFolder, TagPages.render(catalog, catalogName, back));
    }

    /**
     * Writes every plan whose bytes change and removes every orphan, as one {@link FileTransaction}: if
     * anything fails before the first rename, no file changes. Generated pages are renamed first, then the
     * READMEs, then orphans are removed, so that at no moment does a README link to a page not there yet
     * or already gone. Returns the plans it wrote or removed.
     */
    public static Set<OutputPlan> applyAll(List<OutputPlan> plans) {
        return applyAll(plans, new FileTransaction());
    }

    /** {@link #applyAll(List)} through the given transaction (tests pass one whose file system fails). */
    public static Set<OutputPlan> applyAll(List<OutputPlan> plans, FileTransaction transaction) {
        Set<OutputPlan> changed = new LinkedHashSet<>();
        List<OutputPlan> pagesFirst = new ArrayList<>();
        List<OutputPlan> readmes = new ArrayList<>();
        List<OutputPlan> orphans = new ArrayList<>();
        for (OutputPlan plan : plans) {
            if (plan.upToDate()) {
                continue;
            }
            (plan.orphan() ? orphans : GeneratedPages.isGenerated(plan.renderedText()) ? pagesFirst : readmes).add(plan);
        }
        pagesFirst.addAll(readmes);
        for (OutputPlan plan : pagesFirst) {
            transaction.write(plan.path(), plan.renderedBytes(), plan.displayName());
            changed.add(plan);
        }
        for (OutputPlan plan : orphans) {
            if (Files.exists(plan.path(), LinkOption.NOFOLLOW_LINKS)) {
                transaction.remove(plan.path(), plan.displayName());
                changed.add(plan);
            }
        }
        transaction.commit();
        return changed;
    }

    // A path next to a file, as messages name it: "docs/README.md" and "sections" give "docs/sections".
    private static String sibling(String fileName, String relative) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return slash < 0 ? relative : fileName.substring(0, slash + 1) + relative;
    }

    /** A unified diff from the file as it is to the file as it should be, with 3 lines of context. */
    public static String diff(OutputPlan plan) {
        List<String> before = plan.current() == null ? List.of() : lines(plan.current().text());
        List<String> after = plan.orphan() ? List.of() : lines(plan.renderedText());
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                plan.displayName(), plan.displayName() + " (rendered)", before, patch, 3);
        return String.join("\n", unified) + "\n";
    }

    /**
     * The 1-based line of the current file at which each differing stretch begins, in file order: where
     * a CI annotation should point. A missing file gives line 1; an insertion at the end gives the last line.
     */
    public static List<Integer> firstDifferingLines(OutputPlan plan) {
        if (plan.current() == null) {
            return List.of(1);
        }
        List<String> before = lines(plan.current().text());
        Patch<String> patch = DiffUtils.diff(before, lines(plan.renderedText()));
        List<Integer> out = new java.util.ArrayList<>();
        for (var delta : patch.getDeltas()) {
            int line = Math.min(delta.getSource().getPosition() + 1, before.size());
            out.add(Math.max(line, 1));
        }
        return out;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    }
}
