package dev.paperlist.catalog.edit;

import dev.paperlist.catalog.PaperFields;
import dev.paperlist.model.Paper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one catalogue entry (a paper, a {@code ref}, or new sections holding one) as YAML text in a file's
 * own {@link YamlStyle}, in block form at given columns or in flow form for a flow list. A paper's keys and
 * their values come from {@link PaperFields}; {@link CatalogWriter} writes its papers here in the default style.
 */
final class EntryWriter {
    private static final int WRAP = 100;
    private static final java.util.regex.Pattern FLOW_PLAIN =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()/+-]*");

    private final YamlStyle style;

    EntryWriter(YamlStyle style) {
        this.style = style;
    }

    /** A paper, or a reference to a paper listed elsewhere, as the loader reads {@code papers} items. */
    sealed interface Item permits Full, Ref {}

    record Full(Paper paper) implements Item {}

    record Ref(String key) implements Item {}

    // ---- block form ----

    /**
     * A block list item starting with its dash at {@code dashColumn} and its first key {@code gap} columns
     * further, every line ending in the file's eol.
     */
    String blockItem(Item item, int dashColumn, int gap) {
        StringBuilder out = new StringBuilder();
        blockItem(out, item, dashColumn, gap);
        return out.toString();
    }

    /** The same, appended to {@code out}: a whole catalogue is written into one text, without a string a paper. */
    void blockItem(StringBuilder out, Item item, int dashColumn, int gap) {
        int keyColumn = dashColumn + gap;
        String dash = spaces(dashColumn) + "-" + spaces(gap - 1);
        if (item instanceof Ref ref) {
            out.append(dash).append("ref: ").append(scalar("ref", ref.key(), false)).append(style.eol);
            return;
        }
        if (style.flowPapers) {
            out.append(dash).append(flowItem(item)).append(style.eol);
            return;
        }
        boolean first = true;
        for (Map.Entry<String, Object> field : fields(((Full) item).paper()).entrySet()) {
            out.append(first ? dash : spaces(keyColumn));
            first = false;
            blockField(out, field.getKey(), field.getValue(), keyColumn);
        }
    }

    /**
     * New sections nested one in the other, the innermost holding {@code item}; the first section's dash is at
     * {@code dashColumn}.
     */
    String blockSections(List<String> titles, Item item, int dashColumn) {
        StringBuilder out = new StringBuilder();
        int dash = dashColumn;
        for (int i = 0; i < titles.size(); i++) {
            int keyColumn = dash + style.sectionGap;
            out.append(spaces(dash)).append('-').append(spaces(style.sectionGap - 1)).append("title: ")
                    .append(scalar("section.title", titles.get(i), false)).append(style.eol);
            if (i < titles.size() - 1) {
                out.append(spaces(keyColumn)).append("sections:").append(style.eol);
                dash = keyColumn + style.sectionsIndent;
            } else {
                out.append(spaces(keyColumn)).append("papers:").append(style.eol);
                out.append(blockItem(item, keyColumn + style.papersIndent, style.paperGap));
            }
        }
        return out.toString();
    }

    /** A {@code papers:} key at {@code keyColumn} with one item. */
    String blockPapersKey(Item item, int keyColumn) {
        return spaces(keyColumn) + "papers:" + style.eol + blockItem(item, keyColumn + style.papersIndent, style.paperGap);
    }

    /** A {@code sections:} key at {@code keyColumn} with new sections. */
    String blockSectionsKey(List<String> titles, Item item, int keyColumn) {
        return spaces(keyColumn) + "sections:" + style.eol + blockSections(titles, item, keyColumn + style.sectionsIndent);
    }

    private void blockField(StringBuilder out, String key, Object value, int keyColumn) {
        out.append(key).append(':');
        if (value instanceof String text) {
            if (style.quoting(key) == YamlStyle.Quoting.BLOCK) {
                out.append(' ').append(blockScalar(text, keyColumn));
            } else {
                out.append(' ').append(scalar(key, text, false)).append(style.eol);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.append(style.eol);
            String indent = spaces(keyColumn + style.blockIndent);
            map.forEach((label, text) -> out.append(indent).append(CatalogWriter.quoted((String) label)).append(": ")
                    .append(scalar(key, (String) text, false)).append(style.eol));
            return;
        }
        List<?> list = (List<?>) value;
        if (style.flowList(key)) {
            out.append(' ').append(flowValue(key, value)).append(style.eol);
            return;
        }
        out.append(style.eol);
        int dashColumn = keyColumn + style.fieldListIndent;
        String dash = spaces(dashColumn) + "-" + spaces(style.fieldGap - 1);
        for (Object element : list) {
            out.append(dash);
            if (element instanceof String text) {
                out.append(scalar(key + "[]", text, false)).append(style.eol);
            } else if (style.flowItems(key)) {
                out.append(flowValue(key + "[]", element)).append(style.eol);
            } else {
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) element).entrySet()) {
                    out.append(first ? "" : spaces(dashColumn + style.fieldGap));
                    first = false;
                    out.append(e.getKey()).append(": ")
                            .append(scalar(YamlStyle.itemPrefix(key) + e.getKey(), (String) e.getValue(), false)).append(style.eol);
                }
            }
        }
    }

    // A folded or literal block scalar; folded text is wrapped at spaces, which folding turns back into spaces.
    private String blockScalar(String text, int keyColumn) {
        String indent = spaces(keyColumn + style.blockIndent);
        StringBuilder out = new StringBuilder(style.blockHeader).append(style.eol);
        if (style.blockHeader.startsWith("|")) {
            return out.append(indent).append(text).append(style.eol).toString();
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && indent.length() + line.length() + 1 + word.length() > WRAP) {
                out.append(indent).append(line).append(style.eol);
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        return out.append(indent).append(line).append(style.eol).toString();
    }

    // ---- flow form ----

    /** An item of a flow list: {@code {name: …, title: …}} or {@code {ref: …}}. */
    String flowItem(Item item) {
        if (item instanceof Ref ref) {
            return "{ref: " + scalar("ref", ref.key(), true) + "}";
        }
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields(((Full) item).paper()).entrySet()) {
            out.append(out.length() == 1 ? "" : ", ").append(field.getKey()).append(": ")
                    .append(flowValue(field.getKey(), field.getValue()));
        }
        return out.append('}').toString();
    }

    /** New sections nested one in the other, as a flow mapping, the innermost holding {@code item}. */
    String flowSections(List<String> titles, Item item) {
        String inner = "papers: [" + flowItem(item) + "]";
        for (int i = titles.size() - 1; i >= 0; i--) {
            String section = "{title: " + scalar("section.title", titles.get(i), true) + ", " + inner + "}";
            inner = i == 0 ? section : "sections: [" + section + "]";
        }
        return inner;
    }

    private String flowValue(String key, Object value) {
        if (value instanceof String text) {
            return scalar(key, text, true);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            // A badge or note has the registry's keys; any other mapping (a paper's extra) the list's own labels.
            boolean item = key.endsWith("[]");
            String prefix = item ? YamlStyle.itemPrefix(key.substring(0, key.length() - 2)) : "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String label = (String) e.getKey();
                out.append(out.length() == 1 ? "" : ", ").append(item ? label : CatalogWriter.quoted(label)).append(": ")
                        .append(scalar(item ? prefix + label : key, (String) e.getValue(), true));
            }
            return out.append('}').toString();
        }
        StringBuilder out = new StringBuilder("[");
        for (Object element : (List<?>) value) {
            out.append(out.length() == 1 ? "" : ", ").append(flowValue(key + "[]", element));
        }
        return out.append(']').toString();
    }

    // ---- values ----

    /** A scalar in the file's style for {@code key}: plain when the file writes it plain and that is safe. */
    String scalar(String key, String text, boolean flow) {
        YamlStyle.Quoting q = style.quoting(key);
        if (q == YamlStyle.Quoting.PLAIN && plainSafe(text, flow)) {
            return text;
        }
        if (q == YamlStyle.Quoting.SINGLE || (q != YamlStyle.Quoting.DOUBLE && style.quote == '\'')) {
            return "'" + text.replace("'", "''") + "'";
        }
        return CatalogWriter.quoted(text);
    }

    static boolean plainSafe(String text, boolean flow) {
        if (!CatalogWriter.isPlainSafe(text)) {
            return false;
        }
        // Flow collections give more characters a meaning ('?', ':', '#' and others, depending on the reader),
        // so plain is kept to letters, digits and a few harmless marks there.
        return !flow || FLOW_PLAIN.matcher(text).matches();
    }

    // The paper's keys in the file's order, each with text, a list of texts, a list of mappings or a mapping.
    private Map<String, Object> fields(Paper p) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : style.paperKeyOrder) {
            Object value = PaperFields.byKey(key).written(p);
            if (value != null && !(value instanceof List<?> list && list.isEmpty())
                    && !(value instanceof Map<?, ?> map && map.isEmpty())) {
                ordered.put(key, value);
            }
        }
        return ordered;
    }

    private static String spaces(int n) {
        return " ".repeat(Math.max(0, n));
    }
}
