package dev.paperlist.importer;

import dev.paperlist.catalog.MarkdownBlocks;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.markdown.PlainText;
import dev.paperlist.model.DateSpelling;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Reads a GitHub table of papers: its header row gives the columns (known headers map to fields,
 * others become extra-field columns), each body row one paper.
 */
final class TableReader {
    /** Header spellings (lower case) to the field their column shows. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("paper", "title"), Map.entry("papers", "title"),
            Map.entry("paper title", "title"), Map.entry("name", "name"), Map.entry("alias", "name"),
            Map.entry("venue", "venue"), Map.entry("accepted", "venue"), Map.entry("conference", "venue"),
            Map.entry("publication", "venue"), Map.entry("pub", "venue"), Map.entry("journal", "venue"),
            Map.entry("date", "date"), Map.entry("time", "date"), Map.entry("submitted", "date"),
            Map.entry("submission date", "date"), Map.entry("year", "date"), Map.entry("published", "date"),
            Map.entry("code", "code"), Map.entry("github", "code"), Map.entry("repo", "code"),
            Map.entry("star", "code"), Map.entry("stars", "code"), Map.entry("supplement", "supplement"),
            Map.entry("supplements", "supplement"), Map.entry("links", "supplement"), Map.entry("resources", "supplement"),
            Map.entry("authors", "authors"), Map.entry("author", "authors"), Map.entry("tags", "tags"),
            Map.entry("keywords", "tags"), Map.entry("notes", "notes"), Map.entry("note", "notes"),
            Map.entry("abstract", "abstract"));
    private static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("(?i)<br\\s*/?>");
    /** The extra field holding what a title cell has after its link, such as an organisation. */
    static final String TITLE_NOTE = "Title note";

    private final String markdown;
    private final int lineOffset;
    private final BadgeReader badges;

    TableReader(String markdown, int lineOffset, BadgeReader badges) {
        this.markdown = markdown;
        this.lineOffset = lineOffset;
        this.badges = badges;
    }

    /** A table's columns, its papers and the empty-cell marker its rows use. */
    record Table(List<TableColumn> columns, List<PaperDraft> papers, String emptyCell, int line) {}

    /** Whether a table lists papers: one of its columns is a title. */
    static boolean isPaperTable(TableBlock table) {
        for (TableCell cell : headerCells(table)) {
            if ("title".equals(HEADERS.get(header(cell)))) {
                return true;
            }
        }
        // Whatever the header says, a table most of whose rows link to a paper lists papers.
        int rows = 0;
        int papers = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (!(section instanceof TableHead)) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    rows++;
                    papers += LinkedEntries.paperLink(row) != null ? 1 : 0;
                }
            }
        }
        return rows > 0 && papers * 2 > rows;
    }

    /**
     * Reads a table of the section {@code owner} (whose title is {@code title}); what a column keeps as
     * written row after row is reported once for the section through {@code repeated}.
     */
    Table read(TableBlock table, List<String> warnings, String where, Object owner, String title,
               RepeatedWarnings repeated) {
        List<TableCell> headerCells = headerCells(table);
        List<TableColumn> columns = new ArrayList<>();
        boolean titleSeen = false;
        for (TableCell cell : headerCells) {
            String header = Values.oneLine(PlainText.of(cell));
            String field = HEADERS.get(header.toLowerCase(Locale.ROOT));
            if (field == null || field.equals("title") && titleSeen || columns.stream().anyMatch(c -> c.field().equals(field) && !field.equals("extra"))) {
                columns.add(new TableColumn("extra", header, alignment(cell), header.isEmpty() ? "Column " + (columns.size() + 1) : header, null));
            } else {
                titleSeen |= field.equals("title");
                columns.add(new TableColumn(field, header, alignment(cell)));
            }
        }
        if (!titleSeen) {
            // No header says "Title": the column whose cells hold the paper links is the title.
            int column = paperColumn(table, columns.size());
            TableColumn c = columns.get(column);
            columns.set(column, new TableColumn("title", c.header(), c.alignment()));
        }
        // papers.yaml holds no empty header (an empty value is an error there), so an empty header cell is
        // headed as the column's field or extra field is by default, and the page differs there: said once.
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = columns.get(i);
            if (c.header().isEmpty()) {
                String shown = c.key() != null ? c.key() : TableColumn.FIELDS.get(c.field());
                warnings.add(where + ":" + line(table) + ": column " + (i + 1) + " of the table has an empty header cell, "
                        + "which papers.yaml cannot hold; it is headed '" + shown + "'");
                columns.set(i, new TableColumn(c.field(), shown, c.alignment(), c.key(), c.suffix(), c.headerMarkdown()));
            }
        }
        // A header cell with markup ("**Paper**") is kept as written; the header itself is its plain text.
        List<String> writtenHeader = table.getFirstChild() instanceof TableHead head && head.getFirstChild() != null
                ? rawCells(head.getFirstChild()) : List.of();
        for (int i = 0; i < columns.size() && i < writtenHeader.size(); i++) {
            TableColumn c = columns.get(i);
            String written = writtenHeader.get(i);
            // Markup that opens a block it does not close (a lone <details>) would fold the page: the plain text it is.
            if (!written.isEmpty() && MarkdownBlocks.problem(written).isEmpty()
                    && !Values.unescape(written).equals(Values.unescape(MarkdownText.text(c.header())))) {
                columns.set(i, c.withHeaderMarkdown(written));
            }
        }
        List<PaperDraft> papers = new ArrayList<>();
        Map<String, Integer> empties = new java.util.LinkedHashMap<>();
        boolean titleNotes = false;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableHead) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                PaperDraft d = new PaperDraft(line(row));
                List<TableCell> cells = cells((TableRow) row);
                List<String> raw = rawCells(row);
                int written = raw.size();
                if (written > columns.size()) {
                    warnings.add(where + ":" + d.line + ": a row with " + written + " cells in a table of "
                            + columns.size() + " columns; the cells past the last column are not shown by GitHub and were not imported");
                }
                d.tableColumns = columns;
                d.cells = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    TableCell cell = i < cells.size() ? cells.get(i) : null;
                    String source = i < raw.size() ? Values.oneLine(raw.get(i)) : "";
                    d.cells.add(source);
                    if (isEmptyMarker(source)) {
                        // commonmark pads short rows with empty cells; only written cells show the list's habit.
                        if (cell != null && i < written) {
                            empties.merge(source, 1, Integer::sum);
                        }
                        continue;
                    }
                    titleNotes |= cell(d, columns.get(i), cell, source, warnings, where, owner, title, repeated);
                }
                if (d.title == null && d.name == null) {
                    warnings.add(where + ":" + d.line + ": a table row without a title; skipped");
                    continue;
                }
                if (d.url == null) {
                    // A title written without its link ("**Title** - what it does | [Paper](arxiv), [Tweet](…)"):
                    // the row's paper link is the paper's, and the cell keeps it as written too.
                    Link paper = LinkedEntries.paperLink(row);
                    d.url = paper == null ? null : paper.getDestination();
                }
                papers.add(d);
            }
        }
        if (titleNotes) {
            for (int i = 0; i < columns.size(); i++) {
                TableColumn c = columns.get(i);
                if (c.field().equals("title")) {
                    columns.set(i, new TableColumn(c.field(), c.header(), c.alignment(), null, TITLE_NOTE, c.headerMarkdown()));
                }
            }
        }
        String empty = empties.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(e -> e.getKey().equals("-") ? 1 : 0)).map(Map.Entry::getKey).orElse(null);
        return new Table(columns, papers, empty, line(table));
    }

    // A date column's own spellings ("06/2024"): read as the date, and written back as spelled, by the cell kept
    // as written or by a row template that spells it so.
    private static final List<DateSpelling> CELL_SPELLINGS = List.of(DateSpelling.of("MM/yyyy"),
            DateSpelling.of("MM.yyyy"), DateSpelling.of("MM-yyyy"));

    private static java.util.Optional<PartialDate> spelled(String cell) {
        String text = cell.strip();
        for (DateSpelling spelling : CELL_SPELLINGS) {
            var found = spelling.find(text, 0);
            if (found.isPresent() && found.get().start() == 0 && found.get().end() == text.length()) {
                return java.util.Optional.of(found.get().date());
            }
        }
        return java.util.Optional.empty();
    }

    private static int paperColumn(TableBlock table, int width) {
        int[] counts = new int[width];
        int[] generic = new int[width];
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (!(section instanceof TableHead)) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    List<TableCell> cells = cells((TableRow) row);
                    for (int i = 0; i < Math.min(width, cells.size()); i++) {
                        Link link = LinkedEntries.paperLink(cells.get(i));
                        counts[i] += link != null ? 1 : 0;
                        generic[i] += link != null && LinkedEntries.GENERIC.matcher(PlainText.of(link)).matches() ? 1 : 0;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < width; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        // "| Method | [Paper](arxiv) |": a link that only says "Paper" names nothing; the first column does.
        return generic[best] * 2 > counts[best] ? 0 : best;
    }

    // Returns whether the title cell had a note after its link.
    private boolean cell(PaperDraft d, TableColumn column, TableCell cell, String source, List<String> warnings, String where,
                         Object owner, String title, RepeatedWarnings repeated) {
        switch (column.field()) {
            case "title" -> {
                return title(d, cell);
            }
            case "name" -> d.name = Values.oneLine(PlainText.of(cell));
            case "venue" -> d.venue = Values.oneLine(PlainText.of(cell));
            case "date" -> {
                d.submitted = Values.date(Values.unescape(source)).or(() -> spelled(Values.unescape(source))).orElse(null);
                if (d.submitted == null) {
                    // Written back as it was; said once for the column of the section, at its first row.
                    String at = where + ":" + d.line + ": ";
                    repeated.add(warnings, owner, "date\n" + column.header(), n -> n == 1
                            ? at + "date '" + source + "' is not a date paperlist reads; kept as an extra field"
                            : at + "date '" + source + "' and the dates of " + (n - 1) + " more rows of the "
                                    + column.header() + " column in section '" + title + "' are not dates paperlist"
                                    + " reads; kept as an extra field, written as they were");
                    d.extra(column.header(), source);
                }
            }
            case "code", "supplement" -> {
                if (!links(d, cell, column, source)) {
                    String at = where + ":" + d.line + ": ";
                    repeated.add(warnings, owner, "badges\n" + column.header(), n -> at + "the " + column.header()
                            + (n == 1 ? " cell holds" : " cells of this and " + (n - 1) + " more rows of section '"
                                    + title + "' hold")
                            + " more than badges; kept as written in the extra field '" + extraKey(column)
                            + "', which the column writes");
                }
            }
            case "authors" -> d.authors = Values.oneLine(PlainText.of(cell));
            case "tags" -> d.tags = Values.oneLine(PlainText.of(cell));
            case "notes" -> NotesFields.notes(d, cell.getFirstChild(), source);
            case "abstract" -> d.abstractText = Values.unescapeInline(source);
            default -> d.extra(column.key(), source);
        }
        return false;
    }

    // "[Alias] [Full title](url) (Org)": the alias becomes the name, the note after the link an extra field.
    private boolean title(PaperDraft d, TableCell cell) {
        StringBuilder before = new StringBuilder();
        Node after = null;
        for (Node n = cell.getFirstChild(); n != null; n = n.getNext()) {
            // "**[Title](url)**": the link alone in bold or italics is the title's, as one without them is.
            Node inner = (n instanceof StrongEmphasis || n instanceof Emphasis) && n.getFirstChild() == n.getLastChild()
                    ? n.getFirstChild() : n;
            if (inner instanceof Link link && !(link.getFirstChild() instanceof Image) && d.title == null) {
                d.title = Values.oneLine(PlainText.of(link));
                d.url = link.getDestination();
                after = n.getNext();
                break;
            }
            before.append(PlainText.of(n));
        }
        if (d.title == null) {
            // No link: "[Alias] Full title" or the title alone.
            String text = Values.oneLine(PlainText.of(cell));
            int close = matchingBracket(text);
            if (close > 1 && text.startsWith(" ", close + 1)) {
                d.name = text.substring(1, close);
                d.title = text.substring(close + 2).strip();
            } else {
                d.title = text;
            }
            return false;
        }
        String alias = before.toString().strip();
        if (alias.startsWith("[") && alias.endsWith("]") && alias.length() > 2) {
            d.name = alias.substring(1, alias.length() - 1).strip();
        } else if (!alias.isEmpty()) {
            d.extra("Title prefix", alias);
        }
        if (after != null) {
            String note = Values.source(markdown, after, cell.getLastChild());
            note = note.replace("\\|", "|");
            if (!note.isEmpty()) {
                d.extra(TITLE_NOTE, note);
                return true;
            }
        }
        return false;
    }

    // The ']' closing a leading '[', counting the brackets in between; -1 when there is none.
    private static int matchingBracket(String text) {
        if (!text.startsWith("[")) {
            return -1;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // Star badges give the code repository; other linked images are badges; anything else is kept as written.
    private static String extraKey(TableColumn column) {
        return column.header().isEmpty() ? column.field() : column.header();
    }

    private boolean links(PaperDraft d, TableCell cell, TableColumn column, String source) {
        boolean onlyLinks = true;
        for (Node n = cell.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link link && link.getFirstChild() instanceof Image image && image.getNext() == null) {
                badges.linkedImage(d, link.getDestination(), image);
            } else if (n instanceof Image image) {
                badges.linkedImage(d, null, image);
            } else if (n instanceof Link link && column.field().equals("code") && d.code == null
                    && GitHubRepo.parse(link.getDestination()).isPresent()) {
                d.code = GitHubRepo.parse(link.getDestination()).get();
            } else if (!(n instanceof HtmlInline html && BREAK.matcher(html.getLiteral()).matches())
                    && !(n instanceof Text t && t.getLiteral().isBlank())) {
                onlyLinks = false;
            }
        }
        if (!onlyLinks) {
            // Plain links or words: the cell as written, so that nothing is lost.
            d.extra(extraKey(column), source);
        }
        return onlyLinks;
    }

    private static boolean isEmptyMarker(String source) {
        return source.isEmpty() || source.equals("-") || source.equals("—") || source.equals("\\-") || source.equals("–")
                || source.equalsIgnoreCase("n/a");
    }

    private static List<TableCell> headerCells(TableBlock table) {
        if (table.getFirstChild() instanceof TableHead head && head.getFirstChild() instanceof TableRow row) {
            return cells(row);
        }
        return List.of();
    }

    private static List<TableCell> cells(TableRow row) {
        List<TableCell> out = new ArrayList<>();
        for (Node n = row.getFirstChild(); n != null; n = n.getNext()) {
            out.add((TableCell) n);
        }
        return out;
    }

    /**
     * The cells of a row as written, split on pipes that are neither escaped nor inside a code span,
     * with each cell's {@code \|} turned back into {@code |}. The syntax tree's source positions inside
     * cells do not account for those escapes, so cell text is taken from here.
     */
    private List<String> rawCells(Node row) {
        List<String> cells = new ArrayList<>();
        if (row.getSourceSpans().isEmpty()) {
            return cells;
        }
        var span = row.getSourceSpans().get(0);
        String line = markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()).strip();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                if (line.charAt(i + 1) == '|') {
                    cell.append('|');
                } else {
                    cell.append(c).append(line.charAt(i + 1));
                }
                i++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        if (line.startsWith("|")) {
            cells.remove(0);
        }
        if (line.endsWith("|") && !line.endsWith("\\|") && !cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static String header(TableCell cell) {
        return Values.oneLine(PlainText.of(cell)).toLowerCase(Locale.ROOT);
    }

    private static TableColumn.Alignment alignment(TableCell cell) {
        TableCell.Alignment a = cell.getAlignment();
        if (a == null) {
            return TableColumn.Alignment.NONE;
        }
        return switch (a) {
            case LEFT -> TableColumn.Alignment.LEFT;
            case CENTER -> TableColumn.Alignment.CENTER;
            case RIGHT -> TableColumn.Alignment.RIGHT;
        };
    }

    private int line(Node node) {
        return ListImporter.line(node) + lineOffset;
    }
}
