package dev.paperlist.catalog.edit;

import dev.paperlist.catalog.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue text with a tree of where its YAML nodes are, for editing the text in place: where each node
 * starts and ends, how each scalar is quoted, and where lines are. The tree comes from the loader's own
 * {@link YamlReader}, so the text passes the same refusals (anchors, aliases, tags, duplicate keys).
 *
 * <p>The tree keeps offsets and the keys' text only, where SnakeYAML's node tree keeps every value and two
 * marks each holding a window of the file, several times the file's size (a 10,000-paper file needed over
 * 500 MiB for an {@code add}).
 */
final class YamlSource {
    /** A node of the tree; {@code start} and {@code end} are offsets in the text, as SnakeYAML marks them. */
    sealed interface Node permits Scalar, Sequence, Mapping {
        int start();

        int end();
    }

    /** A scalar; {@code key} holds its text when it is a mapping's key, and is null otherwise. */
    record Scalar(String key, YamlStyle.Quoting quoting, int start, int end) implements Node {}

    record Sequence(boolean flow, List<Node> items, int start, int end) implements Node {}

    record Mapping(boolean flow, List<Tuple> tuples, int start, int end) implements Node {}

    record Tuple(Scalar key, Node value) {}

    final String text;
    final Mapping root;

    YamlSource(String text, String fileName) {
        this.text = text;
        this.root = (Mapping) new YamlReader(fileName).readSpans(text, new TreeBuilder());
    }

    /** Builds the tree as the reader reports nodes, children first. */
    private static final class TreeBuilder implements YamlReader.Spans<Node> {
        @Override
        public Node scalar(String key, YamlReader.ScalarStyle style, int start, int end) {
            YamlStyle.Quoting quoting = switch (style) {
                case SINGLE_QUOTED -> YamlStyle.Quoting.SINGLE;
                case DOUBLE_QUOTED -> YamlStyle.Quoting.DOUBLE;
                case BLOCK -> YamlStyle.Quoting.BLOCK;
                case PLAIN -> YamlStyle.Quoting.PLAIN;
            };
            return new Scalar(key, quoting, start, end);
        }

        @Override
        public Node sequence(boolean flow, List<Node> items, int start, int end) {
            return new Sequence(flow, List.copyOf(items), start, end);
        }

        @Override
        public Node mapping(boolean flow, List<Node> keysAndValues, int start, int end) {
            List<Tuple> tuples = new ArrayList<>(keysAndValues.size() / 2);
            for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
                tuples.add(new Tuple((Scalar) keysAndValues.get(i), keysAndValues.get(i + 1)));
            }
            return new Mapping(flow, List.copyOf(tuples), start, end);
        }
    }

    static boolean isFlow(Node node) {
        return node instanceof Mapping m && m.flow() || node instanceof Sequence s && s.flow();
    }

    static Tuple tuple(Mapping map, String key) {
        for (Tuple t : map.tuples()) {
            if (key.equals(t.key().key())) {
                return t;
            }
        }
        return null;
    }

    static Node value(Mapping map, String key) {
        Tuple t = tuple(map, key);
        return t == null ? null : t.value();
    }

    static List<Node> items(Node sequence) {
        return ((Sequence) sequence).items();
    }

    /**
     * Where a node's own text ends. Block collections end (in SnakeYAML's marks) only where the next token
     * starts, after any comments, so their end is taken from their last scalar or flow collection instead.
     */
    int contentEnd(Node node) {
        if (node instanceof Mapping map && !map.flow() && !map.tuples().isEmpty()) {
            return contentEnd(map.tuples().get(map.tuples().size() - 1).value());
        }
        if (node instanceof Sequence seq && !seq.flow() && !seq.items().isEmpty()) {
            return contentEnd(seq.items().get(seq.items().size() - 1));
        }
        return node.end();
    }

    /**
     * The start of the line after the one where text before {@code offset} ends. A block scalar's end mark
     * lies after its trailing line breaks, so white space is skipped backwards first; a comment on the
     * last line stays on that line.
     */
    int nextLineStart(int offset) {
        int i = offset;
        while (i > 0 && " \t\r\n".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        int newline = text.indexOf('\n', i);
        return newline < 0 ? text.length() : newline + 1;
    }

    int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** The 1-based line of an offset. */
    int line(int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    /** The column of an offset, for offsets preceded on their line by indentation and dashes only. */
    int column(int offset) {
        return offset - lineStart(offset);
    }

    /**
     * The offset of the '-' that introduces a block sequence item, or -1 when it is not on the item's first
     * line (a layout such as a dash alone on its line).
     */
    int dashBefore(Node item) {
        int i = item.start() - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '-' ? i : -1;
    }

    /** Whether the line before the one holding {@code offset} is empty or white space only. */
    boolean blankLineBefore(int offset) {
        int lineStart = lineStart(offset);
        if (lineStart == 0) {
            return false;
        }
        int previousStart = lineStart(lineStart - 1);
        return text.substring(previousStart, lineStart).isBlank();
    }

    /**
     * The start of the line holding {@code offset}, moved up over comment lines directly above it that are
     * indented to {@code column}: such comments describe the item below them and stay with it.
     */
    int startWithComments(int offset, int column) {
        int start = lineStart(offset);
        while (start > 0) {
            int previous = lineStart(start - 1);
            String line = text.substring(previous, start);
            String stripped = line.stripLeading();
            if (!stripped.startsWith("#") || line.length() - stripped.length() != column) {
                break;
            }
            start = previous;
        }
        return start;
    }
}
