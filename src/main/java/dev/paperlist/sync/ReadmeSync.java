package dev.paperlist.sync;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.render.ReadmeRenderer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Compares and updates a README against a catalogue: the file-system edge of the pure renderer. */
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
     * markers in place of its list) is rendered, and compared with the file as it is.
     */
    public static OutputPlan plan(Catalog catalog, Path readme, String readmeName, String catalogName,
                                  String startingText) {
        TextFile current = TextFile.read(readme, readmeName, MAX_README_BYTES);
        return new OutputPlan(readme, readmeName, current,
                ReadmeRenderer.render(catalog, startingText, readmeName, catalogName));
    }

    /** Writes the plan when the file's bytes would change; returns whether it wrote. */
    public static boolean apply(OutputPlan plan) {
        if (plan.upToDate()) {
            return false;
        }
        AtomicWriter.write(plan.path(), plan.renderedBytes(), plan.displayName());
        return true;
    }

    /** A unified diff from the file as it is to the file as it should be, with 3 lines of context. */
    public static String diff(OutputPlan plan) {
        List<String> before = plan.current() == null ? List.of() : lines(plan.current().text());
        List<String> after = lines(plan.renderedText());
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
