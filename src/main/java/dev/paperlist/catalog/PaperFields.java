package dev.paperlist.catalog;

import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Badge;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The registry of paper fields: one declaration per key a paper may have in papers.yaml, giving its type
 * (which fixes how the loader reads and normalises it, how YAML writes it and what the JSON schema says),
 * whether it is required, where it lives in {@link Paper}, and its names in the exports. The loader's key
 * list and did-you-mean hints, both YAML writers and their key order, the JSON and CSV exporters, lint's
 * link checks and the schema agreement test all read it.
 *
 * <p>Adding a paper field is one declaration in {@link #ALL} (plus the record component and builder method
 * in {@link Paper} it reads and fills, and a property in {@code schema/papers.schema.json}, which a test
 * holds to the declaration), and then its rendering in the layouts that show it. The declaration's place
 * in {@link #ALL} is its place when a paper is written.
 */
public final class PaperFields {
    /**
     * What a field holds. Each type has one reading rule in the loader: white space folded in text (kept
     * as written in a {@link #TEXT_MAP} entry named {@link Paper#WRITTEN}), stripped around URLs, dates and
     * identifiers, and a key present with an empty value refused. {@link #schema} is what the type's
     * property in the JSON schema must contain.
     */
    public enum Type {
        /** Text, white space folded. */
        TEXT("{\"$ref\": \"#/$defs/requiredText\"}"),
        /** Text from a fixed list, read as text here and checked against its list where it is read (a badge's kind). */
        CHOICE("{\"type\": \"string\"}"),
        /** A paper id other entries refer to: letters, digits, '.', '-' and '_'. */
        ID("{\"type\": \"string\"}"),
        /** An http:// or https:// URL without white space. */
        URL("{\"$ref\": \"#/$defs/webUrl\"}"),
        /** A GitHub repository, as owner/repo or a github.com link; written back as owner/repo when it can be. */
        GITHUB_REPO("{\"$ref\": \"#/$defs/text\"}"),
        /** An arXiv id or arXiv link, written back as the bare id. */
        ARXIV_ID("{\"$ref\": \"#/$defs/text\"}"),
        /** YYYY, YYYY-MM or YYYY-MM-DD. */
        DATE("{\"$ref\": \"#/$defs/partialDate\"}"),
        /** One text or a list of texts, each with white space folded. */
        TEXT_LIST("{\"$ref\": \"#/$defs/textList\"}"),
        /** A list of badge mappings, with the keys {@link #BADGE}. */
        BADGE_LIST("{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/badge\"}}"),
        /** A list of note-link mappings, with the keys {@link #NOTE}. */
        NOTE_LIST("{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/note\"}}"),
        /** A mapping of the list's own labels to text, in the order written. */
        TEXT_MAP("{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/requiredText\"}}");

        private final String schema;

        Type(String schema) {
            this.schema = schema;
        }

        /** The JSON members the field's schema property must hold, as a JSON object. */
        public String schema() {
            return schema;
        }
    }

    /**
     * A field's names outside papers.yaml; {@code null} where the format leaves it out.
     *
     * @param bibtex the BibTeX field it becomes, for fields {@code BibtexExporter} writes
     */
    public record Exports(String json, String csv, String bibtex) {
        static final Exports NONE = new Exports(null, null, null);
    }

    /**
     * One paper field.
     *
     * @param key the YAML key
     * @param get the value in a paper: {@code null}, or an empty list or map, when absent
     * @param set puts a value the loader read into a paper being built
     * @param exported the value the exports show, which may be derived (an arXiv id implied by the url)
     */
    public record Field<T>(String key, Type type, boolean required, Function<Paper, T> get,
                           BiConsumer<Paper.Builder, T> set, Exports exports, Function<Paper, T> exported) {
        /** Puts a value the loader read for this field's type. */
        @SuppressWarnings("unchecked")
        void put(Paper.Builder builder, Object value) {
            set.accept(builder, (T) value);
        }

        /**
         * The value as papers.yaml holds it: text, a list of texts, a list of key-to-text mappings (badges,
         * notes) or a mapping; {@code null} or empty when the paper has none.
         */
        public Object written(Paper paper) {
            return yaml(get.apply(paper));
        }

        /**
         * The value as the exports show it: text, a list of texts, or a list of mappings holding only the item
         * keys marked for export; {@code null} or empty when the paper has none.
         */
        public Object exportedValue(Paper paper) {
            Object value = exported.apply(paper);
            return switch (type) {
                case GITHUB_REPO -> value == null ? null : ((GitHubRepo) value).link();
                case BADGE_LIST -> items(BADGE, value, true);
                case NOTE_LIST -> items(NOTE, value, true);
                default -> yaml(value);
            };
        }

        private Object yaml(Object value) {
            return switch (type) {
                case TEXT, CHOICE, ID, URL, TEXT_LIST, TEXT_MAP -> value;
                case DATE, ARXIV_ID -> value == null ? null : value.toString();
                case GITHUB_REPO -> {
                    GitHubRepo repo = (GitHubRepo) value;
                    yield repo == null ? null
                            : repo.link().equals("https://github.com/" + repo.slug()) ? repo.slug() : repo.link();
                }
                case BADGE_LIST -> items(BADGE, value, false);
                case NOTE_LIST -> items(NOTE, value, false);
            };
        }
    }

    /**
     * A key of the mappings a list field holds (a badge's {@code kind}, a note's {@code url}).
     *
     * @param type {@link Type#TEXT}, {@link Type#CHOICE} or {@link Type#URL}
     * @param exported whether the JSON export shows it
     */
    public record ItemField<I>(String key, Type type, boolean required, Function<I, String> get, boolean exported) {}

    public static final Field<String> NAME = field("name", Type.TEXT, true, Paper::name, Paper.Builder::name,
            new Exports("name", "name", null));

    /** Every paper field, in the order papers.yaml writes them. */
    public static final List<Field<?>> ALL = List.of(
            NAME,
            field("id", Type.ID, false, Paper::id, Paper.Builder::id, new Exports("id", null, null)),
            field("title", Type.TEXT, true, Paper::title, Paper.Builder::title, new Exports("title", "title", "title")),
            field("url", Type.URL, false, Paper::url, Paper.Builder::url, new Exports("url", "url", "url")),
            field("code", Type.GITHUB_REPO, false, Paper::code, Paper.Builder::code, new Exports("code", "code", null)),
            field("badges", Type.BADGE_LIST, false, Paper::badges, (b, list) -> list.forEach(b::badge),
                    new Exports("badges", null, null)),
            field("venue", Type.TEXT, false, Paper::venue, Paper.Builder::venue,
                    new Exports("venue", "venue", "booktitle")),
            field("submitted", Type.DATE, false, Paper::submitted, Paper.Builder::submitted,
                    new Exports("submitted", "submitted", null)),
            field("authors", Type.TEXT_LIST, false, Paper::authors, Paper.Builder::authors,
                    new Exports("authors", "authors", "author")),
            field("tags", Type.TEXT_LIST, false, Paper::tags, Paper.Builder::tags, new Exports("tags", "tags", null)),
            field("abstract", Type.TEXT, false, Paper::abstractText, Paper.Builder::abstractText,
                    new Exports("abstract", "abstract", null)),
            field("notes", Type.NOTE_LIST, false, Paper::notes, (b, list) -> list.forEach(b::note),
                    new Exports("notes", null, null)),
            // The exports show the id a url on arxiv.org implies too, so that every arXiv paper has one.
            new Field<ArxivId>("arxiv", Type.ARXIV_ID, false, Paper::arxiv, Paper.Builder::arxiv,
                    new Exports("arxiv", "arxiv", "eprint"), p -> p.arxivId().orElse(null)),
            field("topics", Type.TEXT_LIST, false, Paper::topics, Paper.Builder::topics,
                    new Exports("topics", "topics", "keywords")),
            field("summary", Type.TEXT, false, Paper::summary, Paper.Builder::summary,
                    new Exports("summary", "summary", null)),
            field("comment", Type.TEXT, false, Paper::comment, Paper.Builder::comment,
                    new Exports("comment", "comment", null)),
            field("added", Type.DATE, false, Paper::added, Paper.Builder::added, new Exports("added", "added", null)),
            field("image", Type.URL, false, Paper::image, Paper.Builder::image, new Exports("image", "image", null)),
            field("extra", Type.TEXT_MAP, false, Paper::extra, (b, map) -> map.forEach(b::extra), Exports.NONE));

    /** The keys of a badge, in the order papers.yaml writes them. */
    public static final List<ItemField<Badge>> BADGE = List.of(
            new ItemField<>("kind", Type.CHOICE, true, Badge::kind, true),
            new ItemField<>("url", Type.URL, true, Badge::url, true),
            new ItemField<>("alt", Type.TEXT, false, Badge::alt, false),
            new ItemField<>("label", Type.TEXT, false, Badge::label, true),
            new ItemField<>("message", Type.TEXT, false, Badge::message, true),
            new ItemField<>("color", Type.TEXT, false, Badge::color, false),
            new ItemField<>("logo", Type.TEXT, false, Badge::logo, false),
            new ItemField<>("logo_color", Type.TEXT, false, Badge::logoColor, false),
            new ItemField<>("image", Type.URL, false, Badge::image, false));

    /** The keys of a note link, in the order papers.yaml writes them. */
    public static final List<ItemField<NoteLink>> NOTE = List.of(
            new ItemField<>("label", Type.TEXT, true, NoteLink::label, true),
            new ItemField<>("url", Type.URL, true, NoteLink::url, true));

    private static final Map<String, Field<?>> BY_KEY = new LinkedHashMap<>();

    static {
        for (Field<?> field : ALL) {
            BY_KEY.put(field.key(), field);
        }
    }

    private PaperFields() {}

    /** The YAML keys of all fields, in written order. */
    public static List<String> keys() {
        return ALL.stream().map(Field::key).toList();
    }

    /** The keys of item fields, in written order. */
    public static List<String> keys(List<? extends ItemField<?>> items) {
        return items.stream().map(ItemField::key).toList();
    }

    /** The field with this YAML key, or {@code null}. */
    public static Field<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    /** The paper with the fields named in {@code values} set to them and every other field copied, at {@code position}. */
    public static Paper with(Paper paper, Map<String, ?> values, SourcePosition position) {
        Paper.Builder builder = Paper.builder(null, null).position(position);
        for (Field<?> field : ALL) {
            field.put(builder, values.containsKey(field.key()) ? values.get(field.key()) : field.get().apply(paper));
        }
        return builder.build();
    }

    /**
     * The names an export writes, in order: {@code leading} (the export's established order, which may name
     * columns that are no fields, such as a citation key), then every other field the export names, in
     * registry order.
     */
    public static List<String> exportOrder(List<String> leading, Function<Exports, String> name) {
        List<String> order = new ArrayList<>(leading);
        for (Field<?> field : ALL) {
            String n = name.apply(field.exports());
            if (n != null && !order.contains(n)) {
                order.add(n);
            }
        }
        return List.copyOf(order);
    }

    /** The field an export writes under {@code exportName}, or {@code null} for a column of the export's own. */
    public static Field<?> byExportName(String exportName, Function<Exports, String> name) {
        for (Field<?> field : ALL) {
            if (exportName.equals(name.apply(field.exports()))) {
                return field;
            }
        }
        return null;
    }

    private static <T> Field<T> field(String key, Type type, boolean required, Function<Paper, T> get,
                                      BiConsumer<Paper.Builder, T> set, Exports exports) {
        return new Field<>(key, type, required, get, set, exports, get);
    }

    @SuppressWarnings("unchecked")
    private static <I> List<Map<String, String>> items(List<ItemField<I>> keys, Object value, boolean exportedOnly) {
        List<Map<String, String>> out = new ArrayList<>();
        for (I item : (List<I>) value) {
            Map<String, String> map = new LinkedHashMap<>();
            for (ItemField<I> key : keys) {
                String text = key.get().apply(item);
                if (exportedOnly ? key.exported() : text != null) {
                    map.put(key.key(), text);
                }
            }
            out.add(map);
        }
        return out;
    }
}
