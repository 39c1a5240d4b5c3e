package dev.paperlist.export;

import dev.paperlist.catalog.PaperFields;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue as CSV by RFC 4180: a header row, one row per paper in catalogue order, CRLF line
 * breaks, and a field quoted (with its quotes doubled) exactly when it holds a comma, a quote or a
 * line break. Lists are joined with {@code "; "} and section paths with {@code " / "}. Cells that would
 * start a spreadsheet formula are prefixed with {@code '}.
 */
public final class CsvExporter {
    // The established order; a field PaperFields gives a CSV name and this list does not is written after it.
    static final List<String> COLUMNS = PaperFields.exportOrder(List.of("key", "name", "title", "url", "arxiv", "venue",
            "submitted", "added", "authors", "topics", "tags", "code", "sections", "summary", "comment", "image",
            "abstract"), PaperFields.Exports::csv);
    private static final List<PaperFields.Field<?>> FIELDS = COLUMNS.stream()
            .<PaperFields.Field<?>>map(name -> PaperFields.byExportName(name, PaperFields.Exports::csv)).toList();

    private CsvExporter() {}

    public static String export(Catalog catalog) {
        List<Paper> papers = catalog.distinctPapers();
        Map<Paper, String> keys = BibtexKeys.of(papers);
        Listings listings = new Listings(catalog);
        StringBuilder out = new StringBuilder(papers.size() * 300);
        row(out, COLUMNS);
        for (Paper p : papers) {
            List<String> sections = new ArrayList<>();
            for (List<String> path : listings.of(p)) {
                sections.add(String.join(" / ", path));
            }
            List<String> cells = new ArrayList<>(COLUMNS.size());
            for (int i = 0; i < COLUMNS.size(); i++) {
                PaperFields.Field<?> field = FIELDS.get(i);
                cells.add(field != null ? cell(field.exportedValue(p))
                        : COLUMNS.get(i).equals("key") ? keys.get(p) : String.join("; ", sections));
            }
            row(out, cells);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * One cell. A value that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return) gets a {@code '} in front, OWASP's rule against
     * CSV injection, so that a title such as {@code =HYPERLINK(...)} is shown as text and never run.
     */
    static String field(String raw) {
        String value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    // Text as it is, a list of texts joined, nothing for an absent value.
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
                : value.toString();
    }
}
