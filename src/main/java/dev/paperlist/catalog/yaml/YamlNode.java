package dev.paperlist.catalog.yaml;

import dev.paperlist.model.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * The catalogue file as a tree of mappings, sequences and scalars, each with its position. Every
 * scalar is kept as the text written, so {@code 012} or {@code no} never become numbers or booleans.
 * Positions are kept as two ints and made into {@link SourcePosition}s only when asked for: a
 * 100,000-paper catalogue has millions of nodes.
 */
public sealed interface YamlNode {
    SourcePosition position();

    /** A human name for the node's kind, used in type errors. */
    String kind();

    record Scalar(String text, boolean isNull, int line, int column) implements YamlNode {
        Scalar(String text, boolean isNull, SourcePosition position) {
            this(text, isNull, position.line(), position.column());
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition(line, column);
        }

        @Override
        public String kind() {
            return "a text value";
        }
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        Sequence(List<YamlNode> items, SourcePosition position) {
            this(items, position.line(), position.column());
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition(line, column);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping whose keys keep file order and their own positions. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
        Mapping(Map<String, Entry> entries, SourcePosition position) {
            this(entries, position.line(), position.column());
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition(line, column);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, int line, int column, YamlNode value) {
        Entry(String key, SourcePosition keyPosition, YamlNode value) {
            this(key, keyPosition.line(), keyPosition.column(), value);
        }

        public SourcePosition keyPosition() {
            return new SourcePosition(line, column);
        }
    }
}
