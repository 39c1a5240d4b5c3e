package dev.paperlist.render;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Settings;

/** A way of writing the list as Markdown: the generated block between the README's markers. */
public interface Layout {
    /**
     * The generated Markdown, ending in one newline.
     *
     * @param slugger already fed with the page's headings before the generated block
     */
    String render(Catalog catalog, Slugger slugger);

    /** Appends what {@link #render} returns to {@code out}; layouts override it to write without a copy. */
    default void renderTo(Catalog catalog, Slugger slugger, StringBuilder out) {
        out.append(render(catalog, slugger));
    }

    /** The layout the settings choose. */
    static Layout of(Settings settings) {
        return settings.tableLayout() ? new TableLayout(settings) : new NotesLayout(settings);
    }
}
