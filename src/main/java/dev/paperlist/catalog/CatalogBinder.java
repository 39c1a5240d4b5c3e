package dev.paperlist.catalog;

import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.yaml.YamlNode;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Labels;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Output;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.model.TableColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns the YAML tree into the model, checking every key, type and value on the way. The first
 * problem stops loading with a one-line message that names the file, line and column.
 */
public final class CatalogBinder {
    public static final int MAX_SECTION_DEPTH = 5;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static final List<String> ROOT_KEYS = List.of("settings", "sections");
    static final List<String> SETTINGS_KEYS = SettingsKeys.keys();
    static final List<String> METRICS_KEYS = List.of("stars", "citations", "archived", "stale_months", "sort",
            "trending");
    static final List<String> LINT_KEYS = List.of("disable");
    static final List<String> TAG_PAGES_KEYS = List.of("folder", "visible");
    static final List<String> SPLIT_KEYS = List.of("folder");
    static final List<String> OUTPUT_KEYS = List.of("file", "layout", "entries");
    static final List<String> TABLE_KEYS = List.of("columns", "empty");
    static final List<String> COLUMN_KEYS = List.of("field", "extra", "header", "header_markdown", "align", "suffix");
    static final List<String> LABEL_KEYS = SettingsKeys.labelKeys();
    static final List<String> SECTION_KEYS = List.of("title", "heading_level", "text", "layout", "columns", "entries",
            "papers", "sections");
    public static final List<String> PAPER_KEYS = PaperFields.keys();
    static final List<String> REF_KEYS = List.of("ref");
    static final List<String> TEXT_PART_KEYS = List.of("text");
    static final List<String> ITEM_PART_KEYS = List.of("item", "papers");
    static final List<String> BADGE_KEYS = PaperFields.keys(PaperFields.BADGE);
    static final List<String> NOTE_KEYS = PaperFields.keys(PaperFields.NOTE);
    // Required fields are read first, so that the paper's name can be named in every later message.
    private static final List<PaperFields.Field<?>> READING_ORDER = java.util.stream.Stream.concat(
            PaperFields.ALL.stream().filter(PaperFields.Field::required),
            PaperFields.ALL.stream().filter(f -> !f.required())).toList();

    private final String fileName;
    private final Map<String, Paper> papersById = new HashMap<>();
    private final Map<String, List<Paper>> papersByName = new HashMap<>();
    private final List<PendingRef> pendingRefs = new ArrayList<>();

    CatalogBinder(String fileName) {
        this.fileName = fileName;
    }

    Catalog bind(YamlNode root) {
        return bind(root, null);
    }

    /**
     * The same, with the papers of the last top-level sections bound on {@code side} (when not null) while this
     * thread binds the first ones, until the two meet: a paper is bound the same wherever it is, and what it
     * has to say about itself, this thread says again in its turn (the side's findings are dropped).
     */
    Catalog bind(YamlNode root, java.util.concurrent.ExecutorService side) {
        YamlNode.Mapping top = mapping(root, "the catalogue");
        checkKeys(top, ROOT_KEYS, "the catalogue");
        Settings settings = top.entries().containsKey("settings")
                ? settings(mapping(value(top, "settings"), "'settings'"))
                : Settings.DEFAULT;
        YamlNode.Entry sectionsEntry = top.entries().get("sections");
        if (sectionsEntry == null) {
            throw error(top.position(), "missing key 'sections' (the list of top-level sections)");
        }
        List<SectionDraft> drafts = new ArrayList<>();
        List<YamlNode> items = sequence(sectionsEntry.value(), "'sections'").items();
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        if (side != null && items.size() > 1) {
            boundAhead = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
            CatalogBinder ahead = new CatalogBinder(fileName);
            side.execute(() -> {
                for (int i = items.size() - 1; i > reached.get(); i--) {
                    ahead.bindPapersAhead(items.get(i), boundAhead);
                }
            });
        }
        for (int i = 0; i < items.size(); i++) {
            reached.set(i);
            drafts.add(sectionDraft(items.get(i), 1, settings.topHeadingLevel(), settings));
        }
        reached.set(items.size());
        boundAhead = null;
        resolveRefs();
        List<Section> sections = new ArrayList<>();
        for (SectionDraft draft : drafts) {
            sections.add(draft.build(""));
        }
        return new Catalog(settings, sections);
    }

    // ---- settings ----

    private Settings settings(YamlNode.Mapping map) {
        checkKeys(map, SETTINGS_KEYS, "'settings'");
        Settings d = Settings.DEFAULT;
        Labels labels = d.labels();
        if (map.entries().containsKey("labels")) {
            YamlNode.Mapping l = mapping(value(map, "labels"), "'labels'");
            checkKeys(l, LABEL_KEYS, "'labels'");
            Labels dl = Labels.DEFAULT;
            labels = new Labels(
                    optionalText(l, "paper", dl.paper()),
                    optionalText(l, "accepted", dl.accepted()),
                    optionalText(l, "submitted", dl.submitted()),
                    optionalText(l, "authors", dl.authors()),
                    optionalText(l, "tags", dl.tags()),
                    optionalText(l, "abstract", dl.abstractText()),
                    optionalText(l, "notes", dl.notes()));
        }
        int level = d.topHeadingLevel();
        if (map.entries().containsKey("top_heading_level")) {
            YamlNode.Scalar s = scalar(value(map, "top_heading_level"), "'top_heading_level'");
            if (!s.text().matches("[1-6]")) {
                throw error(s.position(), "'top_heading_level' must be a number from 1 to 6, got '" + s.text() + "'");
            }
            level = Integer.parseInt(s.text());
        }
        String layout = layout(map, d.layout());
        List<TableColumn> columns = d.tableColumns();
        String emptyCell = d.emptyCell();
        if (map.entries().containsKey("table")) {
            YamlNode.Mapping table = mapping(value(map, "table"), "'table'");
            checkKeys(table, TABLE_KEYS, "'table'");
            emptyCell = rawText(table, "empty", emptyCell);
            if (table.entries().containsKey("columns")) {
                columns = columns(value(table, "columns"));
            }
        }
        List<Output> outputs = new ArrayList<>();
        if (map.entries().containsKey("outputs")) {
            Map<String, SourcePosition> files = new HashMap<>();
            for (YamlNode item : sequence(value(map, "outputs"), "'outputs'").items()) {
                YamlNode.Mapping output = mapping(item, "an output");
                checkKeys(output, OUTPUT_KEYS, "an output");
                String file = requiredText(output, "file", "an output");
                if (file.startsWith("/") || java.nio.file.Path.of(file).normalize().startsWith("..")) {
                    throw error(value(output, "file").position(),
                            "an output 'file' must be a path inside the catalogue's folder, got '" + file + "'");
                }
                if (insideGit(file)) {
                    throw error(value(output, "file").position(), "an output 'file' must not be inside .git or a"
                            + " folder whose name starts with .git, got '" + file + "'");
                }
                SourcePosition first = files.putIfAbsent(file, value(output, "file").position());
                if (first != null) {
                    throw error(value(output, "file").position(), "output '" + file + "' is already listed at line "
                            + first.line());
                }
                outputs.add(new Output(file, layout(output, layout),
                        output.entries().containsKey("entries") ? entries(value(output, "entries"), columns) : List.of()));
            }
        }
        return new Settings(
                optionalText(map, "not_accepted", d.notAccepted()),
                labels,
                rawText(map, "author_separator", d.authorSeparator()),
                rawText(map, "tag_separator", d.tagSeparator()),
                bool(map, "toc", d.toc()),
                bool(map, "toc_papers", d.tocPapers()),
                level,
                layout,
                columns,
                emptyCell,
                outputs,
                lintDisabled(map),
                tagPages(map),
                sizeBudget(map),
                split(map),
                metrics(map),
                map.entries().containsKey("entries") ? entries(value(map, "entries"), columns) : List.of());
    }

    /**
     * {@code entries}: how the list writes its papers' entries, each a template such as
     * {@code "- [{title}]({url}) ({date:MMM yyyy})"}; a template that does not read is refused at its line,
     * and so is a table row of another number of cells than the table's columns, whose values GitHub would
     * drop or shift.
     */
    private List<EntryTemplate> entries(YamlNode node, List<TableColumn> columns) {
        List<EntryTemplate> out = new ArrayList<>();
        for (YamlNode item : sequence(node, "'entries'").items()) {
            YamlNode.Scalar scalar = scalar(item, "an entry template");
            String source = text(scalar, "an entry template");
            try {
                EntryTemplate template = EntryTemplate.parse(source);
                if (out.contains(template)) {
                    throw error(scalar.position(), "the entry template '" + oneLine(source) + "' is listed twice");
                }
                int cells = template.cells();
                if (cells >= 0 && cells != columns.size()) {
                    throw error(scalar.position(), "the table-row template '" + oneLine(source) + "' writes "
                            + cells + (cells == 1 ? " cell" : " cells") + " and the table has " + columns.size()
                            + " columns (" + String.join(", ", columns.stream().map(TableColumn::header).toList())
                            + "): GitHub drops the cells past the header's and leaves missing ones empty");
                }
                out.add(template);
            } catch (IllegalArgumentException e) {
                throw error(scalar.position(), "the entry template '" + oneLine(source) + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static String oneLine(String text) {
        return text.replace("\n", "\\n");
    }

    /** {@code lint: {disable: [rule-id, ...]}}: rules of {@code paperlist lint} this list does not want. */
    private List<LintRule> lintDisabled(YamlNode.Mapping settings) {
        if (!settings.entries().containsKey("lint")) {
            return List.of();
        }
        YamlNode.Mapping lint = mapping(value(settings, "lint"), "'lint'");
        checkKeys(lint, LINT_KEYS, "'lint'");
        List<LintRule> disabled = new ArrayList<>();
        if (lint.entries().containsKey("disable")) {
            for (YamlNode item : sequence(value(lint, "disable"), "'disable'").items()) {
                String id = text(scalar(item, "a lint rule"), "a lint rule");
                LintRule rule = LintRule.byId(id).orElseThrow(() -> error(item.position(), "unknown lint rule '" + id
                        + "'" + DidYouMean.hint(id, LintRule.ids()) + "; rules: " + String.join(", ", LintRule.ids())));
                if (!disabled.contains(rule)) {
                    disabled.add(rule);
                }
            }
        }
        return disabled;
    }

    /** {@code tag_pages: true}, or a mapping of its keys; absent or {@code false} means no tag pages. */
    private Settings.TagPages tagPages(YamlNode.Mapping map) {
        YamlNode node = map.entries().containsKey("tag_pages") ? value(map, "tag_pages") : null;
        if (node == null || !switchedOn(node, "'tag_pages'")) {
            return null;
        }
        Settings.TagPages d = Settings.TagPages.DEFAULT;
        if (node instanceof YamlNode.Scalar) {
            return d;
        }
        YamlNode.Mapping pages = mapping(node, "'tag_pages'");
        checkKeys(pages, TAG_PAGES_KEYS, "'tag_pages'");
        int visible = d.visible();
        if (pages.entries().containsKey("visible")) {
            YamlNode.Scalar s = scalar(value(pages, "visible"), "'visible'");
            if (!s.text().matches("[0-9]{1,4}")) {
                throw error(s.position(), "'visible' must be a whole number from 0 to 9999, got '" + s.text() + "'");
            }
            visible = Integer.parseInt(s.text());
        }
        return new Settings.TagPages(folder(pages, d.folder()), visible);
    }

    /** {@code metrics:}, what the output shows of the figures {@code refresh} fetched; absent means nothing. */
    private Settings.Metrics metrics(YamlNode.Mapping map) {
        Settings.Metrics d = Settings.Metrics.OFF;
        if (!map.entries().containsKey("metrics")) {
            return d;
        }
        YamlNode.Mapping m = mapping(value(map, "metrics"), "'metrics'");
        checkKeys(m, METRICS_KEYS, "'metrics'");
        String stars = oneOf(m, "stars", Settings.Metrics.STARS, d.stars());
        String sort = oneOf(m, "sort", Settings.Metrics.SORTS, d.sort());
        return new Settings.Metrics(stars, bool(m, "citations", d.citations()), bool(m, "archived", d.archived()),
                wholeNumber(m, "stale_months", d.staleMonths()), sort, wholeNumber(m, "trending", d.trending()));
    }

    private String oneOf(YamlNode.Mapping map, String key, List<String> allowed, String fallback) {
        if (!map.entries().containsKey(key)) {
            return fallback;
        }
        YamlNode.Scalar s = scalar(value(map, key), "'" + key + "'");
        if (!allowed.contains(s.text())) {
            throw error(s.position(), "'" + key + "' must be one of " + String.join(", ", allowed) + ", got '" + s.text()
                    + "'" + DidYouMean.hint(s.text(), allowed));
        }
        return s.text();
    }

    private int wholeNumber(YamlNode.Mapping map, String key, int fallback) {
        if (!map.entries().containsKey(key)) {
            return fallback;
        }
        YamlNode.Scalar s = scalar(value(map, key), "'" + key + "'");
        if (!s.text().matches("[0-9]{1,6}")) {
            throw error(s.position(), "'" + key + "' must be a whole number from 0 to 999999, got '" + s.text() + "'");
        }
        return Integer.parseInt(s.text());
    }

    /** {@code split_sections: true}, or a mapping of its keys; absent or {@code false} means never split. */
    private Settings.Split split(YamlNode.Mapping map) {
        YamlNode node = map.entries().containsKey("split_sections") ? value(map, "split_sections") : null;
        if (node == null || !switchedOn(node, "'split_sections'")) {
            return null;
        }
        if (node instanceof YamlNode.Scalar) {
            return Settings.Split.DEFAULT;
        }
        YamlNode.Mapping split = mapping(node, "'split_sections'");
        checkKeys(split, SPLIT_KEYS, "'split_sections'");
        return new Settings.Split(folder(split, Settings.Split.DEFAULT.folder()));
    }

    // A scalar must be true or false; a mapping switches the feature on.
    private boolean switchedOn(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s) {
            return switch (s.text()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(s.position(), what + " must be true, false or a mapping, got '" + s.text() + "'");
            };
        }
        mapping(node, what);
        return true;
    }

    // A folder of generated pages: inside the catalogue's folder, and not that folder itself, whose
    // other files paperlist must never take for its own.
    private String folder(YamlNode.Mapping map, String fallback) {
        String folder = optionalText(map, "folder", fallback);
        String normal = folder.replaceAll("/+$", "");
        if (folder.startsWith("/") || folder.contains("\\") || normal.isEmpty() || normal.equals(".")
                || java.util.Arrays.asList(normal.split("/")).contains("..")) {
            throw error(value(map, "folder").position(), "'folder' must be a sub-folder of the catalogue's folder,"
                    + " such as 'tags', got '" + folder + "'");
        }
        if (insideGit(folder)) {
            throw error(value(map, "folder").position(), "'folder' must not be inside .git or a folder whose name"
                    + " starts with .git, got '" + folder + "'");
        }
        return java.nio.file.Path.of(normal).normalize().toString();
    }

    /**
     * Whether a path has a part whose name starts with {@code .git}, in any case: git's own folder (its
     * hooks and config run code), and the files and folders git reads beside it.
     */
    private static boolean insideGit(String path) {
        for (String part : path.split("[/\\\\]")) {
            if (part.toLowerCase(java.util.Locale.ROOT).startsWith(".git")) {
                return true;
            }
        }
        return false;
    }

    /** A size such as {@code 450 KB}, {@code 1 MB} or {@code 300000} (bytes); KB and MB count 1,024. */
    private long sizeBudget(YamlNode.Mapping map) {
        if (!map.entries().containsKey("size_budget")) {
            return Settings.DEFAULT_SIZE_BUDGET;
        }
        YamlNode.Scalar s = scalar(value(map, "size_budget"), "'size_budget'");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9}) ?(B|KB|KiB|MB|MiB)?")
                .matcher(s.text().strip());
        long bytes = 0;
        if (m.matches()) {
            String unit = m.group(2) == null ? "B" : m.group(2);
            bytes = Long.parseLong(m.group(1)) * (unit.startsWith("M") ? 1024L * 1024 : unit.startsWith("K") ? 1024L : 1L);
        }
        if (bytes <= 0) {
            throw error(s.position(), "'size_budget' must be a positive size such as 450 KB, 1 MB or 300000 (bytes),"
                    + " got '" + s.text() + "'");
        }
        return bytes;
    }

    private String layout(YamlNode.Mapping map, String fallback) {
        return layout(map, fallback, Settings.LAYOUTS, "'layout'", "");
    }

    // what: how the message names the key; why: what it adds when the value is a layout not allowed here.
    private String layout(YamlNode.Mapping map, String fallback, List<String> allowed, String what, String why) {
        String layout = optionalText(map, "layout", fallback);
        if (layout != null && !allowed.contains(layout)) {
            throw error(value(map, "layout").position(), what + " must be one of " + String.join(", ", allowed)
                    + ", got '" + layout + "'" + (Settings.LAYOUTS.contains(layout) ? why
                    : DidYouMean.hint(layout, allowed)));
        }
        return layout;
    }

    private List<TableColumn> columns(YamlNode node) {
        List<TableColumn> columns = new ArrayList<>();
        for (YamlNode item : sequence(node, "'columns'").items()) {
            columns.add(column(item));
        }
        if (columns.isEmpty()) {
            throw error(node.position(), "'columns' needs at least one column");
        }
        return columns;
    }

    /**
     * A table column, written as a field name alone, as {field, header, header_markdown, align, suffix}, or as
     * {extra, header, header_markdown, align} for a column showing one of the papers' extra fields.
     */
    private TableColumn column(YamlNode node) {
        String field;
        String header = null;
        String align = null;
        String key = null;
        String suffix = null;
        String headerMarkdown = null;
        YamlNode fieldNode = node;
        if (node instanceof YamlNode.Scalar scalar) {
            field = text(scalar, "a column");
        } else {
            YamlNode.Mapping map = mapping(node, "a column");
            checkKeys(map, COLUMN_KEYS, "a column");
            key = optionalText(map, "extra", null);
            if (key != null && map.entries().containsKey("field")) {
                throw error(value(map, "extra").position(), "a column shows either a 'field' or an 'extra' field, not both");
            }
            field = key != null ? "extra" : requiredText(map, "field", "a column");
            fieldNode = value(map, key != null ? "extra" : "field");
            header = optionalText(map, "header", null);
            headerMarkdown = optionalText(map, "header_markdown", null);
            if (headerMarkdown != null) {
                // Written into the header row as it is: it must stay one cell of one line.
                MarkdownBlocks.problem(headerMarkdown).ifPresent(problem -> {
                    throw error(value(map, "header_markdown").position(), "'header_markdown' " + problem);
                });
            }
            align = optionalText(map, "align", null);
            if (align != null && !List.of("left", "center", "right", "none").contains(align)) {
                throw error(value(map, "align").position(),
                        "'align' must be left, center, right or none, got '" + align + "'");
            }
            suffix = optionalText(map, "suffix", null);
            if (suffix != null && !field.equals("title")) {
                throw error(value(map, "suffix").position(), "only a 'title' column takes a 'suffix'");
            }
        }
        if (key == null && !TableColumn.FIELDS.containsKey(field)) {
            List<String> known = new ArrayList<>(new java.util.TreeSet<>(TableColumn.FIELDS.keySet()));
            throw error(fieldNode.position(), "unknown column '" + field + "'" + DidYouMean.hint(field, known)
                    + "; columns: " + String.join(", ", known) + " (or {extra: NAME} for an extra field)");
        }
        TableColumn.Alignment alignment = align != null
                ? TableColumn.Alignment.valueOf(align.toUpperCase(Locale.ROOT))
                : field.equals("title") || field.equals("name") ? TableColumn.Alignment.LEFT : TableColumn.Alignment.CENTER;
        String shown = header != null ? header : key != null ? key : TableColumn.FIELDS.get(field);
        return new TableColumn(field, shown, alignment, key, suffix, headerMarkdown);
    }

    // ---- sections ----

    // The written-cell keys of the table columns of the section whose papers are being read.
    private Set<String> emptyCells = Set.of();

    // natural: the heading level the section's nesting gives it, one below its parent's heading.
    private SectionDraft sectionDraft(YamlNode node, int depth, int natural, Settings settings) {
        YamlNode.Mapping map = mapping(node, "a section");
        checkKeys(map, SECTION_KEYS, "a section");
        String title = requiredText(map, "title", "a section");
        if (depth > MAX_SECTION_DEPTH) {
            throw error(map.position(), "section '" + title + "' is nested " + depth
                    + " levels deep; at most " + MAX_SECTION_DEPTH + " levels are allowed");
        }
        int headingLevel = 0;
        if (map.entries().containsKey("heading_level")) {
            YamlNode.Scalar s = scalar(value(map, "heading_level"), "'heading_level'");
            // Above the natural level the heading would read as its parent's sibling, or end it.
            if (!s.text().matches("[1-6]") || Integer.parseInt(s.text()) < natural) {
                throw error(s.position(), "'heading_level' of section '" + title + "' must be a number from "
                        + natural + " (below its parent's heading) to 6, got '" + s.text() + "'");
            }
            headingLevel = Integer.parseInt(s.text()) == natural ? 0 : Integer.parseInt(s.text());
        }
        int level = headingLevel == 0 ? natural : headingLevel;
        String layout = layout(map, null, Section.LAYOUTS, "'layout' of section '" + title + "'",
                " (the notes layout heads each paper, which only a whole output can: set it in 'settings' or 'outputs')");
        // Papers are headed one level below their section (in the layouts that head them); Markdown stops at level 6.
        boolean headed = layout == null && headsPapers(settings);
        int paperLevel = level + (headed ? 1 : 0);
        if (paperLevel > 6) {
            throw error(map.position(), "section '" + title + "' is too deep for Markdown headings: its "
                    + (headed ? "papers" : "heading") + " would need level " + paperLevel
                    + (headingLevel == 0 ? " (lower 'top_heading_level' or the nesting)" : " (lower its 'heading_level')"));
        }
        SectionDraft draft = new SectionDraft(title, map.position(), headed);
        draft.headingLevel = headingLevel;
        draft.layout = layout;
        draft.text = markdownBlock(map, "text");
        if (map.entries().containsKey("columns")) {
            draft.columns = columns(value(map, "columns"));
        }
        if (map.entries().containsKey("entries")) {
            draft.entries = entries(value(map, "entries"),
                    draft.columns.isEmpty() ? settings.tableColumns() : draft.columns);
        }
        if (map.entries().containsKey("papers")) {
            // A table cell the list left empty where the others write the empty cell is kept as ''.
            Set<String> outer = emptyCells;
            emptyCells = new HashSet<>();
            for (TableColumn c : draft.columns.isEmpty() ? settings.tableColumns() : draft.columns) {
                // An extra column's cell is its field itself; a built-in column's is kept under its header.
                emptyCells.add(c.field().equals("extra") ? c.key() : c.writtenKey());
            }
            parts(value(map, "papers"), draft.parts);
            emptyCells = outer;
        }
        if (map.entries().containsKey("sections")) {
            for (YamlNode item : sequence(value(map, "sections"), "'sections'").items()) {
                draft.children.add(sectionDraft(item, depth + 1, level + 1, settings));
            }
        }
        return draft;
    }

    // A section's 'papers': papers and refs, and what the list writes between them ('text') or as items of
    // its own ('item', with the papers nested under it).
    private void parts(YamlNode node, List<Object> out) {
        for (YamlNode item : sequence(node, "'papers'").items()) {
            YamlNode.Mapping paperMap = mapping(item, "a paper");
            if (paperMap.entries().containsKey("ref")) {
                checkKeys(paperMap, REF_KEYS, "a paper reference");
                YamlNode.Scalar ref = scalar(value(paperMap, "ref"), "'ref'");
                Slot slot = new Slot(ref.position(), true);
                out.add(slot);
                pendingRefs.add(new PendingRef(nonEmpty(text(ref, "'ref'").strip(), "'ref'", ref.position()),
                        ref.position(), slot));
            } else if (paperMap.entries().containsKey("text") && !paperMap.entries().containsKey("name")) {
                checkKeys(paperMap, TEXT_PART_KEYS, "a text between papers");
                out.add(new Part.Text(markdownBlock(paperMap, "text")));
            } else if (paperMap.entries().containsKey("item") && !paperMap.entries().containsKey("name")) {
                checkKeys(paperMap, ITEM_PART_KEYS, "a list item");
                // Kept as written, line breaks and the blank line of a loose list included, as an entry
                // 'As written' is; it must not open what it does not close.
                String what = "'item'";
                String written = text(scalar(value(paperMap, "item"), what), what);
                nonEmpty(written.strip(), what, value(paperMap, "item").position());
                MarkdownBlocks.problem(written.strip()).ifPresent(problem -> {
                    throw error(value(paperMap, "item").position(), what + " " + problem);
                });
                List<Object> nested = new ArrayList<>();
                if (paperMap.entries().containsKey("papers")) {
                    parts(value(paperMap, "papers"), nested);
                }
                out.add(new ItemDraft(written, nested));
            } else {
                Paper ahead = boundAhead == null ? null : boundAhead.remove(paperMap);
                Paper paper = ahead != null ? ahead : paper(paperMap);
                register(paper);
                Slot slot = new Slot(paper.position(), false);
                slot.paper = paper;
                out.add(slot);
            }
        }
    }

    // Papers bound on another thread, by their mapping, while bind reads the sections before them; null when none.
    private Map<YamlNode.Mapping, Paper> boundAhead;

    // The papers of a section, its items and its subsections, each bound where it binds without a problem: a
    // table's empty written cell, which the section's columns may allow, is one, and so is anything this
    // thread is not sure of; those are left to bind in their turn.
    private void bindPapersAhead(YamlNode node, Map<YamlNode.Mapping, Paper> out) {
        if (!(node instanceof YamlNode.Mapping map)) {
            return;
        }
        for (String key : List.of("papers", "sections")) {
            YamlNode.Entry entry = map.entries().get(key);
            if (entry == null || !(entry.value() instanceof YamlNode.Sequence list)) {
                continue;
            }
            for (YamlNode item : list.items()) {
                if (key.equals("sections") || !(item instanceof YamlNode.Mapping paperMap)) {
                    bindPapersAhead(item, out);
                } else if (paperMap.entries().containsKey("name")) {
                    try {
                        out.put(paperMap, paper(paperMap));
                    } catch (RuntimeException e) {
                        // Bound again, and reported, in its turn.
                    }
                } else if (paperMap.entries().containsKey("item")) {
                    bindPapersAhead(paperMap, out);
                }
            }
        }
    }

    // Only the notes layout gives each paper a heading, whose anchor two papers of one name would share.
    private static boolean headsPapers(Settings settings) {
        return settings.layout().equals("notes") || settings.outputs().stream().anyMatch(o -> o.layout().equals("notes"));
    }

    private void register(Paper paper) {
        if (paper.id() != null) {
            Paper previous = papersById.putIfAbsent(paper.id(), paper);
            if (previous != null) {
                throw error(paper.position(), "paper id '" + paper.id() + "' is already used at line "
                        + previous.position().line());
            }
        }
        papersByName.computeIfAbsent(paper.name(), k -> new ArrayList<>()).add(paper);
    }

    private void resolveRefs() {
        for (PendingRef ref : pendingRefs) {
            Paper target = papersById.get(ref.key);
            if (target == null) {
                List<Paper> named = papersByName.getOrDefault(ref.key, List.of());
                if (named.size() == 1) {
                    target = named.get(0);
                } else if (named.size() > 1) {
                    throw error(ref.position, "'ref: " + ref.key + "' matches " + named.size()
                            + " papers by name; give the paper an 'id' and refer to that");
                } else {
                    Set<String> known = new java.util.TreeSet<>(papersById.keySet());
                    known.addAll(papersByName.keySet());
                    throw error(ref.position, "'ref: " + ref.key + "' matches no paper id or name"
                            + DidYouMean.hint(ref.key, known));
                }
            }
            ref.slot.paper = target;
        }
    }

    // ---- papers ----

    private Paper paper(YamlNode.Mapping map) {
        checkKeys(map, PAPER_KEYS, "a paper");
        Paper.Builder b = Paper.builder(null, null).position(map.position());
        String owner = "a paper";
        for (PaperFields.Field<?> field : READING_ORDER) {
            Object value = field(map, field, owner);
            field.put(b, value);
            if (field == PaperFields.NAME) {
                owner = "paper '" + value + "'";
            }
        }
        return b.build();
    }

    /** One field's value by the reading rule of its type: {@code null}, or an empty list or map, when absent. */
    private Object field(YamlNode.Mapping map, PaperFields.Field<?> field, String owner) {
        String key = field.key();
        return switch (field.type()) {
            case TEXT, CHOICE -> field.required() ? requiredText(map, key, owner) : optionalText(map, key, null);
            case URL -> field.required() ? requiredUrl(map, key, owner) : url(map, key);
            case ID -> {
                String id = optionalText(map, key, null);
                if (id != null && !ID.matcher(id).matches()) {
                    throw error(value(map, key).position(),
                            "'" + key + "' may use letters, digits, '.', '-' and '_' only, got '" + id + "'");
                }
                yield id;
            }
            case GITHUB_REPO -> parsed(map, key, "a GitHub repository as owner/repo or https://github.com/owner/repo/…",
                    (text, at) -> GitHubRepo.parse(text));
            case ARXIV_ID -> parsed(map, key, "an arXiv id such as 2402.12226 or hep-th/9901001",
                    (text, at) -> ArxivId.parse(text));
            case DATE -> date(map, key);
            case TEXT_LIST -> textList(map, key);
            case BADGE_LIST -> {
                if (!map.entries().containsKey(key)) {
                    yield List.of();
                }
                List<Badge> badges = new ArrayList<>();
                for (YamlNode item : sequence(value(map, key), "'" + key + "'").items()) {
                    badges.add(badge(mapping(item, "a badge")));
                }
                yield badges;
            }
            case NOTE_LIST -> {
                if (!map.entries().containsKey(key)) {
                    yield List.of();
                }
                List<NoteLink> notes = new ArrayList<>();
                for (YamlNode item : sequence(value(map, key), "'" + key + "'").items()) {
                    YamlNode.Mapping note = mapping(item, "a note link");
                    checkKeys(note, NOTE_KEYS, "a note link");
                    notes.add(new NoteLink(requiredText(note, "label", "a note link"),
                            requiredUrl(note, "url", "a note link")));
                }
                yield notes;
            }
            case TEXT_MAP -> textMap(map, key);
        };
    }

    // A mapping of the list's own labels to text, such as a paper's 'extra'.
    private Map<String, String> textMap(YamlNode.Mapping map, String key) {
        if (!map.entries().containsKey(key)) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        YamlNode.Mapping extra = mapping(value(map, key), "'" + key + "'");
        for (YamlNode.Entry entry : extra.entries().values()) {
            // The key is shown on the page as the field's label, so it obeys the rules of text.
            TextRules.forbiddenCharacter(entry.key()).ifPresent(c -> {
                throw error(entry.keyPosition(), "an extra field's name contains the invisible character " + c
                        + "; remove it");
            });
            String what = "extra field '" + entry.key() + "'";
            String written = text(scalar(entry.value(), what), what);
            // An entry kept as written keeps its lines (continuation lines, breaks, blank lines) and is
            // written as blocks, so it must not open what it does not close.
            String text = entry.key().equals(Paper.WRITTEN) ? written.strip() : TextRules.collapseWhitespace(written);
            // A table cell the list left empty where the others write the empty cell is kept as ''.
            if (!(text.isEmpty() && emptyCells.contains(TextRules.collapseWhitespace(entry.key())))) {
                nonEmpty(text, what, entry.value().position());
            }
            if (entry.key().equals(Paper.WRITTEN)) {
                MarkdownBlocks.problem(text).ifPresent(problem -> {
                    throw error(entry.value().position(), what + " " + problem);
                });
                text = written;
            }
            out.put(TextRules.collapseWhitespace(entry.key()), text);
        }
        return out;
    }

    private Badge badge(YamlNode.Mapping map) {
        checkKeys(map, BADGE_KEYS, "a badge");
        String kind = requiredText(map, "kind", "a badge");
        YamlNode kindNode = value(map, "kind");
        if (!BadgeKinds.KINDS.contains(kind)) {
            throw error(kindNode.position(), "unknown badge kind '" + kind + "'"
                    + DidYouMean.hint(kind, BadgeKinds.KINDS) + "; known kinds: " + String.join(", ", BadgeKinds.KINDS));
        }
        Badge badge = new Badge(kind, requiredUrl(map, "url", "a badge"),
                optionalText(map, "alt", null),
                optionalText(map, "label", null),
                optionalText(map, "message", null),
                optionalText(map, "color", null),
                optionalText(map, "logo", null),
                optionalText(map, "logo_color", null),
                url(map, "image"),
                map.position());
        String missing = BadgeKinds.missingPart(badge);
        if (missing != null) {
            throw error(map.position(), "a '" + kind + "' badge needs '" + missing + "'");
        }
        return badge;
    }

    // ---- typed values ----

    private String url(YamlNode.Mapping map, String key) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return null;
        }
        String text = nonEmpty(keyText(entry, key).strip(), "'" + key + "'", entry.value().position());
        int space = TextRules.firstWhitespace(text);
        if (space >= 0) {
            throw error(entry.value().position(), "'" + key + "' contains white space (" + describe(text.charAt(space))
                    + " after '" + abbreviate(text.substring(0, space)) + "'); a URL has none: write it as %20");
        }
        if (!TextRules.isWebUrl(text)) {
            throw error(entry.value().position(), "'" + key + "' must be an http:// or https:// URL, got '"
                    + abbreviate(text) + "'");
        }
        return text;
    }

    private String requiredUrl(YamlNode.Mapping map, String key, String owner) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            throw error(map.position(), owner + " needs '" + key + "'");
        }
        if (keyText(entry, key).isBlank()) {
            throw error(entry.value().position(), owner + " has an empty '" + key + "'");
        }
        return url(map, key);
    }

    private PartialDate date(YamlNode.Mapping map, String key) {
        return parsed(map, key, "a date as YYYY, YYYY-MM or YYYY-MM-DD", (text, at) -> {
            try {
                return PartialDate.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(at, "'" + key + "' is not a real date: " + e.getMessage());
            }
        });
    }

    /** A text value read by {@code parser}; empty from the parser means the text has the wrong form. */
    private <T> T parsed(YamlNode.Mapping map, String key, String expected,
                         BiFunction<String, SourcePosition, Optional<T>> parser) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return null;
        }
        SourcePosition at = entry.value().position();
        String text = nonEmpty(keyText(entry, key).strip(), "'" + key + "'", at);
        return parser.apply(text, at).orElseThrow(() ->
                error(at, "'" + key + "' must be " + expected + ", got '" + abbreviate(text) + "'"));
    }

    private boolean bool(YamlNode.Mapping map, String key, boolean fallback) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return fallback;
        }
        String text = scalar(entry.value(), "'" + key + "'").text();
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(entry.value().position(), "'" + key + "' must be true or false, got '" + text + "'");
        };
    }

    private List<String> textList(YamlNode.Mapping map, String key) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return List.of();
        }
        if (entry.value() instanceof YamlNode.Scalar s) {
            String text = collapsedText(entry, key);
            if (text.isEmpty()) {
                throw error(s.position(), "'" + key + "' is empty; give a value or remove the key");
            }
            return List.of(text);
        }
        List<YamlNode> items = sequence(entry.value(), "'" + key + "'").items();
        List<String> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            String text = cleanText(item);
            if (text == null) {
                String what = "an item of '" + key + "'";
                text = text(scalar(item, what), what);
            }
            text = TextRules.collapseWhitespace(text);
            if (text.isEmpty()) {
                throw error(item.position(), "an item of '" + key + "' is empty");
            }
            out.add(text);
        }
        return out;
    }

    private String requiredText(YamlNode.Mapping map, String key, String owner) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            throw error(map.position(), owner + " needs '" + key + "'");
        }
        String text = collapsedText(entry, key);
        if (text.isEmpty()) {
            throw error(entry.value().position(), owner + " has an empty '" + key + "'");
        }
        return text;
    }

    /**
     * A text field: white space folded. An absent key gives {@code fallback}; a key with empty text is an
     * error, as {@code ~} is, so that no value the file spells out is silently dropped.
     */
    private String optionalText(YamlNode.Mapping map, String key, String fallback) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return fallback;
        }
        return nonEmpty(collapsedText(entry, key), "'" + key + "'", entry.value().position());
    }

    // The one rule for a value that is there but empty ('venue:', 'venue: ""', 'venue: "  "'): an error at it.
    private String nonEmpty(String text, String what, SourcePosition at) {
        if (text.isEmpty()) {
            throw error(at, what + " is empty; give a value or remove the key");
        }
        return text;
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            default -> String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
        };
    }

    /**
     * Markdown kept as written, line breaks included, apart from surrounding blank lines. It must end
     * every block it opens and hold no paperlist marker, or it would swallow the rest of the generated
     * block (and its end marker) on the page and in the next render.
     */
    private String markdownBlock(YamlNode.Mapping map, String key) {
        String text = rawText(map, key, null);
        if (text == null) {
            return null;
        }
        String trimmed = text.replaceAll("^(?:[ \\t]*\\n)+", "").stripTrailing();
        SourcePosition at = value(map, key).position();
        nonEmpty(trimmed, "'" + key + "'", at);
        MarkdownBlocks.problem(trimmed).ifPresent(problem -> {
            throw error(at, "'" + key + "' " + problem);
        });
        return trimmed;
    }

    /** A text setting whose spaces matter, such as a separator. */
    private String rawText(YamlNode.Mapping map, String key, String fallback) {
        YamlNode.Entry entry = map.entries().get(key);
        return entry == null ? fallback : keyText(entry, key);
    }

    // keyText's text with its white space collapsed: for nearly every value, the scalar's own text, found so
    // in one pass over it rather than one for each rule.
    private String collapsedText(YamlNode.Entry entry, String key) {
        if (entry.value() instanceof YamlNode.Scalar s && !s.isNull() && TextRules.isCleanAndCollapsed(s.text())) {
            return s.text();
        }
        return TextRules.collapseWhitespace(keyText(entry, key));
    }

    // A key's text value, as text() reads it. Most values are clean, and the messages naming the key are
    // made only for those that are not: a 10,000-paper catalogue has some 150,000 values.
    private String keyText(YamlNode.Entry entry, String key) {
        String text = cleanText(entry.value());
        if (text != null) {
            return text;
        }
        String what = "'" + key + "'";
        return text(scalar(entry.value(), what), what);
    }

    // The text of a scalar that text() would accept as it is; null for anything else.
    private static String cleanText(YamlNode node) {
        return node instanceof YamlNode.Scalar s && !s.isNull()
                && TextRules.firstForbidden(s.text(), 0, s.text().length()).isEmpty() ? s.text() : null;
    }

    private String text(YamlNode.Scalar scalar, String what) {
        if (scalar.isNull()) {
            throw error(scalar.position(), what + " is null ('" + scalar.text()
                    + "'); write a value, quote it if it is meant as text, or remove the key");
        }
        String text = scalar.text();
        TextRules.forbiddenCharacter(text).ifPresent(c -> {
            throw error(scalar.position(), what + " contains the invisible character " + c
                    + "; remove it");
        });
        return text;
    }

    // ---- structure ----

    private void checkKeys(YamlNode.Mapping map, List<String> allowed, String owner) {
        for (YamlNode.Entry entry : map.entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw error(entry.keyPosition(), "unknown key '" + entry.key() + "' in " + owner
                        + DidYouMean.hint(entry.key(), allowed));
            }
        }
    }

    private YamlNode value(YamlNode.Mapping map, String key) {
        return map.entries().get(key).value();
    }

    private YamlNode.Mapping mapping(YamlNode node, String what) {
        return as(node, YamlNode.Mapping.class, what, "a mapping of keys to values");
    }

    private YamlNode.Sequence sequence(YamlNode node, String what) {
        return as(node, YamlNode.Sequence.class, what, "a list");
    }

    private YamlNode.Scalar scalar(YamlNode node, String what) {
        return as(node, YamlNode.Scalar.class, what, "a text value");
    }

    private <T extends YamlNode> T as(YamlNode node, Class<T> type, String what, String expected) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        throw error(node.position(), what + " must be " + expected + ", not " + node.kind());
    }

    private PaperlistException error(SourcePosition at, String message) {
        return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName, at.line(), at.column(), message));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private record PendingRef(String key, SourcePosition position, Slot slot) {}

    /** A place in a section's content where a paper is listed; a ref's is filled once every paper is known. */
    private static final class Slot {
        Paper paper;
        final SourcePosition position;
        final boolean ref;

        Slot(SourcePosition position, boolean ref) {
            this.position = position;
            this.ref = ref;
        }
    }

    /** A list item of a section's content, with the parts nested under it still to resolve. */
    private record ItemDraft(String markdown, List<Object> parts) {}

    private static List<Part> content(List<Object> parts) {
        List<Part> out = new ArrayList<>(parts.size());
        for (Object part : parts) {
            if (part instanceof Slot slot) {
                out.add(new Part.Listed(slot.paper));
            } else if (part instanceof ItemDraft item) {
                out.add(new Part.Item(item.markdown(), content(item.parts())));
            } else {
                out.add((Part) part);
            }
        }
        return out;
    }

    private static void slots(List<Object> parts, List<Slot> out) {
        for (Object part : parts) {
            if (part instanceof Slot slot) {
                out.add(slot);
            } else if (part instanceof ItemDraft item) {
                slots(item.parts(), out);
            }
        }
    }

    /** A section whose cross-references are resolved only once every paper of the file is known. */
    private final class SectionDraft {
        final String title;
        final SourcePosition position;
        String text;
        List<TableColumn> columns = List.of();
        List<EntryTemplate> entries = List.of();
        int headingLevel;
        String layout;
        final List<Object> parts = new ArrayList<>();
        final List<SectionDraft> children = new ArrayList<>();
        final boolean headed;
        // Filled by checkDuplicates: every place a paper is listed, nested ones included.
        final List<Slot> slots = new ArrayList<>();

        SectionDraft(String title, SourcePosition position, boolean headed) {
            this.title = title;
            this.position = position;
            this.headed = headed;
        }

        Section build(String parentPath) {
            String path = parentPath.isEmpty() ? title : parentPath + "/" + title;
            checkDuplicates(path);
            List<Section> built = new ArrayList<>();
            for (SectionDraft child : children) {
                built.add(child.build(path));
            }
            return Section.of(title, text, columns, content(parts), built, position, headingLevel, layout)
                    .withEntries(entries);
        }

        // The same paper twice in one section is a mistake however its link is spelt, unless it is listed again
        // on purpose with a ref where papers are not headings (a list that names a paper in two of its
        // groups). Two papers that share a link under different titles (two datasets on one project page) are
        // two papers, and so are two entries of one title and link written differently where papers are not
        // headings; two of one name are a mistake only where the name is a heading.
        private void checkDuplicates(String path) {
            slots(parts, slots);
            Map<String, Integer> byName = new HashMap<>();
            Map<String, Integer> byUrl = new HashMap<>();
            Map<String, Integer> byArxiv = new HashMap<>();
            Map<Paper, Integer> byIdentity = new java.util.IdentityHashMap<>();
            for (int i = 0; i < slots.size(); i++) {
                Paper paper = slots.get(i).paper;
                int index = i;
                if (headed) {
                    same(byName, paper.name().toLowerCase(Locale.ROOT), index, "the same heading", path);
                } else if (byIdentity.putIfAbsent(paper, index) != null) {
                    continue;
                }
                String title = "\n" + TextRules.collapseWhitespace(paper.title()).strip().toLowerCase(Locale.ROOT);
                if (paper.url() != null) {
                    same(byUrl, TextRules.normalisedUrl(paper.url()) + title, index, "the same url", path);
                }
                paper.arxivId().ifPresent(id -> same(byArxiv, id.id() + title, index, "the same arXiv id " + id, path));
            }
        }

        private <K> void same(Map<K, Integer> seen, K key, int index, String why, String path) {
            Integer first = seen.putIfAbsent(key, index);
            // Where papers are not headings, a second entry that differs (one paper in two rows of a table,
            // one for each dataset it brought) is an entry of its own; only one written the same is a mistake.
            if (first != null && (headed || asWritten(slots.get(first).paper).equals(asWritten(slots.get(index).paper)))) {
                throw error(slots.get(index).position, "'" + slots.get(index).paper.name() + "' is listed twice in section '"
                        + path + "' (" + why + " as '" + slots.get(first).paper.name() + "' at line "
                        + slots.get(first).position.line() + ")");
            }
        }

        // The paper as written, without where it was written or the id other sections refer to it by.
        private static Paper asWritten(Paper p) {
            List<Badge> badges = p.badges().stream().map(b -> new Badge(b.kind(), b.url(), b.alt(), b.label(), b.message(),
                    b.color(), b.logo(), b.logoColor(), b.image(), SourcePosition.UNKNOWN)).toList();
            return new Paper(null, p.name(), p.title(), p.url(), p.code(), badges, p.venue(), p.submitted(),
                    p.authors(), p.tags(), p.abstractText(), p.notes(), p.arxiv(), p.topics(), p.summary(), p.comment(),
                    p.added(), p.image(), p.extra(), SourcePosition.UNKNOWN);
        }
    }
}
