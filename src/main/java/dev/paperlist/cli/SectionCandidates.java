package dev.paperlist.cli;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Marks an option whose value is a section path, such as {@code Multimodal/Large Multimodal Models}:
 * declare it with {@code @Option(names = "--section", completionCandidates = SectionCandidates.class)}.
 * The paths depend on the catalogue at the moment of completion, not when the script is generated, so
 * this iterates over nothing; {@link CompletionScripts} makes the shell ask {@code paperlist sections} instead
 * (honouring a {@code --catalog} given earlier on the command line).
 */
public final class SectionCandidates implements Iterable<String> {
    /** Between the titles of a section path. */
    public static final String SEPARATOR = "/";

    @Override
    public Iterator<String> iterator() {
        return Collections.emptyIterator();
    }

    /** Every section's path, in page order: {@code Top}, {@code Top/Sub}, …. */
    public static List<String> paths(Catalog catalog) {
        List<String> out = new ArrayList<>();
        collect(catalog.sections(), "", out);
        return out;
    }

    private static void collect(List<Section> sections, String prefix, List<String> out) {
        for (Section section : sections) {
            String path = prefix + section.title();
            out.add(path);
            collect(section.sections(), path + SEPARATOR, out);
        }
    }
}
