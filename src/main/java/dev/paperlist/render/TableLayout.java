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
        return render(catalog, slugger, MovedSections.NONE);
    }

    @Override
    public String render(Catalog catalog, Slugger slugger, MovedSections moved) {
        List<Heading> headings = new ArrayList<>();
        collect(catalog.sections(), settings.topHeadingLevel(), 0, slugger, moved, headings);
        StringBuilder out = new StringBuilder(4096);
        if (settings.toc()) {
            Outline.appendContents(out, headings.stream().map(Heading::entry).toList());
        }
        for (Heading h : headings) {
            Outline.appendHeading(out, h.entry);
            if (h.entry.page() != null) {
                out.append('\n').append(MovedSections.notice(h.section, h.entry.page()));
                continue;
            }
            Outline.appendText(out, h.section.text());
            if (!h.section.papers().isEmpty()) {
                out.append('\n');
                table(out, h.section.columns().isEmpty() ? settings.tableColumns() : h.section.columns(),
                        h.section.papers());
            }
        }
        return out.toString();
    }

    private void table(StringBuilder out, List<TableColumn> columns, List<Paper> papers) {
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
                String cell = cell(c, p);
                out.append(' ').append(cell.isEmpty() ? MarkdownText.text(settings.emptyCell()) : cell).append(" |");
            }
            out.append('\n');
        }
    }

    private String cell(TableColumn column, Paper p) {
        return switch (column.field()) {
            case "title" -> column.suffix() == null || p.extra().get(column.suffix()) == null ? title(p)
                    : title(p) + " " + cellMarkdown(p.extra().get(column.suffix()));
            case "extra" -> p.extra().get(column.key()) == null ? "" : cellMarkdown(p.extra().get(column.key()));
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
            default -> throw new IllegalArgumentException("unknown column " + column.field());
        };
    }

    // Extra fields are Markdown kept from an imported list; only a bare '|' would end the cell early.
    private static String cellMarkdown(String markdown) {
        String line = MarkdownText.oneLine(markdown);
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
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

    private static void collect(List<Section> sections, int level, int depth, Slugger slugger, MovedSections moved,
                                List<Heading> out) {
        for (Section section : sections) {
            Outline.Entry entry = Outline.entry(section.title(), level, depth, slugger);
            moved.anchor(section, entry.anchor());
            if (moved.isMoved(section)) {
                out.add(new Heading(entry.movedTo(moved.page(section)), section));
                continue;
            }
            out.add(new Heading(entry, section));
            collect(section.sections(), level + 1, depth + 1, slugger, moved, out);
        }
    }

    private record Heading(Outline.Entry entry, Section section) {}
}
