package dev.paperlist.model;

import java.util.List;
import java.util.Map;

/**
 * One column of the table layout: which paper field it shows, its header and its alignment.
 *
 * @param field one of {@link #FIELDS}, or {@code extra} for a column showing a paper's extra field
 * @param key for an {@code extra} column, the extra field it shows; otherwise {@code null}
 * @param suffix for a {@code title} column, an extra field written after the title link (a hand-written
 *     list's {@code (Org)} note); otherwise {@code null}
 * @param headerMarkdown the header cell as the list wrote it ({@code **Paper**}), written as it is in place
 *     of {@code header}, which is shown as plain text; {@code null} when there is none
 */
public record TableColumn(String field, String header, Alignment alignment, String key, String suffix,
                          String headerMarkdown) {
    /** A column of a built-in field. */
    public TableColumn(String field, String header, Alignment alignment) {
        this(field, header, alignment, null, null, null);
    }

    /** A column whose header is plain text. */
    public TableColumn(String field, String header, Alignment alignment, String key, String suffix) {
        this(field, header, alignment, key, suffix, null);
    }

    /** The same column with its header cell written as {@code markdown}. */
    /**
     * The extra field that holds this column's cell as an imported list wrote it, for a column of a
     * built-in field: its header (the field's name when the header is empty).
     */
    public String writtenKey() {
        return header.isEmpty() ? field : header;
    }

    public TableColumn withHeaderMarkdown(String markdown) {
        return new TableColumn(field, header, alignment, key, suffix, markdown);
    }

    /** How a column's cells line up, written in the table's delimiter row. */
    public enum Alignment { LEFT, CENTER, RIGHT, NONE }

    /** The fields a column can show, with their default headers. */
    public static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", "Title"), Map.entry("name", "Name"), Map.entry("venue", "Venue"),
            Map.entry("date", "Date"), Map.entry("code", "Code"), Map.entry("supplement", "Supplement"),
            Map.entry("authors", "Authors"), Map.entry("tags", "Tags"), Map.entry("notes", "Notes"),
            Map.entry("abstract", "Abstract"));

    /** The compact layout of large lists: Title, Venue, Date, Code, Supplement. */
    public static final List<TableColumn> DEFAULT_COLUMNS = List.of(
            new TableColumn("title", "Title", Alignment.LEFT),
            new TableColumn("venue", "Venue", Alignment.CENTER),
            new TableColumn("date", "Date", Alignment.CENTER),
            new TableColumn("code", "Code", Alignment.CENTER),
            new TableColumn("supplement", "Supplement", Alignment.CENTER));
}
