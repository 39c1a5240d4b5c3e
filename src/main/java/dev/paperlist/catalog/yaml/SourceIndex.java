package dev.paperlist.catalog.yaml;

import dev.paperlist.model.SourcePosition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a catalogue file is written, for messages about parts the model keeps no position
 * for (a paper's url, the third note link). Found from a model object's own position by a path of keys
 * and list indexes: {@code at(paper.position(), "notes", 2, "url")}.
 */
public final class SourceIndex {
    private final Map<SourcePosition, YamlNode.Mapping> mappings = new HashMap<>();

    private SourceIndex(YamlNode root) {
        index(root);
    }

    /** Reads the file's YAML tree; the text must be one the loader accepts. */
    public static SourceIndex of(String text, String displayName) {
        return new SourceIndex(new YamlReader(displayName).read(text));
    }

    /**
     * The position of the value reached from the mapping that starts at {@code mapping} by {@code path}
     * (keys as strings, list indexes as integers); empty when there is no such value.
     */
    public Optional<SourcePosition> at(SourcePosition mapping, Object... path) {
        YamlNode node = mappings.get(mapping);
        for (Object step : path) {
            if (node instanceof YamlNode.Mapping map && step instanceof String key && map.entries().containsKey(key)) {
                node = map.entries().get(key).value();
            } else if (node instanceof YamlNode.Sequence list && step instanceof Integer i && i >= 0
                    && i < list.items().size()) {
                node = list.items().get(i);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node).map(YamlNode::position);
    }

    // Iterative, like the reader, so a deep file cannot exhaust the stack.
    private void index(YamlNode root) {
        java.util.ArrayDeque<YamlNode> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            YamlNode node = pending.pop();
            if (node instanceof YamlNode.Mapping map) {
                mappings.putIfAbsent(map.position(), map);
                map.entries().values().forEach(e -> pending.push(e.value()));
            } else if (node instanceof YamlNode.Sequence list) {
                list.items().forEach(pending::push);
            }
        }
    }
}
