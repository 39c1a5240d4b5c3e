package dev.paperlist.catalog.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming parser, refusing every YAML
 * feature a paper catalogue does not need and that makes files unsafe or ambiguous: anchors, aliases,
 * merge keys, tags, duplicate keys, several documents, and nesting deeper than {@link #MAX_DEPTH}.
 */
public final class YamlReader {
    /** Deep enough for five levels of sections with papers and badges, far below stack limits. */
    public static final int MAX_DEPTH = 40;

    private final String fileName;
    private final Map<String, String> keys = new HashMap<>();
    private String text;
    private int[] lineStarts;
    private int walkedLine;
    private int walkedColumn;
    private int walkedOffset;

    public YamlReader(String fileName) {
        this.fileName = fileName;
    }

    public YamlNode read(String text) {
        this.text = text;
        LoaderOptions options = new LoaderOptions();
        // File size is limited by the caller; SnakeYAML's own 3 MB default would refuse real catalogues.
        options.setCodePointLimit(Integer.MAX_VALUE);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNestingDepth(MAX_DEPTH + 10)
                        .build())
                .build();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                String what = text.isBlank() ? "the file is empty" : "the file has only comments";
                throw error(new SourcePosition(1, 1), what + "; a catalogue starts with 'sections:'");
            }
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                throw error(position(parser), "a second YAML document; papers.yaml must hold exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    // Iterative, so that hostile nesting ends in a depth error rather than a StackOverflowError.
    private YamlNode readValue(YAMLParser parser) throws IOException {
        Deque<Builder> stack = new ArrayDeque<>();
        YamlNode done = null;
        do {
            JsonToken token = parser.currentToken();
            SourcePosition at = position(parser);
            rejectUnsafe(parser, at);
            YamlNode value = null;
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (stack.size() >= MAX_DEPTH) {
                        throw error(at, "nesting deeper than " + MAX_DEPTH + " levels");
                    }
                    stack.push(new Builder(token == JsonToken.START_OBJECT, at));
                }
                case FIELD_NAME -> {
                    // One string per distinct key: 100,000 papers repeat 'name', 'title'… a million times.
                    String key = keys.computeIfAbsent(parser.currentName(), k -> k);
                    Builder map = stack.peek();
                    if (key.equals("<<")) {
                        throw error(at, "YAML merge keys ('<<') are not supported; write the keys out");
                    }
                    YamlNode.Entry previous = map.entries.get(key);
                    if (previous != null) {
                        throw error(at, "duplicate key '" + key + "' (first at line "
                                + previous.keyPosition().line() + ")");
                    }
                    map.pendingKey = key;
                    map.pendingKeyPosition = at;
                }
                case END_OBJECT, END_ARRAY -> {
                    Builder finished = stack.pop();
                    value = finished.build();
                }
                case VALUE_NULL -> value = scalar(parser, true, at);
                default -> value = scalar(parser, false, at);
            }
            if (value != null) {
                if (stack.isEmpty()) {
                    done = value;
                } else {
                    stack.peek().add(value);
                }
            }
        } while (done == null && parser.nextToken() != null);
        if (done == null) {
            throw error(position(parser), "unexpected end of file");
        }
        return done;
    }

    private YamlNode.Scalar scalar(YAMLParser parser, boolean isNull, SourcePosition at) throws IOException {
        // Jackson reports anchors of mappings and lists but not of scalars; the scalar's position is where
        // its properties start, so an anchor shows as '&' there (a plain scalar cannot start with '&').
        int offset = offsetOf(at);
        if (offset < text.length() && text.charAt(offset) == '&') {
            int stop = offset + 1;
            while (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
                stop++;
            }
            throw error(at, "YAML anchors ('" + text.substring(offset, stop) + "') are not supported");
        }
        return new YamlNode.Scalar(parser.getText(), isNull, at);
    }

    // The offset in the text of a line and column; columns count code points, as SnakeYAML and editors do.
    // Scalars come in file order, so each walk goes on from the last one on the same line: a hostile
    // catalogue written on one long line stays linear.
    private int offsetOf(SourcePosition at) {
        if (lineStarts == null) {
            int[] starts = new int[1024];
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            lineStarts = java.util.Arrays.copyOf(starts, count);
        }
        if (at.line() < 1 || at.line() > lineStarts.length) {
            return text.length();
        }
        int c = 1;
        int offset = lineStarts[at.line() - 1];
        if (at.line() == walkedLine && at.column() >= walkedColumn) {
            c = walkedColumn;
            offset = walkedOffset;
        }
        for (; c < at.column() && offset < text.length() && text.charAt(offset) != '\n'; c++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        walkedLine = at.line();
        walkedColumn = c;
        walkedOffset = offset;
        return offset;
    }

    private void rejectUnsafe(YAMLParser parser, SourcePosition at) throws IOException {
        if (parser.isCurrentAlias()) {
            throw error(at, "YAML aliases ('*" + parser.getText() + "') are not supported; write the value out");
        }
        if (parser.getObjectId() != null) {
            throw error(at, "YAML anchors ('&" + parser.getObjectId() + "') are not supported");
        }
        if (parser.getTypeId() != null) {
            throw error(at, "YAML tags ('" + parser.getTypeId() + "') are not supported; quote the value instead");
        }
    }

    private SourcePosition position(YAMLParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return new SourcePosition(location.getLineNr(), location.getColumnNr());
    }

    private PaperlistException error(SourcePosition at, String message) {
        return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName, at.line(), at.column(), message));
    }

    private PaperlistException syntaxError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
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
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : location.getLineNr() + ":" + location.getColumnNr() + ":";
        String problem = oneLine(e.getOriginalMessage());
        if (problem.startsWith("Expected a field name")) {
            // A complex key ('? [a]'): Jackson's own words name parser internals.
            problem = "a key must be text, not a list or a mapping";
        }
        return new PaperlistException(ExitCode.INVALID_INPUT, fileName + ":" + where + " YAML error: " + problem, e);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static final class Builder {
        final boolean mapping;
        final SourcePosition position;
        final SmallMap<YamlNode.Entry> entries;
        final List<YamlNode> items;
        String pendingKey;
        SourcePosition pendingKeyPosition;

        Builder(boolean mapping, SourcePosition position) {
            this.mapping = mapping;
            this.position = position;
            this.entries = mapping ? new SmallMap<>() : null;
            this.items = mapping ? null : new ArrayList<>(4);
        }

        void add(YamlNode value) {
            if (mapping) {
                entries.put(pendingKey, new YamlNode.Entry(pendingKey, pendingKeyPosition, value));
                pendingKey = null;
            } else {
                items.add(value);
            }
        }

        YamlNode build() {
            return mapping
                    ? new YamlNode.Mapping(entries, position)
                    : new YamlNode.Sequence(items, position);
        }
    }
}
