package dev.paperlist.render;

import dev.paperlist.markdown.Badges;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.TableColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact table layout of large lists: a table of contents of the sections, then per section a
 * heading and one table row per paper ({@code | Title | Venue | Date | Code | Supplement |} by default).
 */
public final class TableLayout extends SectionLayout {
    public TableLayout(Settings settings) {
        super(settings);
    }

    @Override
    String name() {
        return "table";
    }

    @Override
    void papers(StringBuilder out, Section section) {
        List<TableColumn> columns = section.columns().isEmpty() ? settings.tableColumns() : section.columns();
        if (section.isPlain()) {
            table(out, columns, section.papers());
            return;
        }
        parts(out, columns, section.content());
    }

    // Rows of consecutive papers make one table; what is written between them ends it, and the papers after
    // it make another, under the same header. A list item (with the papers nested under it) is written as
    // text, as a table has no items.
    private void parts(StringBuilder out, List<TableColumn> columns, List<Part> parts) {
        List<Paper> rows = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Part.Listed listed) {
                rows.add(listed.paper());
                continue;
            }
            if (!rows.isEmpty()) {
                blankLine(out);
                table(out, columns, rows);
                rows.clear();
            }
            String markdown = part instanceof Part.Text text ? text.markdown() : ((Part.Item) part).markdown();
            blankLine(out);
            out.append(markdown.strip()).append('\n');
            if (part instanceof Part.Item item && !item.parts().isEmpty()) {
                parts(out, columns, item.parts());
            }
        }
        if (!rows.isEmpty()) {
            blankLine(out);
            table(out, columns, rows);
        }
    }

    private void table(StringBuilder out, List<TableColumn> columns, List<Paper> papers) {
        out.append('|');
        for (TableColumn c : columns) {
            // A header cell kept as the list wrote it is Markdown; any other is the header's plain text.
            out.append(' ').append(c.headerMarkdown() != null ? cellMarkdown(c.headerMarkdown()) : MarkdownText.text(c.header()))
                    .append(" |");
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
                // A cell the list left empty is written empty ('' as the cell written), not as the empty cell.
                boolean keptEmpty = !c.field().equals("extra") && "".equals(p.extra().get(writtenKey(c)));
                out.append(' ').append(cell.isEmpty() && !keptEmpty ? MarkdownText.text(settings.emptyCell()) : cell)
                        .append(" |");
            }
            out.append('\n');
        }
    }

    /**
     * A paper's cell in a column, as this layout writes it. A cell of a built-in field that the list wrote
     * otherwise (another star badge form, a note beside the link, a date as the list spells it) is an
     * extra field named after the column's header, and is written as it was.
     */
    public String cell(TableColumn column, Paper p) {
        String written = column.field().equals("extra") ? null : p.extra().get(writtenKey(column));
        if (written != null) {
            return cellMarkdown(written);
        }
        return switch (column.field()) {
            case "title" -> column.suffix() == null || p.extra().get(column.suffix()) == null ? title(p)
                    : title(p) + " " + cellMarkdown(p.extra().get(column.suffix()));
            case "extra" -> p.extra().get(column.key()) == null ? "" : cellMarkdown(p.extra().get(column.key()));
            case "name" -> MarkdownText.text(p.name());
            case "venue" -> p.venue() == null ? "" : MarkdownText.text(p.venue());
            case "date" -> p.submitted() == null ? "" : p.submitted().toString();
            case "code" -> code(p);
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

    // The repository and, when shown, the citation count below it.
    private String code(Paper p) {
        String code = MetricsText.code(p, settings, figures);
        String citations = MetricsText.citations(p, settings, figures);
        return code.isEmpty() || citations.isEmpty() ? code + citations : code + "<br>" + citations;
    }

    /** The extra field that holds a column's cell as the list wrote it: the column's header. */
    public static String writtenKey(TableColumn column) {
        return column.writtenKey();
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
}
