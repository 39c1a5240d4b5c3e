package dev.paperlist.render;

import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.List;

/**
 * The one-bullet layout of many awesome lists: per section a heading, then per paper
 * {@code - [Title](url) (Apr., 2025) (Venue)} with its badges on the lines under it, written by the entry
 * template {@link #ENTRY} as any list's own entries are.
 */
public final class ListLayout extends SectionLayout {
    /**
     * The layout's own entry, as an entry template: the alias in brackets when it differs from the title, the
     * title link, the date as {@code Apr., 2025}, the venue and the extra fields on its line, and the star
     * badge, citations and other badges on the lines under it. A list's own {@code entries} come before it.
     */
    public static final EntryTemplate ENTRY = EntryTemplate.parse("- {?\\[{alias}\\] }{link}{? ({date:Mon. d, yyyy})}"
            + "{? ({date:Mon., yyyy})}{? ({date:yyyy})}{? ({venue})}{? {extras}}{?\n  {stars}}{?\n  {citations}}"
            + "{?\n  {badges:\n  }}");

    // Reads the figures of the catalogue being rendered when it writes an entry.
    private final EntryTemplates own;

    public ListLayout(Settings settings) {
        super(settings);
        own = new EntryTemplates(settings, p -> MetricsText.code(p, settings, figures),
                p -> MetricsText.citations(p, settings, figures));
    }

    @Override
    String name() {
        return "list";
    }

    @Override
    void papers(StringBuilder out, Section section) {
        parts(out, section.content(), section.entries());
    }

    // Entries and list items follow one another as the list's lines (an entry written as it is carries the
    // blank line of a loose list); text ends the list with a blank line, and what follows it starts another.
    private void parts(StringBuilder out, List<Part> parts, List<EntryTemplate> templates) {
        boolean afterText = false;
        // The place of each entry in its numbered list: entries and items follow one another; text ends the list.
        int number = 0;
        for (Part part : parts) {
            if (afterText) {
                blankLine(out);
            }
            afterText = false;
            number = part instanceof Part.Text ? 0 : number + 1;
            if (part instanceof Part.Listed listed) {
                Paper p = listed.paper();
                String written = own.written(p, templates, number);
                if (written != null) {
                    out.append(written).append('\n');
                } else {
                    paper(out, p);
                }
            } else if (part instanceof Part.Text text) {
                if (out.length() > 0) {
                    blankLine(out);
                }
                out.append(text.markdown()).append('\n');
                afterText = true;
            } else if (part instanceof Part.Item item) {
                out.append(item.markdown()).append('\n');
                if (!item.parts().isEmpty()) {
                    StringBuilder nested = new StringBuilder();
                    parts(nested, item.parts(), templates);
                    appendIndented(out, nested, nestedIndent(item.markdown()));
                }
            }
        }
    }

    /** The entry this layout makes of a paper's fields with the default settings, without its final line break. */
    public static String entry(Paper p) {
        StringBuilder out = new StringBuilder();
        new ListLayout(Settings.DEFAULT).paper(out, p);
        return out.substring(0, out.length() - 1);
    }

    private void paper(StringBuilder out, Paper p) {
        own.renderOwn(ENTRY, p, out);
        out.append('\n');
    }
}
