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
    default String render(Catalog catalog, Slugger slugger) {
        return render(catalog, slugger, MovedSections.NONE);
    }

    /** The generated Markdown, with each moved section as its heading and a link to its page. */
    String render(Catalog catalog, Slugger slugger, MovedSections moved);

    /** Appends what {@link #render} returns to {@code out}; layouts override it to write without a copy. */
    default void renderTo(Catalog catalog, Slugger slugger, StringBuilder out) {
        out.append(render(catalog, slugger));
    }

    /** The layout the settings choose. */
    static Layout of(Settings settings) {
        return switch (settings.layout()) {
            case "table" -> new TableLayout(settings);
            case "list" -> new ListLayout(settings);
            default -> new NotesLayout(settings);
        };
    }
}
