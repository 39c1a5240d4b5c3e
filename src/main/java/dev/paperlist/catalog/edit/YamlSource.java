package dev.paperlist.catalog.edit;

import dev.paperlist.catalog.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Catalogue text with a tree of where its YAML nodes are, for editing the text in place: where each node
 * starts and ends, how each scalar is quoted, and where lines are. Only used on text the loader has
 * already accepted, so there are no anchors, aliases, tags or duplicate keys.
 *
 * <p>The tree is built from SnakeYAML's event stream rather than its node tree: it keeps offsets and the
 * keys' text only, where SnakeYAML's nodes keep every value and two marks each holding a window of the
 * file, several times the file's size (a 10,000-paper file needed over 500 MiB for an {@code add}).
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

    YamlSource(String text) {
        this.text = text;
        this.root = (Mapping) new TreeBuilder(text).build();
    }

    /** Builds the tree from the events, converting marks to offsets as they come. */
    private static final class TreeBuilder {
        private final String text;
        private final Parser parser;
        // SnakeYAML counts offsets in code points, Java strings in UTF-16 units. Marks mostly come in
        // order, so the conversion walks on from the last one and stays linear in files full of emoji.
        private int countedPoints;
        private int countedOffset;

        TreeBuilder(String text) {
            this.text = text;
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Integer.MAX_VALUE);
            options.setNestingDepthLimit(YamlReader.MAX_DEPTH + 10);
            this.parser = new ParserImpl(new StreamReader(text), options);
        }

        Node build() {
            Node root = null;
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart) || event.is(Event.ID.Scalar)) {
                    root = node(event);
                } else if (event.is(Event.ID.StreamEnd)) {
                    break;
                }
            }
            return root;
        }

        // The node an event starts; a collection is read up to its end event. A mapping's keys are every
        // other node, starting with the first.
        private Node node(Event first) {
            record Open(Event start, int offset, List<Node> items) {}
            List<Open> stack = new ArrayList<>();
            Event event = first;
            while (true) {
                Node done = null;
                if (event instanceof ScalarEvent scalar) {
                    boolean isKey = !stack.isEmpty() && stack.get(stack.size() - 1).start.is(Event.ID.MappingStart)
                            && stack.get(stack.size() - 1).items.size() % 2 == 0;
                    done = new Scalar(isKey ? scalar.getValue() : null, quoting(scalar.getScalarStyle()),
                            offset(scalar.getStartMark()), offset(scalar.getEndMark()));
                } else if (event instanceof CollectionStartEvent) {
                    stack.add(new Open(event, offset(event.getStartMark()), new ArrayList<>()));
                } else if (event.is(Event.ID.SequenceEnd) || event.is(Event.ID.MappingEnd)) {
                    Open open = stack.remove(stack.size() - 1);
                    boolean flow = ((CollectionStartEvent) open.start).getFlowStyle() == DumperOptions.FlowStyle.FLOW;
                    int start = open.offset;
                    int end = offset(event.getEndMark());
                    if (open.start.is(Event.ID.SequenceStart)) {
                        done = new Sequence(flow, List.copyOf(open.items), start, end);
                    } else {
                        List<Tuple> tuples = new ArrayList<>(open.items.size() / 2);
                        for (int i = 0; i + 1 < open.items.size(); i += 2) {
                            tuples.add(new Tuple((Scalar) open.items.get(i), open.items.get(i + 1)));
                        }
                        done = new Mapping(flow, List.copyOf(tuples), start, end);
                    }
                } else {
                    throw new IllegalStateException("unexpected YAML event " + event.getEventId()
                            + " in a catalogue the loader accepted");
                }
                if (done != null) {
                    if (stack.isEmpty()) {
                        return done;
                    }
                    stack.get(stack.size() - 1).items.add(done);
                }
                event = parser.getEvent();
            }
        }

        private static YamlStyle.Quoting quoting(DumperOptions.ScalarStyle style) {
            return switch (style) {
                case SINGLE_QUOTED -> YamlStyle.Quoting.SINGLE;
                case DOUBLE_QUOTED -> YamlStyle.Quoting.DOUBLE;
                case LITERAL, FOLDED -> YamlStyle.Quoting.BLOCK;
                default -> YamlStyle.Quoting.PLAIN;
            };
        }

        private int offset(Mark mark) {
            int points = mark.getIndex();
            while (countedPoints > points) {
                countedOffset -= Character.charCount(text.codePointBefore(countedOffset));
                countedPoints--;
            }
            while (countedPoints < points && countedOffset < text.length()) {
                countedOffset += Character.charCount(text.codePointAt(countedOffset));
                countedPoints++;
            }
            return Math.min(countedOffset, text.length());
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
