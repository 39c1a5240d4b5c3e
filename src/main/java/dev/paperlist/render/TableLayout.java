package dev.paperlist.render;

import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact table layout of large lists: a table of contents of the sections, then per section a
 * heading and one table row per paper ({@code | Title | Venue | Date | Code | Supplement |} by default),
 * written by the entry template {@link #rowTemplate} makes of the columns, as a list's own table-row
 * templates are.
 */
public final class TableLayout extends SectionLayout {
    // Reads the figures of the catalogue being rendered when it writes a row.
    private final EntryTemplates own;
    // The row templates of the column lists met, and each column's cell alone: sections written on several
    // threads (in a notes output) share them.
    private final Map<List<TableColumn>, EntryTemplate> rows = new ConcurrentHashMap<>();
    private final Map<TableColumn, EntryTemplate> cells = new ConcurrentHashMap<>();

    public TableLayout(Settings settings) {
        super(settings);
        own = new EntryTemplates(settings, p -> MetricsText.code(p, settings, figures),
                p -> MetricsText.citations(p, settings, figures));
    }

    @Override
    String name() {
        return "table";
    }

    @Override
    void papers(StringBuilder out, Section section) {
        List<TableColumn> columns = section.columns().isEmpty() ? settings.tableColumns() : section.columns();
        if (section.isPlain()) {
            table(out, columns, section.papers(), section.entries());
            return;
        }
        parts(out, columns, section.content(), section.entries());
    }

    // Rows of consecutive papers make one table; what is written between them ends it, and the papers after
    // it make another, under the same header. A list item (with the papers nested under it) is written as
    // text, as a table has no items.
    private void parts(StringBuilder out, List<TableColumn> columns, List<Part> parts, List<EntryTemplate> templates) {
        List<Paper> rows = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Part.Listed listed) {
                rows.add(listed.paper());
                continue;
            }
            if (!rows.isEmpty()) {
                blankLine(out);
                table(out, columns, rows, templates);
                rows.clear();
            }
            String markdown = part instanceof Part.Text text ? text.markdown() : ((Part.Item) part).markdown();
            blankLine(out);
            out.append(markdown.strip()).append('\n');
            if (part instanceof Part.Item item && !item.parts().isEmpty()) {
                parts(out, columns, item.parts(), templates);
            }
        }
        if (!rows.isEmpty()) {
            blankLine(out);
            table(out, columns, rows, templates);
        }
    }

    private void table(StringBuilder out, List<TableColumn> columns, List<Paper> papers, List<EntryTemplate> templates) {
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
        EntryTemplate row = rows.computeIfAbsent(columns, c -> rowTemplate(c, settings));
        for (Paper p : papers) {
            String written = own.row(p, templates);
            if (written != null) {
                out.append(written);
            } else {
                own.renderOwn(row, p, out);
            }
            out.append('\n');
        }
    }

    /**
     * A paper's cell in a column, as this layout writes it, or the empty string where it writes the empty
     * cell. A cell of a built-in field that the list wrote otherwise (another star badge form, a note beside
     * the link, a date as the list spells it) is an extra field named after the column's header, and is
     * written as it was.
     */
    public String cell(TableColumn column, Paper p) {
        StringBuilder out = new StringBuilder();
        own.renderOwn(cells.computeIfAbsent(column, c -> row(List.of(c), null)), p, out);
        // The row of one cell: "| " and " |" around it.
        return out.substring(2, out.length() - 2);
    }

    /**
     * The layout's own row for these columns, as an entry template: per column, the cell as the list wrote
     * it (the extra field named after the header), or else the field, or else the settings' empty cell. For
     * the default columns: {@code | {?{extra:Title}{|}{?\[{alias}\] }{link}{|}-} | {?{extra:Venue}{|}{venue}{|}-}
     * | {?{extra:Date}{|}{date}{|}-} | {?{extra:Code}{|}{?{stars}{?<br>{citations}}{|}{citations}}{|}-}
     * | {?{extra:Supplement}{|}{badges:<br>}{|}-} |}, with {@code -} the empty cell.
     */
    public static EntryTemplate rowTemplate(List<TableColumn> columns, Settings settings) {
        return row(columns, MarkdownText.text(settings.emptyCell()));
    }

    // Made of pieces rather than read: a header may hold braces, which a slot's label cannot.
    private static EntryTemplate row(List<TableColumn> columns, String empty) {
        List<EntryTemplate.Piece> pieces = new ArrayList<>();
        for (TableColumn c : columns) {
            pieces.add(new EntryTemplate.Literal(pieces.isEmpty() ? "| " : " | "));
            List<List<EntryTemplate.Piece>> alternatives = new ArrayList<>();
            if (!c.field().equals("extra")) {
                alternatives.add(List.of(slot("extra", c.writtenKey())));
            }
            alternatives.add(field(c));
            if (empty != null) {
                alternatives.add(empty.isEmpty() ? List.of() : List.of(new EntryTemplate.Literal(empty)));
            }
            pieces.add(new EntryTemplate.Group(alternatives));
        }
        pieces.add(new EntryTemplate.Literal(" |"));
        return EntryTemplate.of(pieces);
    }

    // What a column shows of a paper: "[Alias] [Full title](url)" (the short name in brackets only when it
    // differs from the title) with its suffix; the repository and, when shown, the citation count below it;
    // the other badges one under another.
    private static List<EntryTemplate.Piece> field(TableColumn c) {
        return switch (c.field()) {
            case "title" -> {
                List<EntryTemplate.Piece> title = new ArrayList<>(List.of(part(List.of(new EntryTemplate.Literal("\\["),
                        slot("alias", null), new EntryTemplate.Literal("\\] "))), slot("link", null)));
                if (c.suffix() != null) {
                    title.add(part(List.of(new EntryTemplate.Literal(" "), slot("extra", c.suffix()))));
                }
                yield title;
            }
            case "extra" -> List.of(slot("extra", c.key()));
            case "code" -> List.of(new EntryTemplate.Group(List.of(
                    List.of(slot("stars", null), part(List.of(new EntryTemplate.Literal("<br>"), slot("citations", null)))),
                    List.of(slot("citations", null)))));
            case "supplement" -> List.of(slot("badges", "<br>"));
            case "name", "venue", "date", "authors", "tags", "notes", "abstract" -> List.of(slot(c.field(), null));
            default -> throw new IllegalArgumentException("unknown column " + c.field());
        };
    }

    private static EntryTemplate.Slot slot(String name, String arg) {
        return new EntryTemplate.Slot(name, arg, null);
    }

    private static EntryTemplate.Group part(List<EntryTemplate.Piece> pieces) {
        return new EntryTemplate.Group(List.of(pieces));
    }

    /** The extra field that holds a column's cell as the list wrote it: the column's header. */
    public static String writtenKey(TableColumn column) {
        return column.writtenKey();
    }

    // A header cell kept as the list wrote it is Markdown; only a bare '|' would end the cell early.
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
}
