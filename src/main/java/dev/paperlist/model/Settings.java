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
 * @param outputs the files to render, each with its layout; empty means README.md in {@code layout}
 * @param lintDisabled the {@code paperlist lint} rules switched off for this catalogue
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
        String emptyCell,
        java.util.List<Output> outputs,
        java.util.List<LintRule> lintDisabled) {

    public static final java.util.List<String> LAYOUTS = java.util.List.of("notes", "table", "list");

    public static final Settings DEFAULT = new Settings("None (temporal)", Labels.DEFAULT, "; ", ", ", true, true, 1,
            "notes", TableColumn.DEFAULT_COLUMNS, "-", java.util.List.of(), java.util.List.of());

    public Settings {
        tableColumns = java.util.List.copyOf(tableColumns);
        outputs = java.util.List.copyOf(outputs);
        lintDisabled = java.util.List.copyOf(lintDisabled);
    }

    /** The same settings with another layout, for an output that has its own. */
    public Settings withLayout(String otherLayout) {
        return new Settings(notAccepted, labels, authorSeparator, tagSeparator, toc, tocPapers, topHeadingLevel,
                otherLayout, tableColumns, emptyCell, outputs, lintDisabled);
    }

    public boolean tableLayout() {
        return "table".equals(layout);
    }
}
