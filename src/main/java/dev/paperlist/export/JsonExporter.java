package dev.paperlist.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.paperlist.catalog.PaperFields;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The catalogue as JSON: {@code {"papers": [...]}}, one object per paper in catalogue order with every
 * field, {@code null} or {@code []} when absent, its citation key, and the title paths of the sections
 * listing it. Two-space indentation and {@code \n} line breaks on every system.
 */
public final class JsonExporter {
    private static final JsonFactory FACTORY = new JsonFactory();
    // The established order; a field PaperFields gives a JSON name and this list does not is written after it.
    private static final List<Column> COLUMNS = PaperFields.exportOrder(List.of("key", "id", "name", "title", "url",
            "arxiv", "venue", "submitted", "added", "authors", "topics", "tags", "code", "summary", "comment",
            "abstract", "image", "badges", "notes", "sections"), PaperFields.Exports::json).stream()
            .map(name -> new Column(name, PaperFields.byExportName(name, PaperFields.Exports::json))).toList();

    /** A member of a paper's object: a paper field, or the citation key or section paths when field is null. */
    private record Column(String name, PaperFields.Field<?> field) {}

    private JsonExporter() {}

    public static String export(Catalog catalog) {
        List<Paper> papers = catalog.distinctPapers();
        Map<Paper, String> keys = BibtexKeys.of(papers);
        Listings listings = new Listings(catalog);
        StringWriter text = new StringWriter(papers.size() * 800);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(pretty);
            json.writeStartObject();
            json.writeArrayFieldStart("papers");
            for (Paper p : papers) {
                paper(json, p, keys.get(p), listings.of(p));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static void paper(JsonGenerator json, Paper p, String key, List<List<String>> sections) throws IOException {
        json.writeStartObject();
        for (Column column : COLUMNS) {
            switch (column.name()) {
                case "key" -> json.writeStringField("key", key);
                case "sections" -> {
                    json.writeFieldName("sections");
                    value(json, sections);
                }
                default -> {
                    json.writeFieldName(column.name());
                    value(json, column.field().exportedValue(p));
                }
            }
        }
        json.writeEndObject();
    }

    // Text, a list of texts, lists or mappings, or a mapping, as PaperFields.Field#exportedValue gives them.
    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null || value instanceof String) {
            json.writeString((String) value);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeStringField((String) e.getKey(), (String) e.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeStartArray();
            for (Object element : (List<?>) value) {
                value(json, element);
            }
            json.writeEndArray();
        }
    }
}
