package dev.paperlist.importer;

import dev.paperlist.model.Badge;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A paper being read from any layout; list fields stay as written until the list's separators are known. */
final class PaperDraft {
    String name;
    String title;
    String url;
    GitHubRepo code;
    final List<Badge> badges = new ArrayList<>();
    String venue;
    PartialDate submitted;
    String authors;
    String tags;
    String abstractText;
    final List<NoteLink> notes = new ArrayList<>();
    final Map<String, String> extra = new LinkedHashMap<>();
    // A table row's cells as written, by column, to keep those the layout would write otherwise.
    List<dev.paperlist.model.TableColumn> tableColumns;
    List<String> cells;
    // A list item's source as written (bullet, continuation lines and all), for the same reason.
    String listItem;
    // For a paper that is a heading: the heading's text, and the heading and the blocks under it as written
    // (null when the heading is not an ATX heading at the start of its line).
    String headingText;
    String block;
    // What was kept other than as read, said at the paper's line once the section is built.
    final List<String> problems = new ArrayList<>();
    final int line;

    PaperDraft(int line) {
        this.line = line;
    }

    void extra(String label, String markdown) {
        if (markdown.isBlank()) {
            // A label with nothing after it shows nothing, and the catalogue refuses an empty value.
            return;
        }
        String key = label;
        for (int n = 2; extra.containsKey(key); n++) {
            key = label + " (" + n + ")";
        }
        extra.put(key, markdown);
    }

    /** The paper, its list fields split on the list's usual separators where they have them. */
    Paper build(String authorSeparator, String tagSeparator) {
        String shownTitle = title != null ? title : name;
        Paper.Builder paper = Paper.builder(name != null ? name : shownTitle, shownTitle)
                .url(url).code(code).venue(venue).submitted(submitted)
                .authors(Values.split(authors, authorSeparator)).tags(Values.split(tags, tagSeparator))
                .abstractText(abstractText);
        badges.forEach(paper::badge);
        notes.forEach(paper::note);
        extra.forEach(paper::extra);
        return paper.build();
    }
}
