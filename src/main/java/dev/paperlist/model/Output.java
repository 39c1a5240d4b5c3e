package dev.paperlist.model;

import java.util.List;

/**
 * One file the catalogue is rendered into, with its own layout.
 *
 * @param file the path, relative to the catalogue's folder
 * @param layout one of {@link Settings#LAYOUTS}
 * @param entries this file's entry templates, in place of the list's ({@link Settings#entries}); empty for the list's
 */
public record Output(String file, String layout, List<EntryTemplate> entries) {
    public Output {
        entries = List.copyOf(entries);
    }

    /** A file written with the list's entry templates. */
    public Output(String file, String layout) {
        this(file, layout, List.of());
    }

    /** The settings this file is rendered with: its layout, and its entry templates when it has its own. */
    public Settings settings(Settings list) {
        Settings own = list.withLayout(layout);
        return entries.isEmpty() ? own : own.withEntries(entries);
    }
}
