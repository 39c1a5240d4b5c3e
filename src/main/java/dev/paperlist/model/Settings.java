package dev.paperlist.model;

/**
 * How the list is rendered: everything that is a matter of taste rather than data.
 *
 * @param notAccepted what the Accepted line says for a paper with no venue
 * @param topHeadingLevel the Markdown heading level of top-level sections (1 = {@code #})
 * @param tocPapers whether the table of contents lists papers as well as sections
 * @param layout {@code notes} (a heading and field list per paper) or {@code table} (a table per section)
 * @param tableColumns the columns of the table layout
 * @param emptyCell what an empty table cell shows
 */
public record Settings(
        String notAccepted,
        Labels labels,
        String authorSeparator,
        String tagSeparator,
        boolean toc,
        boolean tocPapers,
        int topHeadingLevel,
        String layout,
        java.util.List<TableColumn> tableColumns,
        String emptyCell) {

    public static final java.util.List<String> LAYOUTS = java.util.List.of("notes", "table");

    public static final Settings DEFAULT = new Settings("None (temporal)", Labels.DEFAULT, "; ", ", ", true, true, 1,
            "notes", TableColumn.DEFAULT_COLUMNS, "-");

    public Settings {
        tableColumns = java.util.List.copyOf(tableColumns);
    }

    public boolean tableLayout() {
        return "table".equals(layout);
    }
}
