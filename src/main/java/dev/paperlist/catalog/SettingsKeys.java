package dev.paperlist.catalog;

import dev.paperlist.model.Labels;
import dev.paperlist.model.Settings;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The registry of settings keys: one declaration per key of papers.yaml's {@code settings} and of its
 * {@code labels}, in the order {@link CatalogWriter} writes them, with the type of its value as the JSON
 * schema states it and how it is written when it differs from the default. The loader's key lists and
 * did-you-mean hints, the writer's settings block and the schema agreement test read it.
 */
final class SettingsKeys {
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
     * @param write appends its lines, indented by two spaces, when the value differs from the default
     */
    record Key(String key, String schema, BiConsumer<StringBuilder, Settings> write) {}

    /** One key of {@code labels}, the bold words the notes layout puts before a paper's parts. */
    record Label(String key, Function<Labels, String> get) {}

    private static final Settings D = Settings.DEFAULT;

    /** Every settings key, in the order papers.yaml writes them. */
    static final List<Key> ALL = List.of(
            new Key("not_accepted", TEXT, (out, s) -> text(out, "not_accepted", s.notAccepted(), D.notAccepted(), false)),
            new Key("author_separator", SPACED_TEXT,
                    (out, s) -> text(out, "author_separator", s.authorSeparator(), D.authorSeparator(), true)),
            new Key("tag_separator", SPACED_TEXT,
                    (out, s) -> text(out, "tag_separator", s.tagSeparator(), D.tagSeparator(), true)),
            new Key("top_heading_level", NUMBER, (out, s) -> text(out, "top_heading_level",
                    String.valueOf(s.topHeadingLevel()), String.valueOf(D.topHeadingLevel()), false)),
            new Key("layout", CHOICE, (out, s) -> text(out, "layout", s.layout(), D.layout(), false)),
            new Key("toc", FLAG, (out, s) -> text(out, "toc", String.valueOf(s.toc()), String.valueOf(D.toc()), false)),
            new Key("toc_papers", FLAG, (out, s) -> text(out, "toc_papers", String.valueOf(s.tocPapers()),
                    String.valueOf(D.tocPapers()), false)),
            new Key("labels", ref("labels"), CatalogWriter::labels),
            new Key("table", ref("table"), CatalogWriter::table),
            new Key("outputs", "{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/output\"}}", CatalogWriter::outputs),
            new Key("lint", ref("lint"), CatalogWriter::lint),
            new Key("tag_pages", flagOr("tagPages"), CatalogWriter::tagPages),
            new Key("size_budget", NUMBER, CatalogWriter::sizeBudget),
            new Key("split_sections", flagOr("split"), CatalogWriter::split),
            new Key("metrics", ref("metrics"), CatalogWriter::metrics));

    /** Every key of {@code labels}, in the order papers.yaml writes them; each is text. */
    static final List<Label> LABELS = List.of(
            new Label("paper", Labels::paper),
            new Label("accepted", Labels::accepted),
            new Label("submitted", Labels::submitted),
            new Label("authors", Labels::authors),
            new Label("tags", Labels::tags),
            new Label("abstract", Labels::abstractText),
            new Label("notes", Labels::notes));

    private SettingsKeys() {}

    static List<String> keys() {
        return ALL.stream().map(Key::key).toList();
    }

    static List<String> labelKeys() {
        return LABELS.stream().map(Label::key).toList();
    }

    // A scalar setting; a separator is always quoted, as its spaces are the point of it.
    private static void text(StringBuilder out, String key, String value, String fallback, boolean quoted) {
        if (!value.equals(fallback)) {
            out.append("  ").append(key).append(": ")
                    .append(quoted ? CatalogWriter.quoted(value) : CatalogWriter.scalar(value)).append('\n');
        }
    }

    private static String ref(String definition) {
        return "{\"$ref\": \"#/$defs/" + definition + "\"}";
    }

    private static String flagOr(String definition) {
        return "{\"anyOf\": [" + FLAG + ", " + ref(definition) + "]}";
    }
}
