package dev.paperlist.render;

import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Section;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The top-level sections a README leaves to pages of their own, by identity, each with the link to its
 * page; a layout writes such a section as its heading and a link, and records the heading's anchor so
 * the page can link back to it.
 */
public final class MovedSections {
    static final MovedSections NONE = new MovedSections();

    private final Map<Section, String> pages = new IdentityHashMap<>();
    private final Map<Section, String> anchors = new IdentityHashMap<>();

    void move(Section section, String page) {
        pages.put(section, page);
    }

    boolean isMoved(Section section) {
        return pages.containsKey(section);
    }

    String page(Section section) {
        return pages.get(section);
    }

    void anchor(Section section, String anchor) {
        if (this != NONE) {
            anchors.put(section, anchor);
        }
    }

    String anchorOf(Section section) {
        return anchors.get(section);
    }

    /** What the README says in place of a moved section. */
    static String notice(Section section, String page) {
        int papers = listings(section);
        return "This section's " + papers + (papers == 1 ? " paper is" : " papers are") + " on [a page of its own]("
                + MarkdownText.url(page) + ").\n";
    }

    private static int listings(Section section) {
        int n = section.papers().size();
        for (Section child : section.sections()) {
            n += listings(child);
        }
        return n;
    }
}
