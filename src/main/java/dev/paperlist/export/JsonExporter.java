package dev.paperlist.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.NoteLink;
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
        json.writeStringField("key", key);
        json.writeStringField("id", p.id());
        json.writeStringField("name", p.name());
        json.writeStringField("title", p.title());
        json.writeStringField("url", p.url());
        json.writeStringField("arxiv", p.arxivId().map(Object::toString).orElse(null));
        json.writeStringField("venue", p.venue());
        json.writeStringField("submitted", p.submitted() == null ? null : p.submitted().toString());
        json.writeStringField("added", p.added() == null ? null : p.added().toString());
        strings(json, "authors", p.authors());
        strings(json, "topics", p.topics());
        strings(json, "tags", p.tags());
        json.writeStringField("code", p.code() == null ? null : p.code().link());
        json.writeStringField("summary", p.summary());
        json.writeStringField("comment", p.comment());
        json.writeStringField("abstract", p.abstractText());
        json.writeStringField("image", p.image());
        json.writeArrayFieldStart("badges");
        for (Badge b : p.badges()) {
            json.writeStartObject();
            json.writeStringField("kind", b.kind());
            json.writeStringField("url", b.url());
            json.writeStringField("label", b.label());
            json.writeStringField("message", b.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notes");
        for (NoteLink n : p.notes()) {
            json.writeStartObject();
            json.writeStringField("label", n.label());
            json.writeStringField("url", n.url());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("sections");
        for (List<String> path : sections) {
            json.writeStartArray();
            for (String title : path) {
                json.writeString(title);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
