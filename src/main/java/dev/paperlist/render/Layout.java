package dev.paperlist.render;

import dev.paperlist.markdown.Slugger;
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
    default String render(Catalog catalog, Slugger slugger, MovedSections moved) {
        StringBuilder out = new StringBuilder(4096);
        renderTo(catalog, slugger, moved, out);
        return out.toString();
    }

    /**
     * Appends the generated Markdown to {@code out}, which may already hold the README's text before the
     * block: at 100,000 papers one buffer instead of a copy of the list is hundreds of megabytes less.
     */
    void renderTo(Catalog catalog, Slugger slugger, MovedSections moved, StringBuilder out);

    /** The layout the settings choose. */
    static Layout of(Settings settings) {
        return switch (settings.layout()) {
            case "table" -> new TableLayout(settings);
            case "list" -> new ListLayout(settings);
            default -> new NotesLayout(settings);
        };
    }
}
