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
 * @param tagPages where and how tag pages are written; {@code null} when they are not
 * @param sizeBudget the size in bytes each output should stay under
 * @param split where sections go when a README would exceed its budget; {@code null} to never split
 * @param metrics what the output shows of the figures {@code refresh} fetched; {@link Metrics#OFF} for none
 * @param entries how the list writes its papers' entries, tried in order before the layout's own form (list
 *     and notes layouts); a section's own come first
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
        java.util.List<LintRule> lintDisabled,
        TagPages tagPages,
        long sizeBudget,
        Split split,
        Metrics metrics,
        java.util.List<EntryTemplate> entries) {

    public static final java.util.List<String> LAYOUTS = java.util.List.of("notes", "table", "list");

    /** 450 KiB: under the 512 KiB past which GitHub stops showing a README, with room for growth. */
    public static final long DEFAULT_SIZE_BUDGET = 450L * 1024;

    public static final Settings DEFAULT = new Settings("None (temporal)", Labels.DEFAULT, "; ", ", ", true, true, 1,
            "notes", TableColumn.DEFAULT_COLUMNS, "-", java.util.List.of(), java.util.List.of(), null, DEFAULT_SIZE_BUDGET, null, Metrics.OFF);

    /**
     * Per-topic pages on GitHub.
     *
     * @param folder the folder of the pages, relative to the catalogue's folder
     * @param visible how many papers a topic page shows before its "more" fold
     */
    public record TagPages(String folder, int visible) {
        public static final TagPages DEFAULT = new TagPages("tags", 3);
    }

    /**
     * Moving whole top-level sections of an over-budget README onto pages of their own.
     *
     * @param folder the folder of the section pages, relative to the README's folder
     */
    public record Split(String folder) {
        public static final Split DEFAULT = new Split("sections");
    }

    /**
     * What the output shows of the figures in the metrics data file; all off by default, so a list renders
     * the same with or without the file.
     *
     * @param stars {@code badge} (the live shields.io badge), {@code text} (the count, such as ★ 12.3k, with
     *     the badge where there is no count) or {@code both}
     * @param citations whether to show citation counts
     * @param archived whether to mark archived repositories
     * @param staleMonths mark repositories without a push for this many months; 0 for never
     * @param sort how papers are ordered within a section: {@code stars}, {@code citations}, {@code date},
     *     {@code name}, or {@code null} for as written
     * @param trending mark repositories that gained at least this many stars since the refresh before; 0 for never
     */
    public record Metrics(String stars, boolean citations, boolean archived, int staleMonths, String sort,
                          int trending) {
        public static final Metrics OFF = new Metrics("badge", false, false, 0, null, 0);
        public static final java.util.List<String> STARS = java.util.List.of("badge", "text", "both");
        public static final java.util.List<String> SORTS = java.util.List.of("stars", "citations", "date", "name");
    }

    public Settings {
        java.util.Objects.requireNonNull(metrics, "metrics");
        tableColumns = java.util.List.copyOf(tableColumns);
        outputs = java.util.List.copyOf(outputs);
        lintDisabled = java.util.List.copyOf(lintDisabled);
        entries = java.util.List.copyOf(entries);
        if (sizeBudget <= 0) {
            throw new IllegalArgumentException("size budget must be positive, got " + sizeBudget);
        }
    }

    /** The settings with the layouts' own entry forms. */
    public Settings(String notAccepted, Labels labels, String authorSeparator, String tagSeparator, boolean toc,
                    boolean tocPapers, int topHeadingLevel, String layout, java.util.List<TableColumn> tableColumns,
                    String emptyCell, java.util.List<Output> outputs, java.util.List<LintRule> lintDisabled,
                    TagPages tagPages, long sizeBudget, Split split, Metrics metrics) {
        this(notAccepted, labels, authorSeparator, tagSeparator, toc, tocPapers, topHeadingLevel, layout, tableColumns,
                emptyCell, outputs, lintDisabled, tagPages, sizeBudget, split, metrics, java.util.List.of());
    }

    /** The settings without figures. */
    public Settings(String notAccepted, Labels labels, String authorSeparator, String tagSeparator, boolean toc,
                    boolean tocPapers, int topHeadingLevel, String layout, java.util.List<TableColumn> tableColumns,
                    String emptyCell, java.util.List<Output> outputs, java.util.List<LintRule> lintDisabled,
                    TagPages tagPages, long sizeBudget, Split split) {
        this(notAccepted, labels, authorSeparator, tagSeparator, toc, tocPapers, topHeadingLevel, layout, tableColumns,
                emptyCell, outputs, lintDisabled, tagPages, sizeBudget, split, Metrics.OFF);
    }

    /** The settings of the README layouts alone; tag pages, budget and splitting take their defaults. */
    public Settings(String notAccepted, Labels labels, String authorSeparator, String tagSeparator, boolean toc,
                    boolean tocPapers, int topHeadingLevel, String layout, java.util.List<TableColumn> tableColumns,
                    String emptyCell, java.util.List<Output> outputs) {
        this(notAccepted, labels, authorSeparator, tagSeparator, toc, tocPapers, topHeadingLevel, layout, tableColumns,
                emptyCell, outputs, java.util.List.of(), null, DEFAULT_SIZE_BUDGET, null, Metrics.OFF);
    }

    /** The same settings with another layout, for an output that has its own. */
    public Settings withLayout(String otherLayout) {
        return new Settings(notAccepted, labels, authorSeparator, tagSeparator, toc, tocPapers, topHeadingLevel,
                otherLayout, tableColumns, emptyCell, outputs, lintDisabled, tagPages, sizeBudget, split, metrics, entries);
    }

    /** The same settings with other entry templates. */
    public Settings withEntries(java.util.List<EntryTemplate> otherEntries) {
        return new Settings(notAccepted, labels, authorSeparator, tagSeparator, toc, tocPapers, topHeadingLevel,
                layout, tableColumns, emptyCell, outputs, lintDisabled, tagPages, sizeBudget, split, metrics, otherEntries);
    }

    public boolean tableLayout() {
        return "table".equals(layout);
    }
}
