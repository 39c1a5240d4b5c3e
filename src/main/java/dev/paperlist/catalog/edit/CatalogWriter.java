package dev.paperlist.catalog.edit;

import dev.paperlist.Futures;
import dev.paperlist.catalog.SettingsKeys;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Labels;
import dev.paperlist.model.Output;
import dev.paperlist.model.TableColumn;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a catalogue as papers.yaml text in the house style: block mappings for sections and papers,
 * flow mappings for badges and notes, and quotes only where YAML needs them. A paper listed in several
 * sections is written in full once and as {@code ref} elsewhere. Deterministic: same catalogue, same text.
 */
public final class CatalogWriter {

    private CatalogWriter() {}

    public static String write(Catalog catalog) {
        return head(catalog, catalog.sections().size()).toString();
    }

    /**
     * The text {@link #write} gives, in two pieces: {@code head} up to a top-level section near the middle of
     * the papers, {@code tail} from that section's item on (empty when there is one section or none). So a
     * large catalogue is written, and read back, a half on each of two threads.
     */
    public record Halves(String head, String tail) {
        /** The whole text, as {@link #write} gives it. */
        public String text() {
            return head + tail;
        }
    }

    /** The text in two pieces, the tail written on {@code side} while this thread writes the head. */
    public static Halves writeInHalves(Catalog catalog, java.util.concurrent.ExecutorService side) {
        List<Section> sections = catalog.sections();
        int cut = middle(sections);
        if (cut <= 0 || cut >= sections.size()) {
            return new Halves(write(catalog), "");
        }
        // The tail writes refs for the papers the head writes in full, as one pass over the sections would.
        Map<Paper, Boolean> inHead = new IdentityHashMap<>();
        for (Section section : sections.subList(0, cut)) {
            listed(section, inHead);
        }
        java.util.concurrent.Future<String> tail = side.submit(() -> {
            StringBuilder out = new StringBuilder(8192);
            EntryWriter papers = new EntryWriter(new YamlStyle());
            for (Section section : sections.subList(cut, sections.size())) {
                section(out, section, "  ", inHead, papers);
            }
            return out.toString();
        });
        String head = head(catalog, cut).toString();
        return new Halves(head, Futures.await(tail, "writing"));
    }

    // The settings and the first `count` top-level sections.
    private static StringBuilder head(Catalog catalog, int count) {
        StringBuilder out = new StringBuilder(8192);
        writeSettings(out, catalog.settings());
        // 'sections:' alone would be a null, which the loader refuses.
        out.append(catalog.sections().isEmpty() ? "sections: []\n" : "sections:\n");
        Map<Paper, Boolean> written = new IdentityHashMap<>();
        // Papers are written as add writes one into a file that shows no style of its own.
        EntryWriter papers = new EntryWriter(new YamlStyle());
        for (Section section : catalog.sections().subList(0, count)) {
            section(out, section, "  ", written, papers);
        }
        return out;
    }

    // The index of the top-level section at which half of the listings come before it.
    private static int middle(List<Section> sections) {
        int[] counts = new int[sections.size()];
        long all = 0;
        for (int i = 0; i < sections.size(); i++) {
            Map<Paper, Boolean> papers = new IdentityHashMap<>();
            listed(sections.get(i), papers);
            counts[i] = papers.size();
            all += counts[i];
        }
        long before = 0;
        for (int i = 0; i < sections.size(); i++) {
            if (2 * (before + counts[i]) > all) {
                // This section holds the middle: the cut goes before or after it, whichever is nearer.
                return all - 2 * before <= 2 * (before + counts[i]) - all ? i : i + 1;
            }
            before += counts[i];
        }
        return sections.size();
    }

    // The papers a section and its subsections list.
    private static void listed(Section section, Map<Paper, Boolean> out) {
        listed(section.content(), out);
        for (Section child : section.sections()) {
            listed(child, out);
        }
    }

    private static void listed(List<Part> parts, Map<Paper, Boolean> out) {
        for (Part part : parts) {
            if (part instanceof Part.Listed l) {
                out.put(l.paper(), Boolean.TRUE);
            } else if (part instanceof Part.Item item) {
                listed(item.parts(), out);
            }
        }
    }

    private static void writeSettings(StringBuilder out, Settings s) {
        StringBuilder body = new StringBuilder();
        for (SettingsKeys.Key key : SettingsKeys.ALL) {
            if (key.oneLine()) {
                String value = key.value().apply(s);
                if (!value.equals(key.value().apply(Settings.DEFAULT))) {
                    body.append("  ").append(key.key()).append(": ")
                            .append(key.quoted() ? quoted(value) : scalar(value)).append('\n');
                }
            } else {
                STRUCTURED.get(key.key()).accept(body, s);
            }
        }
        if (body.length() > 0) {
            out.append("settings:\n").append(body);
        }
    }

    // ---- the settings that are not one line, as SettingsKeys declares them ----

    private static final Map<String, BiConsumer<StringBuilder, Settings>> STRUCTURED = Map.of(
            "labels", CatalogWriter::labels, "table", CatalogWriter::table, "outputs", CatalogWriter::outputs,
            "lint", CatalogWriter::lint, "tag_pages", CatalogWriter::tagPages, "size_budget", CatalogWriter::sizeBudget,
            "split_sections", CatalogWriter::split, "metrics", CatalogWriter::metrics,
            "entries", (out, s) -> entries(out, "  ", s.entries()));

    static {
        // A key declared without a one-line value must have its writer here, or papers.yaml would lose it.
        for (SettingsKeys.Key key : SettingsKeys.ALL) {
            if (!key.oneLine() && !STRUCTURED.containsKey(key.key())) {
                throw new IllegalStateException("no writer for the settings key '" + key.key() + "'");
            }
        }
    }

    static void labels(StringBuilder out, Settings s) {
        StringBuilder body = new StringBuilder();
        for (SettingsKeys.Label label : SettingsKeys.LABELS) {
            String value = label.get().apply(s.labels());
            if (!value.equals(label.get().apply(Labels.DEFAULT))) {
                body.append("    ").append(label.key()).append(": ").append(quoted(value)).append('\n');
            }
        }
        if (body.length() > 0) {
            out.append("  labels:\n").append(body);
        }
    }

    static void table(StringBuilder out, Settings s) {
        Settings d = Settings.DEFAULT;
        boolean columns = !s.tableColumns().equals(d.tableColumns());
        if (columns || !s.emptyCell().equals(d.emptyCell())) {
            out.append("  table:\n");
            if (!s.emptyCell().equals(d.emptyCell())) {
                out.append("    empty: ").append(quoted(s.emptyCell())).append('\n');
            }
            if (columns) {
                columns(out, "    ", s.tableColumns());
            }
        }
    }

    static void outputs(StringBuilder out, Settings s) {
        if (!s.outputs().isEmpty()) {
            out.append("  outputs:\n");
            for (Output o : s.outputs()) {
                if (o.entries().isEmpty()) {
                    out.append("    - {file: ").append(quoted(o.file())).append(", layout: ").append(o.layout()).append("}\n");
                } else {
                    out.append("    - file: ").append(quoted(o.file())).append("\n      layout: ").append(o.layout()).append('\n');
                    entries(out, "      ", o.entries());
                }
            }
        }
    }

    static void lint(StringBuilder out, Settings s) {
        if (!s.lintDisabled().isEmpty()) {
            out.append("  lint:\n    disable: [")
                    .append(String.join(", ", s.lintDisabled().stream().map(LintRule::id).toList())).append("]\n");
        }
    }

    static void tagPages(StringBuilder out, Settings s) {
        if (s.tagPages() != null) {
            out.append("  tag_pages: {folder: ").append(scalar(s.tagPages().folder())).append(", visible: ")
                    .append(s.tagPages().visible()).append("}\n");
        }
    }

    static void sizeBudget(StringBuilder out, Settings s) {
        if (s.sizeBudget() != Settings.DEFAULT.sizeBudget()) {
            long b = s.sizeBudget();
            out.append("  size_budget: ").append(b % (1024 * 1024) == 0 ? b / (1024 * 1024) + " MB"
                    : b % 1024 == 0 ? b / 1024 + " KB" : String.valueOf(b)).append('\n');
        }
    }

    static void split(StringBuilder out, Settings s) {
        if (s.split() != null) {
            out.append("  split_sections: {folder: ").append(scalar(s.split().folder())).append("}\n");
        }
    }

    static void metrics(StringBuilder out, Settings s) {
        if (!s.metrics().equals(Settings.Metrics.OFF)) {
            Settings.Metrics m = s.metrics();
            Settings.Metrics off = Settings.Metrics.OFF;
            List<String> parts = new ArrayList<>();
            if (!m.stars().equals(off.stars())) {
                parts.add("stars: " + m.stars());
            }
            if (m.citations()) {
                parts.add("citations: true");
            }
            if (m.archived()) {
                parts.add("archived: true");
            }
            if (m.staleMonths() != 0) {
                parts.add("stale_months: " + m.staleMonths());
            }
            if (m.sort() != null) {
                parts.add("sort: " + m.sort());
            }
            if (m.trending() != 0) {
                parts.add("trending: " + m.trending());
            }
            out.append("  metrics: {").append(String.join(", ", parts)).append("}\n");
        }
    }

    // Each template double-quoted on one line: its line breaks and spaces are the point.
    private static void entries(StringBuilder out, String indent, List<EntryTemplate> entries) {
        if (!entries.isEmpty()) {
            out.append(indent).append("entries:\n");
            for (EntryTemplate t : entries) {
                out.append(indent).append("  - ").append(quoted(t.source())).append('\n');
            }
        }
    }

    private static void columns(StringBuilder out, String indent, List<TableColumn> columns) {
        out.append(indent).append("columns:\n");
        for (TableColumn c : columns) {
            out.append(indent).append("  - {");
            if (c.key() != null) {
                out.append("extra: ").append(quoted(c.key()));
                if (!c.header().equals(c.key())) {
                    out.append(", header: ").append(quoted(c.header()));
                }
            } else {
                out.append("field: ").append(c.field());
                if (!c.header().equals(TableColumn.FIELDS.get(c.field()))) {
                    out.append(", header: ").append(quoted(c.header()));
                }
            }
            if (c.headerMarkdown() != null) {
                out.append(", header_markdown: ").append(quoted(c.headerMarkdown()));
            }
            TableColumn.Alignment natural = c.field().equals("title") || c.field().equals("name")
                    ? TableColumn.Alignment.LEFT : TableColumn.Alignment.CENTER;
            if (c.alignment() != natural) {
                out.append(", align: ").append(c.alignment().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (c.suffix() != null) {
                out.append(", suffix: ").append(quoted(c.suffix()));
            }
            out.append("}\n");
        }
    }

    private static void section(StringBuilder out, Section section, String indent, Map<Paper, Boolean> written,
                                EntryWriter papers) {
        out.append(indent).append("- title: ").append(scalar(section.title())).append('\n');
        String inner = indent + "  ";
        if (section.headingLevel() != 0) {
            out.append(inner).append("heading_level: ").append(section.headingLevel()).append('\n');
        }
        if (section.text() != null) {
            out.append(inner).append("text: ").append(block(section.text(), inner + "  ")).append('\n');
        }
        if (section.layout() != null) {
            out.append(inner).append("layout: ").append(section.layout()).append('\n');
        }
        if (!section.columns().isEmpty()) {
            columns(out, inner, section.columns());
        }
        entries(out, inner, section.entries());
        if (!section.content().isEmpty()) {
            parts(out, section.content(), inner, written, papers);
        }
        if (!section.sections().isEmpty()) {
            out.append(inner).append("sections:\n");
            for (Section child : section.sections()) {
                section(out, child, inner + "  ", written, papers);
            }
        }
    }

    // 'papers:' and its items: papers in full where first listed and as refs after, and the text and list
    // items written between them.
    private static void parts(StringBuilder out, List<Part> parts, String indent, Map<Paper, Boolean> written,
                              EntryWriter papers) {
        out.append(indent).append("papers:\n");
        for (Part part : parts) {
            if (part instanceof Part.Listed listed) {
                Paper paper = listed.paper();
                if (written.put(paper, Boolean.TRUE) != null) {
                    out.append(indent).append("  - ref: ").append(scalar(paper.id() != null ? paper.id() : paper.name())).append('\n');
                } else {
                    papers.blockItem(out, new EntryWriter.Full(paper), indent.length() + 2, 2);
                }
            } else if (part instanceof Part.Text text) {
                out.append(indent).append("  - text: ").append(block(text.markdown(), indent + "      ")).append('\n');
            } else if (part instanceof Part.Item item) {
                out.append(indent).append("  - item: ").append(block(item.markdown(), indent + "      ")).append('\n');
                if (!item.parts().isEmpty()) {
                    parts(out, item.parts(), indent + "    ", written, papers);
                }
            }
        }
    }

    // Multi-line Markdown as a literal block, which reads like the Markdown itself; quoted when a
    // block scalar could not hold it exactly.
    private static String block(String text, String indent) {
        boolean literal = text.indexOf('\n') >= 0 && !text.startsWith(" ") && !text.contains("\t")
                && !text.contains("\r") && text.equals(text.strip()) && text.chars().noneMatch(c -> c < 0x20 && c != '\n');
        if (!literal) {
            return quoted(text);
        }
        StringBuilder out = new StringBuilder("|-");
        for (String line : text.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.append(indent).append(line);
            }
        }
        return out.toString();
    }

    /** Plain when that is unambiguous YAML, double-quoted otherwise. */
    static String scalar(String text) {
        return isPlainSafe(text) ? text : quoted(text);
    }

    /** Whether the text can be written unquoted in block context and read back as exactly this text. */
    static boolean isPlainSafe(String text) {
        // A plain scalar that reads back as exactly this text in any context paperlist writes it in: an ASCII
        // letter or digit, '(' or a code point from U+00C0 to U+FFFF, then none of NOT_PLAIN, and no ": ".
        // One pass, as every value of every paper is tested; the first character is taken as a code point.
        if (text.isEmpty()) {
            return false;
        }
        int first = text.codePointAt(0);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first >= '0' && first <= '9'
                || first >= 0xC0 && first <= 0xFFFF || first == '(')) {
            return false;
        }
        // Looked at in a copy: the launcher's compiler (C1) does not inline charAt, and abstracts are long.
        char[] chars = new char[text.length()];
        text.getChars(0, chars.length, chars, 0);
        for (int i = 1; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80 && NOT_PLAIN[c]) {
                return false;
            }
            if (c == ':' && i + 1 < chars.length && chars[i + 1] == ' ') {
                return false;
            }
        }
        // null, Null, NULL and ~ read back as "no value", which the loader refuses.
        return !text.endsWith(":") && !text.endsWith(" ") && !text.equalsIgnoreCase("null");
    }

    // The characters a plain scalar may not hold after its first ('#' alone, so " #" too).
    private static final boolean[] NOT_PLAIN = new boolean[0x80];

    static {
        for (char c : "\n\t\"'#[]{},&*!|>%@`".toCharArray()) {
            NOT_PLAIN[c] = true;
        }
    }

    /**
     * A double-quoted YAML scalar, with JSON-compatible escapes, also for the characters YAML would not read
     * back as written (controls, line separators, the byte order mark). papers.yaml and the issue form are
     * both written with it.
     */
    public static String quoted(String text) {
        // Runs of characters that need no escape are appended at once, found in a copy: abstracts are quoted
        // here, and the launcher's compiler (C1) does not inline charAt or a one-character append.
        char[] chars = text.toCharArray();
        StringBuilder out = new StringBuilder(chars.length + 2).append('"');
        int from = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                default -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029'
                        || c == '\uFEFF' ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : null;
            };
            if (escape != null) {
                out.append(text, from, i).append(escape);
                from = i + 1;
            }
        }
        return out.append(text, from, chars.length).append('"').toString();
    }
}
