package dev.paperlist.render;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;

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
            return Markers.join(new Markers.Split("", "\n", "\n"), out -> layout.renderTo(catalog, slugger, out),
                    sizeHint(catalog), catalogName);
        }
        Markers.Split split = Markers.split(currentText, readmeName);
        // Headings above the block come first on the page, so they take their anchors first.
        for (String heading : HeadingTexts.of(split.before())) {
            slugger.slug(heading);
        }
        return Markers.join(split, out -> layout.renderTo(catalog, slugger, out), sizeHint(catalog), catalogName);
    }

    // About the length of the generated block: the papers' longest texts plus their fixed parts. At
    // 100,000 papers a buffer that doubles as it goes would hold twice the list for a moment.
    static int sizeHint(Catalog catalog) {
        long chars = 0;
        for (Paper paper : catalog.distinctPapers()) {
            chars += 2L * paper.name().length() + paper.title().length() + 320
                    + (paper.abstractText() == null ? 0 : paper.abstractText().length() + paper.abstractText().length() / 16)
                    + (paper.url() == null ? 0 : paper.url().length())
                    + 120L * (paper.badges().size() + paper.notes().size());
            for (String author : paper.authors()) {
                chars += author.length() + 2;
            }
        }
        return (int) Math.min(chars, Integer.MAX_VALUE / 2);
    }
}
