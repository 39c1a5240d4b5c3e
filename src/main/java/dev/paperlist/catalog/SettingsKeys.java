package dev.paperlist.catalog;

import dev.paperlist.model.Labels;
import dev.paperlist.model.Settings;
import java.util.List;
import java.util.function.Function;

/**
 * The registry of settings keys: one declaration per key of papers.yaml's {@code settings} and of its
 * {@code labels}, in the order the catalogue writer writes them, with the type of its value as the JSON
 * schema states it and how it is written when it differs from the default. The loader's key lists and
 * did-you-mean hints, the writer's settings block and the schema agreement test read it.
 */
public final class SettingsKeys {
    // The schema types settings use, as the members their schema property holds; {} stands for any schema.
    static final String TEXT = "{\"$ref\": \"#/$defs/requiredText\"}";
    static final String SPACED_TEXT = "{\"$ref\": \"#/$defs/text\"}";
    static final String FLAG = "{\"$ref\": \"#/$defs/flag\"}";
    static final String CHOICE = "{\"type\": \"string\"}";
    static final String NUMBER = "{\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"string\"}]}";

    /**
     * One settings key.
     *
     * @param schema what its schema property must hold, as JSON: each member there, recursively
     * @param value a one-line key's value as written, or {@code null} for a key whose value is a mapping or a
     *     list, which the writer writes with a method of its own for that key
     * @param quoted whether a one-line value is always quoted (separators: their spaces are the point)
     */
    public record Key(String key, String schema, Function<Settings, String> value, boolean quoted) {
        /** Whether the key's value is one line of text. */
        public boolean oneLine() {
            return value != null;
        }
    }

    /** One key of {@code labels}, the bold words the notes layout puts before a paper's parts. */
    public record Label(String key, Function<Labels, String> get) {}

    /** Every settings key, in the order papers.yaml writes them. */
    public static final List<Key> ALL = List.of(
            new Key("not_accepted", TEXT, Settings::notAccepted, false),
            new Key("author_separator", SPACED_TEXT, Settings::authorSeparator, true),
            new Key("tag_separator", SPACED_TEXT, Settings::tagSeparator, true),
            new Key("top_heading_level", NUMBER, s -> String.valueOf(s.topHeadingLevel()), false),
            new Key("layout", CHOICE, Settings::layout, false),
            new Key("toc", FLAG, s -> String.valueOf(s.toc()), false),
            new Key("toc_papers", FLAG, s -> String.valueOf(s.tocPapers()), false),
            new Key("labels", ref("labels"), null, false),
            new Key("table", ref("table"), null, false),
            new Key("entries", ref("entries"), null, false),
            new Key("outputs", "{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/output\"}}", null, false),
            new Key("lint", ref("lint"), null, false),
            new Key("tag_pages", flagOr("tagPages"), null, false),
            new Key("size_budget", NUMBER, null, false),
            new Key("split_sections", flagOr("split"), null, false),
            new Key("metrics", ref("metrics"), null, false));

    /** Every key of {@code labels}, in the order papers.yaml writes them; each is text. */
    public static final List<Label> LABELS = List.of(
            new Label("paper", Labels::paper),
            new Label("accepted", Labels::accepted),
            new Label("submitted", Labels::submitted),
            new Label("authors", Labels::authors),
            new Label("tags", Labels::tags),
            new Label("abstract", Labels::abstractText),
            new Label("notes", Labels::notes));

    private SettingsKeys() {}

    public static List<String> keys() {
        return ALL.stream().map(Key::key).toList();
    }

    public static List<String> labelKeys() {
        return LABELS.stream().map(Label::key).toList();
    }

    private static String ref(String definition) {
        return "{\"$ref\": \"#/$defs/" + definition + "\"}";
    }

    private static String flagOr(String definition) {
        return "{\"anyOf\": [" + FLAG + ", " + ref(definition) + "]}";
    }
}
