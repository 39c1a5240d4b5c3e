package dev.paperlist.catalog;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Catalogue text with SnakeYAML's node tree over it, for editing the text in place: where each node starts
 * and ends, and where its lines are. Only used on text the loader has already accepted, so the tree has
 * no anchors, aliases, tags or duplicate keys.
 */
final class YamlSource {
    final String text;
    final MappingNode root;
    // SnakeYAML counts offsets in code points; Java strings in UTF-16 units.
    private final boolean hasSurrogates;

    YamlSource(String text) {
        this.text = text;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(YamlReader.MAX_DEPTH + 10);
        Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
        this.root = (MappingNode) composer.getSingleNode();
        boolean surrogates = false;
        for (int i = 0; i < text.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        this.hasSurrogates = surrogates;
    }

    int offset(Mark mark) {
        if (!hasSurrogates) {
            return Math.min(mark.getIndex(), text.length());
        }
        int offset = 0;
        for (int n = 0; n < mark.getIndex() && offset < text.length(); n++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return offset;
    }

    int start(Node node) {
        return offset(node.getStartMark());
    }

    int end(Node node) {
        return offset(node.getEndMark());
    }

    static boolean isFlow(Node node) {
        return node instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    static NodeTuple tuple(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    static Node value(MappingNode map, String key) {
        NodeTuple t = tuple(map, key);
        return t == null ? null : t.getValueNode();
    }

    static List<Node> items(Node sequence) {
        return ((SequenceNode) sequence).getValue();
    }

    /**
     * Where a node's own text ends. Block collections end (in SnakeYAML's marks) only where the next token
     * starts, after any comments, so their end is taken from their last scalar or flow collection instead.
     */
    int contentEnd(Node node) {
        if (node instanceof MappingNode map && !isFlow(map) && !map.getValue().isEmpty()) {
            return contentEnd(map.getValue().get(map.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode seq && !isFlow(seq) && !seq.getValue().isEmpty()) {
            return contentEnd(seq.getValue().get(seq.getValue().size() - 1));
        }
        return end(node);
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

    /** The column of an offset, for offsets preceded on their line by indentation and dashes only. */
    int column(int offset) {
        return offset - lineStart(offset);
    }

    /**
     * The offset of the '-' that introduces a block sequence item, or -1 when it is not on the item's first
     * line (a layout such as a dash alone on its line).
     */
    int dashBefore(Node item) {
        int i = start(item) - 1;
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
