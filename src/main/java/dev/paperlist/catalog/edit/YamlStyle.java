package dev.paperlist.catalog.edit;

import dev.paperlist.catalog.PaperFields;
import dev.paperlist.catalog.edit.YamlSource.Mapping;
import dev.paperlist.catalog.edit.YamlSource.Node;
import dev.paperlist.catalog.edit.YamlSource.Scalar;
import dev.paperlist.catalog.edit.YamlSource.Sequence;
import dev.paperlist.catalog.edit.YamlSource.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a catalogue file is written, read from the file itself so that a new entry looks like its
 * neighbours: line endings, indentation of lists and their items, block or flow lists, the key order of
 * papers, blank lines between papers, and per key whether values are plain, single- or double-quoted or
 * block scalars. Where the file shows nothing, the style {@link CatalogWriter} writes is used.
 */
final class YamlStyle {
    /**
     * How a scalar is written; {@code PLAIN} falls back to the file's quote when plain is not safe, and
     * {@code QUOTED} is the file's usual quote.
     */
    enum Quoting { PLAIN, SINGLE, DOUBLE, BLOCK, QUOTED }

    private static final List<String> CANONICAL_ORDER = PaperFields.keys();
    // Lists of texts are written on one line, as CatalogWriter does; lists of mappings one item a line.
    private static final List<String> LIST_KEYS = PaperFields.ALL.stream()
            .filter(f -> f.type() == PaperFields.Type.TEXT_LIST).map(PaperFields.Field::key).toList();

    String eol = "\n";
    /** Columns from a {@code sections:} key to the dash of its items. */
    int sectionsIndent = 2;
    /** Columns from a {@code papers:} key to the dash of its items. */
    int papersIndent = 2;
    /** Columns from a paper's list key (authors, badges, …) to the dash of its items. */
    int fieldListIndent = 2;
    /** Columns from a section item's dash to its first key. */
    int sectionGap = 2;
    /** Columns from a paper item's dash to its first key. */
    int paperGap = 2;
    /** Columns from the dash of an item of a paper's list (authors, badges, …) to its text. */
    int fieldGap = 2;
    /** Whether most of the papers' values are quoted; then keys the file never shows are quoted too. */
    boolean mostlyQuoted;
    boolean flowPapers;
    boolean blankBetweenPapers;
    boolean blankBetweenSections;
    char quote = '"';
    String blockHeader = ">-";
    int blockIndent = 2;
    List<String> paperKeyOrder = new ArrayList<>(CANONICAL_ORDER);
    private final Map<String, Quoting> quoting = new HashMap<>();
    private final Map<String, Boolean> flowLists = new HashMap<>();

    Quoting quoting(String key) {
        Quoting q = quoting.get(key);
        if (q != null) {
            return q;
        }
        if (mostlyQuoted) {
            return Quoting.QUOTED;
        }
        // CatalogWriter's style: list items and badge and note values quoted, everything else plain.
        return key.endsWith("[]") || key.startsWith("badge.") && !key.equals("badge.kind") || key.startsWith("note.")
                ? Quoting.QUOTED : Quoting.PLAIN;
    }

    /** What the keys of a list's mappings are named by in the quoting votes: {@code badge.url}, {@code note.label}. */
    static String itemPrefix(String listKey) {
        return listKey.equals("badges") ? "badge." : listKey.equals("notes") ? "note." : listKey + ".";
    }

    /** Whether a list-valued paper key (authors, badges, …) is written as a flow list. */
    boolean flowList(String key) {
        return flowLists.getOrDefault(key, LIST_KEYS.contains(key));
    }

    /** Whether badge or note items in a block list are written as flow mappings ({@code - {kind: …}}). */
    boolean flowItems(String key) {
        return flowLists.getOrDefault(key + "[]", true);
    }

    static YamlStyle of(YamlSource source) {
        Detector d = new Detector(source);
        d.style.eol = source.text.contains("\r\n") ? "\r\n" : "\n";
        Node sections = YamlSource.value(source.root, "sections");
        d.sectionList(sections, keyColumn(source, source.root, "sections"));
        return d.finish();
    }

    private static int keyColumn(YamlSource source, Mapping map, String key) {
        Tuple t = YamlSource.tuple(map, key);
        return t == null ? -1 : source.column(t.key().start());
    }

    /** Counts what the file does, then takes the majority for each choice. */
    private static final class Detector {
        final YamlSource source;
        final YamlStyle style = new YamlStyle();
        final Map<String, int[]> votes = new HashMap<>();
        final Map<String, int[]> listVotes = new HashMap<>();
        final int[] sectionsIndent = new int[64];
        final int[] papersIndent = new int[64];
        final int[] fieldIndent = new int[64];
        final int[] sectionGap = new int[64];
        final int[] paperGap = new int[64];
        final int[] fieldGap = new int[64];
        final int[] paperValues = new int[2];
        final int[] flowPapers = new int[2];
        final int[] blankPapers = new int[2];
        final int[] blankSections = new int[2];
        final int[] quotes = new int[2];
        final Map<String, Integer> headers = new HashMap<>();
        final int[] blockIndent = new int[64];
        final List<List<String>> keyOrders = new ArrayList<>();

        Detector(YamlSource source) {
            this.source = source;
        }

        void sectionList(Node list, int keyColumn) {
            if (!(list instanceof Sequence seq)) {
                return;
            }
            block(seq, keyColumn, sectionsIndent, sectionGap, blankSections);
            for (Node item : seq.items()) {
                if (item instanceof Mapping section) {
                    vote("section.title", YamlSource.value(section, "title"));
                    Node papers = YamlSource.value(section, "papers");
                    if (papers instanceof Sequence paperList) {
                        block(paperList, keyColumn(source, section, "papers"), papersIndent, paperGap, blankPapers);
                        for (Node paper : paperList.items()) {
                            if (paper instanceof Mapping p) {
                                paper(p);
                            }
                        }
                    }
                    sectionList(YamlSource.value(section, "sections"), keyColumn(source, section, "sections"));
                }
            }
        }

        // Indentation and blank lines of a block list.
        void block(Sequence seq, int keyColumn, int[] indentVotes, int[] gapVotes, int[] blankVotes) {
            if (YamlSource.isFlow(seq)) {
                return;
            }
            List<Node> items = seq.items();
            for (int i = 0; i < items.size(); i++) {
                int dash = source.dashBefore(items.get(i));
                if (dash < 0) {
                    continue;
                }
                int dashColumn = source.column(dash);
                if (i == 0 && keyColumn >= 0 && dashColumn >= keyColumn) {
                    count(indentVotes, dashColumn - keyColumn);
                }
                if (items.get(i) instanceof Mapping m && !YamlSource.isFlow(m)) {
                    count(gapVotes, source.column(m.start()) - dashColumn);
                }
                if (i > 0) {
                    blankVotes[source.blankLineBefore(dash) ? 1 : 0]++;
                }
            }
        }

        void paper(Mapping p) {
            if (YamlSource.tuple(p, "ref") != null) {
                vote("ref", YamlSource.value(p, "ref"));
                return;
            }
            flowPapers[YamlSource.isFlow(p) ? 1 : 0]++;
            List<String> keys = new ArrayList<>();
            for (Tuple t : p.tuples()) {
                String key = t.key().key();
                keys.add(key);
                Node value = t.value();
                int keyColumn = source.column(t.key().start());
                if (value instanceof Scalar scalar) {
                    vote(key, scalar);
                    paperValues[scalar.quoting() == Quoting.PLAIN ? 0 : 1]++;
                    if (isBlock(scalar) && !YamlSource.isFlow(p)) {
                        String header = source.text.substring(scalar.start(),
                                Math.min(source.text.length(), scalar.start() + 2)).strip();
                        headers.merge(header.length() == 2 && "-+".indexOf(header.charAt(1)) >= 0 ? header
                                : header.substring(0, 1), 1, Integer::sum);
                        int firstContentLine = source.nextLineStart(scalar.start());
                        int indent = 0;
                        while (firstContentLine + indent < source.text.length()
                                && source.text.charAt(firstContentLine + indent) == ' ') {
                            indent++;
                        }
                        if (indent > keyColumn) {
                            count(blockIndent, indent - keyColumn);
                        }
                    }
                } else if (value instanceof Sequence list) {
                    listVotes.computeIfAbsent(key, k -> new int[2])[YamlSource.isFlow(list) ? 1 : 0]++;
                    if (!YamlSource.isFlow(list) && !list.items().isEmpty()) {
                        Node first = list.items().get(0);
                        int dash = source.dashBefore(first);
                        if (dash >= 0 && source.column(dash) >= keyColumn) {
                            count(fieldIndent, source.column(dash) - keyColumn);
                            count(fieldGap, source.column(first.start()) - source.column(dash));
                        }
                    }
                    for (Node item : list.items()) {
                        if (item instanceof Scalar s) {
                            vote(key + "[]", s);
                            paperValues[s.quoting() == Quoting.PLAIN ? 0 : 1]++;
                        } else if (item instanceof Mapping m) {
                            String prefix = itemPrefix(key);
                            listVotes.computeIfAbsent(key + "[]", k -> new int[2])[YamlSource.isFlow(m) ? 1 : 0]++;
                            for (Tuple inner : m.tuples()) {
                                vote(prefix + inner.key().key(), inner.value());
                            }
                        }
                    }
                }
            }
            keyOrders.add(keys);
        }

        void vote(String key, Node value) {
            if (!(value instanceof Scalar scalar)) {
                return;
            }
            Quoting q = scalar.quoting();
            votes.computeIfAbsent(key, k -> new int[Quoting.values().length])[q.ordinal()]++;
            if (q == Quoting.SINGLE || q == Quoting.DOUBLE) {
                quotes[q == Quoting.SINGLE ? 0 : 1]++;
            }
        }

        static boolean isBlock(Scalar scalar) {
            return scalar.quoting() == Quoting.BLOCK;
        }

        static void count(int[] histogram, int value) {
            if (value >= 0 && value < histogram.length) {
                histogram[value]++;
            }
        }

        static int mostCommon(int[] histogram, int fallback) {
            int best = -1;
            for (int i = 0; i < histogram.length; i++) {
                if (histogram[i] > 0 && (best < 0 || histogram[i] > histogram[best])) {
                    best = i;
                }
            }
            return best < 0 ? fallback : best;
        }

        YamlStyle finish() {
            style.sectionsIndent = mostCommon(sectionsIndent, 2);
            style.papersIndent = mostCommon(papersIndent, style.sectionsIndent);
            style.fieldListIndent = mostCommon(fieldIndent, style.papersIndent);
            style.sectionGap = Math.max(1, mostCommon(sectionGap, 2));
            style.paperGap = Math.max(1, mostCommon(paperGap, style.sectionGap));
            style.fieldGap = Math.max(1, mostCommon(fieldGap, style.paperGap));
            style.mostlyQuoted = paperValues[1] > paperValues[0];
            style.flowPapers = flowPapers[1] > flowPapers[0];
            style.blankBetweenPapers = blankPapers[1] > blankPapers[0];
            style.blankBetweenSections = blankSections[1] > blankSections[0];
            style.quote = quotes[0] > quotes[1] ? '\'' : '"';
            style.blockIndent = Math.max(1, mostCommon(blockIndent, 2));
            headers.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(e -> style.blockHeader = e.getKey());
            for (Map.Entry<String, int[]> e : votes.entrySet()) {
                int best = mostCommon(e.getValue(), -1);
                if (best >= 0) {
                    style.quoting.put(e.getKey(), Quoting.values()[best]);
                }
            }
            for (Map.Entry<String, int[]> e : listVotes.entrySet()) {
                style.flowLists.put(e.getKey(), e.getValue()[1] > e.getValue()[0]);
            }
            style.paperKeyOrder = keyOrder(keyOrders);
            return style;
        }

        // The papers' key order merged: each key goes after the key it follows in the first paper that has it;
        // keys no paper has go after their predecessor in the canonical order.
        static List<String> keyOrder(List<List<String>> orders) {
            List<String> order = new ArrayList<>();
            for (List<String> keys : orders) {
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i);
                    if (!order.contains(key) && CANONICAL_ORDER.contains(key)) {
                        int at = i == 0 ? 0 : order.indexOf(keys.get(i - 1)) + 1;
                        order.add(Math.max(0, Math.min(at, order.size())), key);
                    }
                }
            }
            for (int i = 0; i < CANONICAL_ORDER.size(); i++) {
                String key = CANONICAL_ORDER.get(i);
                if (!order.contains(key)) {
                    int at = 0;
                    for (int j = i - 1; j >= 0; j--) {
                        int known = order.indexOf(CANONICAL_ORDER.get(j));
                        if (known >= 0) {
                            at = known + 1;
                            break;
                        }
                    }
                    order.add(at, key);
                }
            }
            return order;
        }
    }
}
