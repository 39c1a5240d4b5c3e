package dev.paperlist.render;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.TableColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact table layout of large lists: a table of contents of the sections, then per section a
 * heading and one table row per paper ({@code | Title | Venue | Date | Code | Supplement |} by default).
 */
public final class TableLayout implements Layout {
    private final Settings settings;

    public TableLayout(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String render(Catalog catalog, Slugger slugger) {
        StringBuilder out = new StringBuilder(4096);
        renderTo(catalog, slugger, out);
        return out.toString();
    }

    @Override
    public void renderTo(Catalog catalog, Slugger slugger, StringBuilder out) {
        List<Heading> headings = new ArrayList<>();
        collect(catalog.sections(), settings.topHeadingLevel(), 0, slugger, headings);
        int start = out.length();
        if (settings.toc()) {
            Outline.appendContents(out, headings.stream().map(Heading::entry).toList());
        }
        for (Heading h : headings) {
            Outline.appendHeading(out, h.entry, start);
            if (!h.section.papers().isEmpty()) {
                out.append('\n');
                table(out, h.section.papers());
            }
        }
    }

    private void table(StringBuilder out, List<Paper> papers) {
        List<TableColumn> columns = settings.tableColumns();
        out.append('|');
        for (TableColumn c : columns) {
            out.append(' ').append(MarkdownText.text(c.header())).append(" |");
        }
        out.append("\n|");
        for (TableColumn c : columns) {
            out.append(switch (c.alignment()) {
                case LEFT -> ":--------";
                case CENTER -> ":--------:";
                case RIGHT -> "--------:";
                case NONE -> "--------";
            }).append('|');
        }
        out.append('\n');
        for (Paper p : papers) {
            out.append('|');
            for (TableColumn c : columns) {
                String cell = cell(c.field(), p);
                out.append(' ').append(cell.isEmpty() ? MarkdownText.text(settings.emptyCell()) : cell).append(" |");
            }
            out.append('\n');
        }
    }

    private String cell(String field, Paper p) {
        return switch (field) {
            case "title" -> title(p);
            case "name" -> MarkdownText.text(p.name());
            case "venue" -> p.venue() == null ? "" : MarkdownText.text(p.venue());
            case "date" -> p.submitted() == null ? "" : p.submitted().toString();
            case "code" -> p.code() == null ? "" : Badges.star(p.code());
            case "supplement" -> joined(p.badges().stream().map(Badges::badge).toList(), "<br>");
            case "authors" -> joined(p.authors().stream().map(MarkdownText::text).toList(),
                    MarkdownText.text(settings.authorSeparator()));
            case "tags" -> joined(p.tags().stream().map(MarkdownText::text).toList(),
                    MarkdownText.text(settings.tagSeparator()));
            case "notes" -> joined(p.notes().stream().map(TableLayout::note).toList(), " ");
            case "abstract" -> p.abstractText() == null ? "" : MarkdownText.inline(p.abstractText());
            default -> throw new IllegalArgumentException("unknown column " + field);
        };
    }

    // "[Alias] [Full title](url)": the short name in brackets only when it differs from the title.
    private static String title(Paper p) {
        String link = p.url() == null ? MarkdownText.text(p.title())
                : "[" + MarkdownText.text(p.title()) + "](" + MarkdownText.url(p.url()) + ")";
        return p.name().equals(p.title()) ? link : "\\[" + MarkdownText.text(p.name()) + "\\] " + link;
    }

    private static String note(NoteLink note) {
        return "[\\[" + MarkdownText.text(note.label()) + "\\]](" + MarkdownText.url(note.url()) + ")";
    }

    private static String joined(List<String> parts, String separator) {
        return String.join(separator, parts);
    }

    private static void collect(List<Section> sections, int level, int depth, Slugger slugger, List<Heading> out) {
        for (Section section : sections) {
            out.add(new Heading(Outline.entry(section.title(), level, depth, slugger), section));
            collect(section.sections(), level + 1, depth + 1, slugger, out);
        }
    }

    private record Heading(Outline.Entry entry, Section section) {}
}
