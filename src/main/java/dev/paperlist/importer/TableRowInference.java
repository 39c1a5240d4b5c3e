package dev.paperlist.importer;

import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.DateSpelling;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Figures;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.TableColumn;
import dev.paperlist.render.MetricsText;
import dev.paperlist.render.TableLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds how a list writes the cells of its tables, as {@link EntryInference} finds how it writes its entries: a
 * cell the table layout would write otherwise, kept as an extra field named after its column, is turned into a
 * form of the cell by putting a slot where the paper's fields appear in it ({@code [**{title}**]({url})},
 * {@code {date:MM/yyyy}}, {@code [code]({code})}); the forms rows share, and a column's own mark of an empty cell,
 * become the alternatives of that column's cell in a table-row template, of the list when all its tables have its
 * columns, else of each section. Those cells are then the paper's fields alone. A row whose cells the template
 * does not write exactly as the list wrote them keeps them as written, and the template is kept only where every
 * row is written exactly as before.
 */
final class TableRowInference {
    /** The forms tried in a column, the most shared first: real lists write a cell a few ways at the most. */
    static final int MOST_FORMS = 20;

    // The marks lists put in a cell they leave empty.
    private static final Set<String> EMPTY_MARKS = Set.of("", "-", "—", "–", "\\-", "n/a", "N/A");

    private TableRowInference() {}

    /** One place a paper is listed in a table: the section and the table's columns. */
    private record Listing(Paper paper, Section section, List<TableColumn> columns) {}

    /**
     * A paper listed in a table: as import read it, the cells the list wrote (as the layout writes them), and the
     * paper without the extra fields that hold those cells.
     */
    private record Row(Paper original, List<String> cells, Paper base) {}

    /** A column's cell: the forms written before the layout's own, and the mark of an empty cell. */
    private record Cell(List<EntryTemplate> forms, List<EntryTemplate.Piece> empty) {}

    static Catalog apply(Catalog catalog) {
        Settings settings = catalog.settings();
        if (settings.entries().stream().anyMatch(EntryTemplate::tableRow)) {
            return catalog;
        }
        List<Listing> listings = new ArrayList<>();
        Set<Paper> elsewhere = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!collect(catalog.sections(), settings, listings, elsewhere) || listings.isEmpty()) {
            return catalog;
        }
        // A paper listed in tables of other columns, or outside tables, is written as it is.
        Map<Paper, List<TableColumn>> columnsOf = new IdentityHashMap<>();
        Set<Paper> fixed = Collections.newSetFromMap(new IdentityHashMap<>());
        fixed.addAll(elsewhere);
        for (Listing l : listings) {
            List<TableColumn> was = columnsOf.putIfAbsent(l.paper(), l.columns());
            if (was != null && !was.equals(l.columns())) {
                fixed.add(l.paper());
            }
        }
        EntryTemplates writer = writer(settings);
        Map<Paper, Row> rows = new IdentityHashMap<>();
        // The sections with tables in list order, each with its rows and columns.
        List<Section> sections = new ArrayList<>();
        Map<Section, List<Row>> rowsOf = new IdentityHashMap<>();
        Map<Section, List<TableColumn>> sectionColumns = new IdentityHashMap<>();
        List<Row> all = new ArrayList<>();
        Map<Section, Set<Row>> seen = new IdentityHashMap<>();
        Map<TableColumn, EntryTemplate> ownCells = new HashMap<>();
        for (Listing l : listings) {
            if (sectionColumns.putIfAbsent(l.section(), l.columns()) == null) {
                sections.add(l.section());
                rowsOf.put(l.section(), new ArrayList<>());
                seen.put(l.section(), Collections.newSetFromMap(new IdentityHashMap<>()));
            }
            if (!fixed.contains(l.paper())) {
                Row row = rows.get(l.paper());
                if (row == null) {
                    row = row(l.paper(), l.columns(), settings, writer, ownCells);
                    rows.put(l.paper(), row);
                    all.add(row);
                }
                if (seen.get(l.section()).add(row)) {
                    rowsOf.get(l.section()).add(row);
                }
            }
        }
        // The list's template when every table has the list's columns; otherwise each section's own, shared by
        // the sections of the same columns where it does as well there as theirs.
        List<TableColumn> listColumns = settings.tableColumns();
        boolean listLevel = sectionColumns.values().stream().allMatch(listColumns::equals);
        List<Cell> listCells = listLevel ? cells(listColumns, all, settings, writer) : null;
        boolean listTemplate = listLevel && !isPlain(listCells, settings)
                && readsBack(template(listColumns, listCells, settings));
        Map<Section, List<EntryTemplate>> sectionEntries = new IdentityHashMap<>();
        Map<List<TableColumn>, List<Cell>> shared = new HashMap<>();
        for (Section section : sections) {
            List<TableColumn> columns = sectionColumns.get(section);
            List<Row> here = rowsOf.get(section);
            List<Cell> outer = listTemplate ? listCells : shared.get(columns);
            List<Cell> own = cells(columns, here, settings, writer);
            if (outer != null && score(columns, outer, here, settings, writer) >= score(columns, own, here, settings, writer)) {
                EntryTemplate template = template(columns, outer, settings);
                if (!listTemplate && readsBack(template)) {
                    sectionEntries.put(section, List.of(template));
                }
                continue;
            }
            // A section's own template also keeps the list's from its rows, when there is one.
            if (isPlain(own, settings) && !listTemplate) {
                continue;
            }
            if (!listLevel) {
                shared.putIfAbsent(columns, own);
            }
            EntryTemplate template = template(columns, own, settings);
            if (readsBack(template)) {
                sectionEntries.put(section, List.of(template));
            }
        }
        // A template that, once the rows are checked, writes no paper from more of its fields than before is
        // dropped, and the rows are checked again without it.
        for (int round = 0; round < 3; round++) {
            if (sectionEntries.isEmpty() && !listTemplate) {
                return catalog;
            }
            List<EntryTemplate> listEntries = new ArrayList<>(settings.entries());
            if (listTemplate) {
                listEntries.add(template(listColumns, listCells, settings));
            }
            Settings used = settings.withEntries(listEntries);
            Map<Paper, Paper> replaced = settle(listings, rows, all, settings, writer, used, sectionEntries);
            if (replaced == null) {
                return catalog;
            }
            Set<Section> useful = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Listing l : listings) {
                Paper now = replaced.get(l.paper());
                if (now != null && now != l.paper() && now.extra().size() < l.paper().extra().size()) {
                    useful.add(l.section());
                }
            }
            boolean shielding = listTemplate;
            boolean dropped = sectionEntries.keySet().removeIf(s -> !useful.contains(s) && !shielding);
            if (listTemplate && useful.isEmpty()) {
                listTemplate = false;
                sectionEntries.clear();
                dropped = true;
            }
            if (!dropped) {
                return new Catalog(used, EntryInference.replace(catalog.sections(), replaced, sectionEntries));
            }
        }
        return catalog;
    }

    /**
     * Each paper its fields alone where the templates write its cells as the list did, with the cells they do not
     * write kept as written; a listing written otherwise than before takes the paper as import read it, or with
     * every cell kept as written; {@code null} when one is still written otherwise.
     */
    private static Map<Paper, Paper> settle(List<Listing> listings, Map<Paper, Row> rows, List<Row> all, Settings settings,
                                            EntryTemplates writer, Settings used, Map<Section, List<EntryTemplate>> sectionEntries) {
        EntryTemplates check = writer(used);
        Map<Paper, Listing> first = new IdentityHashMap<>();
        listings.forEach(l -> first.putIfAbsent(l.paper(), l));
        Map<Paper, Paper> replaced = new IdentityHashMap<>();
        Map<List<Object>, EntryTemplate> cells = new HashMap<>();
        for (Row row : all) {
            replaced.put(row.original(), paper(row, used, check, sectionEntries, first.get(row.original()), cells));
        }
        for (Listing l : listings) {
            String before = ownRow(l.paper(), l.columns(), settings, writer);
            Paper now = replaced.getOrDefault(l.paper(), l.paper());
            if (before.equals(written(now, l, used, check, sectionEntries))) {
                continue;
            }
            if (!rows.containsKey(l.paper())) {
                return null;
            }
            Row row = rows.get(l.paper());
            replaced.put(l.paper(), before.equals(written(row.original(), l, used, check, sectionEntries))
                    ? row.original() : everyCellKept(row, l.columns()));
        }
        for (Listing l : listings) {
            Paper now = replaced.getOrDefault(l.paper(), l.paper());
            if (!ownRow(l.paper(), l.columns(), settings, writer).equals(written(now, l, used, check, sectionEntries))) {
                return null;
            }
        }
        return replaced;
    }

    // The papers listed in tables, with their sections and columns, and those listed elsewhere; false when a table
    // writes its rows by a row template already (not so of an import).
    private static boolean collect(List<Section> sections, Settings settings, List<Listing> out, Set<Paper> elsewhere) {
        for (Section s : sections) {
            boolean table = s.layout() != null ? s.layout().equals("table") : settings.tableLayout();
            if (table && s.entries().stream().anyMatch(EntryTemplate::tableRow)) {
                return false;
            }
            List<TableColumn> columns = s.columns().isEmpty() ? settings.tableColumns() : s.columns();
            for (Paper p : Part.listings(s.content())) {
                if (table) {
                    out.add(new Listing(p, s, columns));
                } else {
                    elsewhere.add(p);
                }
            }
            if (!collect(s.sections(), settings, out, elsewhere)) {
                return false;
            }
        }
        return true;
    }

    private static EntryTemplates writer(Settings settings) {
        return new EntryTemplates(settings, p -> MetricsText.code(p, settings, Figures.NONE),
                p -> MetricsText.citations(p, settings, Figures.NONE));
    }

    // The extra field that holds a column's cell: the column's header for a field's column, its field for an
    // extra column.
    private static String key(TableColumn c) {
        return c.field().equals("extra") ? c.key() : c.writtenKey();
    }

    private static Row row(Paper p, List<TableColumn> columns, Settings settings, EntryTemplates writer,
                           Map<TableColumn, EntryTemplate> ownCells) {
        List<String> cells = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (TableColumn c : columns) {
            cells.add(render(writer, ownCells.computeIfAbsent(c, k -> EntryTemplate.of(cellPieces(own(k, settings)))), p));
            keys.add(key(c));
        }
        Map<String, String> extra = new LinkedHashMap<>(p.extra());
        extra.keySet().removeAll(keys);
        return new Row(p, cells, p.withExtra(extra));
    }

    // The layout's own cell of a column: the cell kept as written, the field, or the empty cell.
    private static List<List<EntryTemplate.Piece>> own(TableColumn c, Settings settings) {
        EntryTemplate row = TableLayout.rowTemplate(List.of(c), settings);
        return ((EntryTemplate.Group) row.pieces().get(1)).alternatives();
    }

    // A cell with the given alternatives as a row of one cell.
    private static List<EntryTemplate.Piece> cellPieces(List<List<EntryTemplate.Piece>> alternatives) {
        return List.of(new EntryTemplate.Literal("| "), new EntryTemplate.Group(alternatives), new EntryTemplate.Literal(" |"));
    }

    private static String render(EntryTemplates writer, EntryTemplate cell, Paper p) {
        StringBuilder out = new StringBuilder();
        writer.renderOwn(cell, p, out);
        return out.substring(2, out.length() - 2);
    }

    // The column's alternatives: the cell kept as written, the forms, the layout's own field and the empty cell.
    private static List<List<EntryTemplate.Piece>> alternatives(TableColumn c, Cell cell, Settings settings, boolean kept) {
        List<List<EntryTemplate.Piece>> own = own(c, settings);
        List<List<EntryTemplate.Piece>> out = new ArrayList<>();
        boolean extraColumn = c.field().equals("extra");
        if (kept) {
            out.add(own.get(0));
        }
        cell.forms().forEach(f -> out.add(f.pieces()));
        if (!extraColumn) {
            out.add(own.get(1));
        }
        out.add(cell.empty());
        return out;
    }

    private static List<Cell> cells(List<TableColumn> columns, List<Row> rows, Settings settings, EntryTemplates writer) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(cell(columns.get(i), i, rows, settings, writer));
        }
        return out;
    }

    // A column's forms, taken the most shared first, each when it writes more of the column's cells as the list
    // wrote them than before; then the empty cell's mark the same way.
    private static Cell cell(TableColumn c, int i, List<Row> rows, Settings settings, EntryTemplates writer) {
        List<List<EntryTemplate.Piece>> own = own(c, settings);
        Cell cell = new Cell(List.of(), own.get(own.size() - 1));
        int best = explained(c, i, cell, rows, settings, writer);
        Map<String, Integer> uses = new LinkedHashMap<>();
        EntryTemplate plain = EntryTemplate.of(cellPieces(alternatives(c, cell, settings, false)));
        List<String> marks = new ArrayList<>();
        for (Row r : rows) {
            String written = r.cells().get(i);
            if (render(writer, plain, r.base()).equals(written)) {
                continue;
            }
            if (EMPTY_MARKS.contains(written)) {
                marks.add(written);
                continue;
            }
            String form = form(c, r.base(), written, writer);
            if (form != null) {
                uses.merge(form, 1, Integer::sum);
            }
        }
        List<String> ranked = uses.entrySet().stream().filter(e -> e.getValue() >= 2 || markupOnly(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST_FORMS).map(Map.Entry::getKey).toList();
        for (String source : ranked) {
            EntryTemplate form;
            try {
                form = EntryTemplate.parse(source);
            } catch (IllegalArgumentException unreadable) {
                continue;
            }
            // Last, or first: a form that shows more of the fields goes before one that shows fewer of them.
            Cell taken = cell;
            for (int at : new int[] {cell.forms().size(), 0}) {
                List<EntryTemplate> forms = new ArrayList<>(cell.forms());
                forms.add(at, form);
                Cell tried = new Cell(forms, cell.empty());
                int score = explained(c, i, tried, rows, settings, writer);
                if (score > best) {
                    best = score;
                    taken = tried;
                }
            }
            cell = taken;
        }
        for (String mark : new java.util.LinkedHashSet<>(marks)) {
            Cell tried = new Cell(cell.forms(), mark.isEmpty() ? List.of() : List.of(new EntryTemplate.Literal(mark)));
            int score = explained(c, i, tried, rows, settings, writer);
            if (score > best) {
                best = score;
                cell = tried;
            }
        }
        return cell;
    }

    // How many of the rows' cells in column i the cell writes as the list wrote them from the fields alone.
    private static int explained(TableColumn c, int i, Cell cell, List<Row> rows, Settings settings,
                                 EntryTemplates writer) {
        EntryTemplate template = EntryTemplate.of(cellPieces(alternatives(c, cell, settings, false)));
        int n = 0;
        for (Row row : rows) {
            n += render(writer, template, row.base()).equals(row.cells().get(i)) ? 1 : 0;
        }
        return n;
    }

    private static int score(List<TableColumn> columns, List<Cell> cells, List<Row> rows, Settings settings,
                             EntryTemplates writer) {
        int n = 0;
        for (int i = 0; i < columns.size(); i++) {
            n += explained(columns.get(i), i, cells.get(i), rows, settings, writer);
        }
        return n;
    }

    // Whether the cells are the layout's own: no form, and the list's empty cell.
    private static boolean isPlain(List<Cell> cells, Settings settings) {
        String empty = dev.paperlist.markdown.MarkdownText.text(settings.emptyCell());
        List<EntryTemplate.Piece> own = empty.isEmpty() ? List.of() : List.of(new EntryTemplate.Literal(empty));
        return cells.stream().allMatch(c -> c.forms().isEmpty() && c.empty().equals(own));
    }

    // Whether papers.yaml can hold the template: its text reads back as the same template (a header with a brace
    // names an extra field no slot can spell).
    private static boolean readsBack(EntryTemplate template) {
        try {
            return EntryTemplate.of(EntryTemplate.parse(template.source()).pieces()).source().equals(template.source());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static EntryTemplate template(List<TableColumn> columns, List<Cell> cells, Settings settings) {
        List<EntryTemplate.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pieces.add(new EntryTemplate.Literal(i == 0 ? "| " : " | "));
            pieces.add(new EntryTemplate.Group(alternatives(columns.get(i), cells.get(i), settings, true)));
        }
        pieces.add(new EntryTemplate.Literal(" |"));
        return EntryTemplate.of(pieces);
    }

    // The slots a column's cell may hold, besides the extra fields the paper has apart from its cells: its own
    // field, and the paper's link and code, which any cell may link to.
    private static List<String> slots(TableColumn c) {
        List<String> own = switch (c.field()) {
            case "title" -> List.of("link", "title", "alias");
            case "name" -> List.of("name", "alias");
            case "venue", "authors", "tags", "notes", "abstract" -> List.of(c.field());
            case "supplement" -> List.of("badges");
            default -> List.of();
        };
        List<String> out = new ArrayList<>(own);
        out.addAll(List.of("stars", "code", "url"));
        return out;
    }

    /**
     * The cell as a form: the written text with a slot wherever a field of the paper appears whole, longest
     * values first so that a title is not cut by a shorter field inside it; the date in the spelling the cell
     * uses. {@code null} when no field appears, or the form does not read back.
     */
    static String form(TableColumn c, Paper p, String written, EntryTemplates writer) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String slot : slots(c)) {
            if (slot.equals("link") && p.url() == null) {
                continue;
            }
            String value = writer.value(slot, p);
            if (value != null && !value.isEmpty()) {
                values.put("{" + slot + "}", value);
            }
        }
        p.extra().forEach((k, v) -> {
            if (!k.equals(Paper.WRITTEN) && !v.isEmpty() && !k.contains("{") && !k.contains("}")) {
                values.put("{extra:" + k + "}", v);
            }
        });
        List<Object> pieces = new ArrayList<>(List.of(written));
        values.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()))
                .forEach(e -> EntryInference.substitute(pieces, e.getKey(), e.getValue(),
                        e.getKey().equals("{url}") || e.getKey().equals("{code}")));
        if (c.field().equals("date") && p.submitted() != null) {
            date(pieces, p);
        }
        StringBuilder source = new StringBuilder();
        boolean slot = false;
        for (Object piece : pieces) {
            if (piece instanceof EntryInference.Slot s) {
                source.append(s.text());
                slot = true;
            } else {
                source.append(EntryTemplate.literal((String) piece));
            }
        }
        return slot ? source.toString() : null;
    }

    // The paper's date where the cell spells it, in the first spelling that writes it so.
    private static void date(List<Object> pieces, Paper p) {
        List<String> spellings = new ArrayList<>(DateSpelling.KNOWN);
        spellings.addAll(List.of("MM/yyyy", "MM.yyyy", "MM-yyyy"));
        for (String pattern : spellings) {
            String spelled = DateSpelling.of(pattern).format(p.submitted()).orElse(null);
            if (spelled == null) {
                continue;
            }
            for (Object piece : pieces) {
                if (piece instanceof String text && text.contains(spelled)) {
                    EntryInference.substitute(pieces, "{date:" + pattern + "}", spelled, false);
                    return;
                }
            }
        }
    }

    // Whether a form's text around its slots is marks alone, no words: it may be a list's way for one row.
    private static boolean markupOnly(String source) {
        String text = source.replaceAll("\\{[a-z]+(:[^{}]*)?\\}", "");
        return text.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    // The paper as the templates write it: its fields, with the cells they do not write kept as written.
    private static Paper paper(Row row, Settings used, EntryTemplates check, Map<Section, List<EntryTemplate>> sectionEntries,
                               Listing at, Map<List<Object>, EntryTemplate> cells) {
        List<EntryTemplate> templates = sectionEntries.getOrDefault(at.section(), List.of());
        Map<String, String> extra = new LinkedHashMap<>(row.base().extra());
        List<TableColumn> columns = at.columns();
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = columns.get(i);
            EntryTemplate template = templates.isEmpty() ? used.entries().stream().filter(EntryTemplate::tableRow)
                    .findFirst().orElse(null) : templates.get(0);
            int column = i;
            // Without the first alternative, the cell kept as written; made once for each template and column.
            EntryTemplate cell = cells.computeIfAbsent(java.util.Arrays.asList(template, c, i), k -> {
                List<List<EntryTemplate.Piece>> alternatives = template == null ? own(c, used)
                        : ((EntryTemplate.Group) template.pieces().get(2 * column + 1)).alternatives();
                return EntryTemplate.of(cellPieces(alternatives.subList(1, alternatives.size())));
            });
            if (!render(check, cell, row.base()).equals(row.cells().get(i))) {
                String was = row.original().extra().get(key(c));
                extra.put(key(c), was != null ? was : unescapeBars(row.cells().get(i)));
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        row.original().extra().keySet().forEach(k -> {
            if (extra.containsKey(k)) {
                ordered.put(k, extra.get(k));
            }
        });
        ordered.putAll(extra);
        return row.base().withExtra(ordered);
    }

    // The paper with every cell kept as written, which any row template writes as it was.
    private static Paper everyCellKept(Row row, List<TableColumn> columns) {
        Map<String, String> extra = new LinkedHashMap<>(row.original().extra());
        for (int i = 0; i < columns.size(); i++) {
            extra.putIfAbsent(key(columns.get(i)), unescapeBars(row.cells().get(i)));
        }
        return row.original().withExtra(extra);
    }

    // A cell as an extra field holds '|' where the row writes '\|'.
    private static String unescapeBars(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(i + 1);
                out.append(next == '|' ? "|" : "\\" + next);
                i++;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String ownRow(Paper p, List<TableColumn> columns, Settings settings, EntryTemplates writer) {
        StringBuilder out = new StringBuilder();
        writer.renderOwn(TableLayout.rowTemplate(columns, settings), p, out);
        return out.toString();
    }

    private static String written(Paper p, Listing l, Settings used, EntryTemplates check,
                                  Map<Section, List<EntryTemplate>> sectionEntries) {
        String row = check.row(p, sectionEntries.getOrDefault(l.section(), List.of()));
        return row != null ? row : ownRow(p, l.columns(), used, check);
    }
}
