package dev.paperlist.render;

import dev.paperlist.model.Catalog;

/**
 * The pure core of {@code render} and {@code check}: from a catalogue and the README's current text
 * to the README's new text. Same inputs, same bytes.
 */
public final class ReadmeRenderer {
    private ReadmeRenderer() {}

    /**
     * @param currentText the README as it is (BOM removed), or {@code null} when there is none yet
     * @param catalogName how the start marker names the catalogue, such as {@code papers.yaml}
     */
    public static String render(Catalog catalog, String currentText, String readmeName, String catalogName) {
        Slugger slugger = new Slugger();
        Layout layout = Layout.of(catalog.settings());
        if (currentText == null) {
            return Markers.join(new Markers.Split("", "\n", "\n"), out -> layout.renderTo(catalog, slugger, out), catalogName);
        }
        Markers.Split split = Markers.split(currentText, readmeName);
        // Headings above the block come first on the page, so they take their anchors first.
        for (String heading : HeadingTexts.of(split.before())) {
            slugger.slug(heading);
        }
        return Markers.join(split, out -> layout.renderTo(catalog, slugger, out), catalogName);
    }
}
