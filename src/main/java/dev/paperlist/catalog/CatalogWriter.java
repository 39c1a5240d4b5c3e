package dev.paperlist.catalog;

import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Labels;
import dev.paperlist.model.Output;
import dev.paperlist.model.TableColumn;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a catalogue as papers.yaml text in the house style: block mappings for sections and papers,
 * flow mappings for badges and notes, and quotes only where YAML needs them. A paper listed in several
 * sections is written in full once and as {@code ref} elsewhere. Deterministic: same catalogue, same text.
 */
public final class CatalogWriter {
    // A plain YAML scalar that reads back as exactly this text in any context paperlist writes it in.
    private static final Pattern PLAIN = Pattern.compile(
            "[A-Za-z0-9\\u00C0-\\uFFFF(][^\\n\\t\"'#\\[\\]{},&*!|>%@`]*");

    private CatalogWriter() {}

    public static String write(Catalog catalog) {
        StringBuilder out = new StringBuilder(8192);
        writeSettings(out, catalog.settings());
        // 'sections:' alone would be a null, which the loader refuses.
        out.append(catalog.sections().isEmpty() ? "sections: []\n" : "sections:\n");
        Map<Paper, Boolean> written = new IdentityHashMap<>();
        for (Section section : catalog.sections()) {
            section(out, section, "  ", written);
        }
        return out.toString();
    }

    private static void writeSettings(StringBuilder out, Settings s) {
        Settings d = Settings.DEFAULT;
        StringBuilder body = new StringBuilder();
        if (!s.notAccepted().equals(d.notAccepted())) {
            body.append("  not_accepted: ").append(scalar(s.notAccepted())).append('\n');
        }
        if (!s.authorSeparator().equals(d.authorSeparator())) {
            body.append("  author_separator: ").append(quoted(s.authorSeparator())).append('\n');
        }
        if (!s.tagSeparator().equals(d.tagSeparator())) {
            body.append("  tag_separator: ").append(quoted(s.tagSeparator())).append('\n');
        }
        if (s.topHeadingLevel() != d.topHeadingLevel()) {
            body.append("  top_heading_level: ").append(s.topHeadingLevel()).append('\n');
        }
        if (!s.layout().equals(d.layout())) {
            body.append("  layout: ").append(s.layout()).append('\n');
        }
        if (s.toc() != d.toc()) {
            body.append("  toc: ").append(s.toc()).append('\n');
        }
        if (s.tocPapers() != d.tocPapers()) {
            body.append("  toc_papers: ").append(s.tocPapers()).append('\n');
        }
        labels(body, s.labels());
        boolean columns = !s.tableColumns().equals(d.tableColumns());
        if (columns || !s.emptyCell().equals(d.emptyCell())) {
            body.append("  table:\n");
            if (!s.emptyCell().equals(d.emptyCell())) {
                body.append("    empty: ").append(quoted(s.emptyCell())).append('\n');
            }
            if (columns) {
                columns(body, "    ", s.tableColumns());
            }
        }
        if (!s.outputs().isEmpty()) {
            body.append("  outputs:\n");
            for (Output o : s.outputs()) {
                body.append("    - {file: ").append(quoted(o.file())).append(", layout: ").append(o.layout()).append("}\n");
            }
        }
        if (!s.lintDisabled().isEmpty()) {
            body.append("  lint:\n    disable: [")
                    .append(String.join(", ", s.lintDisabled().stream().map(LintRule::id).toList())).append("]\n");
        }
        if (s.tagPages() != null) {
            body.append("  tag_pages: {folder: ").append(scalar(s.tagPages().folder())).append(", visible: ")
                    .append(s.tagPages().visible()).append("}\n");
        }
        if (s.sizeBudget() != d.sizeBudget()) {
            long b = s.sizeBudget();
            body.append("  size_budget: ").append(b % (1024 * 1024) == 0 ? b / (1024 * 1024) + " MB"
                    : b % 1024 == 0 ? b / 1024 + " KB" : String.valueOf(b)).append('\n');
        }
        if (s.split() != null) {
            body.append("  split_sections: {folder: ").append(scalar(s.split().folder())).append("}\n");
        }
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
            body.append("  metrics: {").append(String.join(", ", parts)).append("}\n");
        }
        if (body.length() > 0) {
            out.append("settings:\n").append(body);
        }
    }

    private static void labels(StringBuilder out, Labels l) {
        Labels d = Labels.DEFAULT;
        StringBuilder body = new StringBuilder();
        label(body, "paper", l.paper(), d.paper());
        label(body, "accepted", l.accepted(), d.accepted());
        label(body, "submitted", l.submitted(), d.submitted());
        label(body, "authors", l.authors(), d.authors());
        label(body, "tags", l.tags(), d.tags());
        label(body, "abstract", l.abstractText(), d.abstractText());
        label(body, "notes", l.notes(), d.notes());
        if (body.length() > 0) {
            out.append("  labels:\n").append(body);
        }
    }

    private static void label(StringBuilder out, String key, String value, String fallback) {
        if (!value.equals(fallback)) {
            out.append("    ").append(key).append(": ").append(quoted(value)).append('\n');
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

    private static void section(StringBuilder out, Section section, String indent, Map<Paper, Boolean> written) {
        out.append(indent).append("- title: ").append(scalar(section.title())).append('\n');
        String inner = indent + "  ";
        if (section.headingLevel() != 0) {
            out.append(inner).append("heading_level: ").append(section.headingLevel()).append('\n');
        }
        if (section.text() != null) {
            out.append(inner).append("text: ").append(block(section.text(), inner + "  ")).append('\n');
        }
        if (!section.columns().isEmpty()) {
            columns(out, inner, section.columns());
        }
        if (!section.content().isEmpty()) {
            parts(out, section.content(), inner, written);
        }
        if (!section.sections().isEmpty()) {
            out.append(inner).append("sections:\n");
            for (Section child : section.sections()) {
                section(out, child, inner + "  ", written);
            }
        }
    }

    // 'papers:' and its items: papers in full where first listed and as refs after, and the text and list
    // items written between them.
    private static void parts(StringBuilder out, List<Part> parts, String indent, Map<Paper, Boolean> written) {
        out.append(indent).append("papers:\n");
        for (Part part : parts) {
            if (part instanceof Part.Listed listed) {
                Paper paper = listed.paper();
                if (written.put(paper, Boolean.TRUE) != null) {
                    out.append(indent).append("  - ref: ").append(scalar(paper.id() != null ? paper.id() : paper.name())).append('\n');
                } else {
                    paper(out, paper, indent + "  ");
                }
            } else if (part instanceof Part.Text text) {
                out.append(indent).append("  - text: ").append(block(text.markdown(), indent + "      ")).append('\n');
            } else if (part instanceof Part.Item item) {
                out.append(indent).append("  - item: ").append(block(item.markdown(), indent + "      ")).append('\n');
                if (!item.parts().isEmpty()) {
                    parts(out, item.parts(), indent + "    ", written);
                }
            }
        }
    }

    private static void paper(StringBuilder out, Paper p, String indent) {
        String field = indent + "  ";
        out.append(indent).append("- name: ").append(scalar(p.name())).append('\n');
        line(out, field, "id", p.id());
        line(out, field, "title", p.title());
        line(out, field, "url", p.url());
        line(out, field, "code", p.code() == null ? null
                : p.code().link().equals("https://github.com/" + p.code().slug()) ? p.code().slug() : p.code().link());
        if (!p.badges().isEmpty()) {
            out.append(field).append("badges:\n");
            for (Badge b : p.badges()) {
                out.append(field).append("  - {kind: ").append(b.kind()).append(", url: ").append(quoted(b.url()));
                flow(out, "alt", b.alt());
                flow(out, "label", b.label());
                flow(out, "message", b.message());
                flow(out, "color", b.color());
                flow(out, "logo", b.logo());
                flow(out, "logo_color", b.logoColor());
                flow(out, "image", b.image());
                out.append("}\n");
            }
        }
        line(out, field, "venue", p.venue());
        line(out, field, "submitted", p.submitted() == null ? null : p.submitted().toString());
        list(out, field, "authors", p.authors());
        list(out, field, "tags", p.tags());
        line(out, field, "abstract", p.abstractText());
        if (!p.notes().isEmpty()) {
            out.append(field).append("notes:\n");
            for (NoteLink note : p.notes()) {
                out.append(field).append("  - {label: ").append(quoted(note.label())).append(", url: ")
                        .append(quoted(note.url())).append("}\n");
            }
        }
        line(out, field, "arxiv", p.arxiv() == null ? null : p.arxiv().id());
        list(out, field, "topics", p.topics());
        line(out, field, "summary", p.summary());
        line(out, field, "comment", p.comment());
        line(out, field, "added", p.added() == null ? null : p.added().toString());
        line(out, field, "image", p.image());
        if (!p.extra().isEmpty()) {
            out.append(field).append("extra:\n");
            p.extra().forEach((key, value) ->
                    out.append(field).append("  ").append(quoted(key)).append(": ").append(scalar(value)).append('\n'));
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

    private static void line(StringBuilder out, String indent, String key, String value) {
        if (value != null) {
            out.append(indent).append(key).append(": ").append(scalar(value)).append('\n');
        }
    }

    private static void list(StringBuilder out, String indent, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append(indent).append(key).append(": [");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quoted(values.get(i)));
        }
        out.append("]\n");
    }

    private static void flow(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(", ").append(key).append(": ").append(quoted(value));
        }
    }

    /** Plain when that is unambiguous YAML, double-quoted otherwise. */
    static String scalar(String text) {
        return isPlainSafe(text) ? text : quoted(text);
    }

    /** Whether the text can be written unquoted in block context and read back as exactly this text. */
    static boolean isPlainSafe(String text) {
        // null, Null, NULL and ~ read back as "no value", which the loader refuses.
        return PLAIN.matcher(text).matches() && !text.contains(": ") && !text.contains(" #")
                && !text.endsWith(":") && !text.endsWith(" ") && !text.equalsIgnoreCase("null");
    }

    /**
     * A double-quoted YAML scalar, with JSON-compatible escapes, also for the characters YAML would not read
     * back as written (controls, line separators, the byte order mark). papers.yaml and the issue form are
     * both written with it.
     */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029'
                            || c == '\uFEFF') {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
