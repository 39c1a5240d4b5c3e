package dev.paperlist.catalog.yaml;

import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text with SnakeYAML's event parser into a {@link YamlNode} tree with line:column positions
 * and, for editing the text in place, optionally into a tree of character offsets built by a
 * {@link Spans} at the same time. It refuses every YAML feature a paper catalogue does not need and that
 * makes files unsafe or ambiguous: anchors, aliases, merge keys, tags, duplicate keys, several documents,
 * and nesting deeper than {@link #MAX_DEPTH}.
 */
public final class YamlReader {
    /** Deep enough for five levels of sections with papers and badges, far below stack limits. */
    public static final int MAX_DEPTH = 40;

    /** How a scalar is written. */
    public enum ScalarStyle { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, BLOCK }

    /**
     * Builds a tree of where nodes are written, from offsets in the text (UTF-16 units): {@code start} and
     * {@code end} as SnakeYAML marks them. Children come before their parents.
     */
    public interface Spans<N> {
        /** A scalar; {@code key} holds its text when it is a mapping's key, and is null otherwise. */
        N scalar(String key, ScalarStyle style, int start, int end);

        N sequence(boolean flow, List<N> items, int start, int end);

        /** A mapping; {@code keysAndValues} alternates keys (scalars) and their values. */
        N mapping(boolean flow, List<N> keysAndValues, int start, int end);
    }

    private final String fileName;
    private final Map<String, String> keys = new HashMap<>();
    private String text;
    private Event lastEvent;
    // SnakeYAML counts offsets in code points, Java strings in UTF-16 units. Marks mostly come in order,
    // so the conversion walks on from the last one and stays linear in files full of emoji.
    private int countedPoints;
    private int countedOffset;

    public YamlReader(String fileName) {
        this.fileName = fileName;
    }

    /** The file's tree with line:column positions. */
    public YamlNode read(String text) {
        return parse(text, null).node;
    }

    /** The tree of where the file's nodes are written, built by {@code spans} in the same pass. */
    public <N> N readSpans(String text, Spans<N> spans) {
        return parse(text, spans).spans;
    }

    private record Parsed<N>(YamlNode node, N spans) {}

    private <N> Parsed<N> parse(String text, Spans<N> spans) {
        this.text = text;
        // A reader may be given several texts; offsets are counted afresh in each.
        lastEvent = null;
        countedPoints = 0;
        countedOffset = 0;
        LoaderOptions options = new LoaderOptions();
        // File size is limited by the caller; SnakeYAML's own 3 MB default would refuse real catalogues.
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        ParserImpl parser = new ParserImpl(new StreamReader(text), options);
        try {
            Event first = next(parser);
            if (first == null) {
                String what = text.isBlank() ? "the file is empty" : "the file has only comments";
                throw error(new SourcePosition(1, 1), what + "; a catalogue starts with 'sections:'");
            }
            Parsed<N> root = readValue(parser, first, spans);
            Event extra = next(parser);
            if (extra != null) {
                throw error(start(extra), "a second YAML document; papers.yaml must hold exactly one");
            }
            return root;
        } catch (YAMLException e) {
            throw syntaxError(e, e.getMessage());
        } catch (NumberFormatException e) {
            // SnakeYAML lets this escape on some malformed escapes.
            throw syntaxError(e, String.format("Malformed Number token: failed to tokenize due to (%s): %s",
                    e.getClass().getName(), e.getMessage()));
        }
    }

    /** The next event that is a node or its end, skipping stream and document markers; null at the end. */
    private Event next(ParserImpl parser) {
        while (true) {
            Event event = parser.getEvent();
            if (event == null) {
                return null;
            }
            lastEvent = event;
            if (event.is(Event.ID.StreamEnd)) {
                return null;
            }
            if (!event.is(Event.ID.StreamStart) && !event.is(Event.ID.DocumentStart)
                    && !event.is(Event.ID.DocumentEnd)) {
                return event;
            }
        }
    }

    // Iterative, so that hostile nesting ends in a depth error rather than a StackOverflowError.
    @SuppressWarnings("unchecked")
    private <N> Parsed<N> readValue(ParserImpl parser, Event first, Spans<N> spans) {
        List<Frame> stack = new ArrayList<>();
        Event event = first;
        while (true) {
            Frame open = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            YamlNode value = null;
            Object span = null;
            if (open != null && open.mapping && open.pendingKey == null) {
                if (event.is(Event.ID.MappingEnd)) {
                    stack.remove(stack.size() - 1);
                    value = open.build();
                    span = spans == null ? null : open.span(spans, offset(event.getEndMark()));
                } else if (event instanceof ScalarEvent scalar) {
                    key(open, scalar, spans);
                } else {
                    Mark end = event.getEndMark();
                    throw new PaperlistException(ExitCode.INVALID_INPUT, fileName + ":" + (end.getLine() + 1) + ":"
                            + (end.getColumn() + 1) + ": YAML error: a key must be text, not a list or a mapping");
                }
            } else {
                Mark mark = event.getStartMark();
                int line = mark.getLine() + 1;
                int column = mark.getColumn() + 1;
                if (event instanceof AliasEvent alias) {
                    SourcePosition at = new SourcePosition(line, column);
                    throw error(at, "YAML aliases ('*" + alias.getAnchor() + "') are not supported; write the value out");
                } else if (event instanceof ScalarEvent scalar) {
                    rejectTag(scalar.getTag(), line, column);
                    if (scalar.getAnchor() != null) {
                        // Reported as written, from the '&' to the next white space.
                        int offset = text.offsetByCodePoints(0, scalar.getStartMark().getIndex());
                        int stop = offset + 1;
                        while (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
                            stop++;
                        }
                        throw error(new SourcePosition(line, column),
                                "YAML anchors ('" + text.substring(offset, stop) + "') are not supported");
                    }
                    // Only YAML nulls written plain are nulls; the empty value stays "", as every scalar its text.
                    String written = scalar.getValue();
                    boolean isNull = scalar.getImplicit().canOmitTagInPlainScalar()
                            && (written.equals("null") || written.equals("Null") || written.equals("NULL")
                                || written.equals("~"));
                    value = new YamlNode.Scalar(written, isNull, line, column);
                    if (spans != null) {
                        span = spans.scalar(null, style(scalar.getScalarStyle()),
                                offset(scalar.getStartMark()), offset(scalar.getEndMark()));
                    }
                } else if (event instanceof CollectionStartEvent collection) {
                    SourcePosition at = new SourcePosition(line, column);
                    if (collection.getAnchor() != null) {
                        throw error(at, "YAML anchors ('&" + collection.getAnchor() + "') are not supported");
                    }
                    rejectTag(collection.getTag(), line, column);
                    if (stack.size() >= MAX_DEPTH) {
                        throw error(at, "nesting deeper than " + MAX_DEPTH + " levels");
                    }
                    boolean flow = collection.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
                    stack.add(new Frame(event.is(Event.ID.MappingStart), at, flow,
                            spans == null ? -1 : offset(event.getStartMark()), spans != null));
                } else if (event.is(Event.ID.SequenceEnd) && open != null) {
                    stack.remove(stack.size() - 1);
                    value = open.build();
                    span = spans == null ? null : open.span(spans, offset(event.getEndMark()));
                } else {
                    throw new IllegalStateException("unexpected YAML event " + event.getEventId());
                }
            }
            if (value != null) {
                if (stack.isEmpty()) {
                    return new Parsed<>(value, (N) span);
                }
                stack.get(stack.size() - 1).add(value, span);
            }
            event = parser.getEvent();
            lastEvent = event;
        }
    }

    private <N> void key(Frame map, ScalarEvent scalar, Spans<N> spans) {
        Mark mark = scalar.getStartMark();
        int line = mark.getLine() + 1;
        int column = mark.getColumn() + 1;
        if (scalar.getAnchor() != null) {
            SourcePosition at = new SourcePosition(line, column);
            throw error(at, "YAML anchors ('&" + scalar.getAnchor() + "') are not supported");
        }
        rejectTag(scalar.getTag(), line, column);
        // One string per distinct key: 100,000 papers repeat 'name', 'title'… a million times.
        String key = keys.computeIfAbsent(scalar.getValue(), k -> k);
        if (key.equals("<<")) {
            throw error(new SourcePosition(line, column), "YAML merge keys ('<<') are not supported; write the keys out");
        }
        YamlNode.Entry previous = map.entries.get(key);
        if (previous != null) {
            throw error(new SourcePosition(line, column), "duplicate key '" + key + "' (first at line " + previous.keyPosition().line() + ")");
        }
        map.pendingKey = key;
        map.pendingKeyLine = line;
        map.pendingKeyColumn = column;
        if (spans != null) {
            map.spans.add(spans.scalar(key, style(scalar.getScalarStyle()),
                    offset(scalar.getStartMark()), offset(scalar.getEndMark())));
        }
    }

    private void rejectTag(String tag, int line, int column) {
        if (tag != null) {
            SourcePosition at = new SourcePosition(line, column);
            while (tag.startsWith("!")) {
                tag = tag.substring(1);
            }
            throw error(at, "YAML tags ('" + tag + "') are not supported; quote the value instead");
        }
    }

    private static ScalarStyle style(DumperOptions.ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL, FOLDED -> ScalarStyle.BLOCK;
            default -> ScalarStyle.PLAIN;
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

    private static SourcePosition start(Event event) {
        Mark mark = event.getStartMark();
        return new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private PaperlistException error(SourcePosition at, String message) {
        return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName, at.line(), at.column(), message));
    }

    private PaperlistException syntaxError(RuntimeException e, String message) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            String problem = oneLine(marked.getProblem());
            if (problem.startsWith("found unknown escape character /")) {
                // YAML 1.2 allows it, as JSON does; SnakeYAML reads YAML 1.1, where it is not an escape.
                problem = "'\\/' is not an escape in the YAML 1.1 that paperlist reads; write '/' (it needs none)";
            }
            if (marked.getContext() != null && marked.getContextMark() != null) {
                var context = marked.getContextMark();
                if (problem.contains("end of stream")) {
                    // The end of the file says nothing; where the unclosed quote or bracket opens does.
                    return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName,
                            context.getLine() + 1, context.getColumn() + 1, "YAML syntax error: " + problem + " at "
                            + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + " " + oneLine(marked.getContext())
                            + " that starts here"), e);
                }
                problem = oneLine(marked.getContext()) + " at " + (context.getLine() + 1) + ":"
                        + (context.getColumn() + 1) + ": " + problem;
            }
            return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName, mark.getLine() + 1,
                    mark.getColumn() + 1, "YAML syntax error: " + problem), e);
        }
        // Where the last event read ends, as the message has no mark of its own.
        Mark end = lastEvent == null ? null : lastEvent.getEndMark();
        String where = end == null ? "-1:-1:" : (end.getLine() + 1) + ":" + (end.getColumn() + 1) + ":";
        return new PaperlistException(ExitCode.INVALID_INPUT,
                fileName + ":" + where + " YAML error: " + oneLine(message), e);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static final class Frame {
        final boolean mapping;
        final int line;
        final int column;
        final SmallMap<YamlNode.Entry> entries;
        final List<YamlNode> items;
        String pendingKey;
        int pendingKeyLine;
        int pendingKeyColumn;
        final boolean flow;
        final int start;
        final List<Object> spans;

        Frame(boolean mapping, SourcePosition position, boolean flow, int start, boolean withSpans) {
            this.mapping = mapping;
            this.line = position.line();
            this.column = position.column();
            this.entries = mapping ? new SmallMap<>() : null;
            this.items = mapping ? null : new ArrayList<>(4);
            this.flow = flow;
            this.start = start;
            this.spans = withSpans ? new ArrayList<>() : null;
        }

        void add(YamlNode value, Object span) {
            if (mapping) {
                entries.put(pendingKey, new YamlNode.Entry(pendingKey, pendingKeyLine, pendingKeyColumn, value));
                pendingKey = null;
            } else {
                items.add(value);
            }
            if (spans != null) {
                spans.add(span);
            }
        }

        YamlNode build() {
            return mapping
                    ? new YamlNode.Mapping(entries, line, column)
                    : new YamlNode.Sequence(items, line, column);
        }

        @SuppressWarnings("unchecked")
        <N> N span(Spans<N> builder, int end) {
            List<N> children = (List<N>) (List<?>) spans;
            return mapping ? builder.mapping(flow, children, start, end) : builder.sequence(flow, children, start, end);
        }
    }
}
