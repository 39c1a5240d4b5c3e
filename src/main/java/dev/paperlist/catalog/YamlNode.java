package dev.paperlist.catalog;

import dev.paperlist.model.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * The catalogue file as a tree of mappings, sequences and scalars, each with its position. Every
 * scalar is kept as the text written, so {@code 012} or {@code no} never become numbers or booleans.
 */
sealed interface YamlNode {
    SourcePosition position();

    /** A human name for the node's kind, used in type errors. */
    String kind();

    record Scalar(String text, boolean isNull, SourcePosition position) implements YamlNode {
        @Override
        public String kind() {
            return "a text value";
        }
    }

    record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping whose keys keep file order and their own positions. */
    record Mapping(Map<String, Entry> entries, SourcePosition position) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, SourcePosition keyPosition, YamlNode value) {}
}
