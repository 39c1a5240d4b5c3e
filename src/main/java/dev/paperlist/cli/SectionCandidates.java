package dev.paperlist.cli;

import java.util.Collections;
import java.util.Iterator;

/**
 * Marks an option whose value is a section path, such as {@code Multimodal/Large Multimodal Models}:
 * declare it with {@code @Option(names = "--section", completionCandidates = SectionCandidates.class)}.
 * The paths depend on the catalogue at the moment of completion, not when the script is generated, so
 * this iterates over nothing; {@link CompletionScripts} makes the shell ask {@code paperlist sections} instead
 * (honouring a {@code --catalog} given earlier on the command line).
 */
public final class SectionCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Collections.emptyIterator();
    }
}
