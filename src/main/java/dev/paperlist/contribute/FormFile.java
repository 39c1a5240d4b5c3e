package dev.paperlist.contribute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The issue form on disk: {@code contribute init} writes it, {@code lint} compares its sections with the catalogue's. */
public final class FormFile {
    private static final long MAX_FORM_BYTES = 16L << 20;

    private FormFile() {}

    /** Writes the form for the catalogue unless the file already holds it; returns the line to print. */
    public static String init(Path catalogPath, String catalogName, Path form, String formName) {
        Catalog catalog = CatalogLoader.load(catalogPath, catalogName);
        byte[] wanted = IssueForm.yaml(catalog, catalogName).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(form.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, formName + ": cannot write: " + IoMessages.describe(e), e);
        }
        return formName + (AtomicWriter.writeIfChanged(form, wanted, formName) ? ": written" : ": up to date");
    }

    /**
     * A form out of date with its catalogue.
     *
     * @param message what is wrong, as one sentence
     * @param firstMissing the first section path the form lacks, or {@code null}
     */
    public record Stale(String message, String firstMissing) {}

    /**
     * What is wrong with the form next to a catalogue, or empty when its section dropdown offers exactly the
     * catalogue's sections in their order (or there is no form).
     */
    public static Optional<Stale> staleness(Catalog catalog, Path form, String formName) {
        if (!Files.isRegularFile(form)) {
            return Optional.empty();
        }
        String hint = "; run 'paperlist contribute init'";
        List<String> offered;
        try {
            offered = sectionOptions(TextFile.read(form, formName, MAX_FORM_BYTES).text());
        } catch (PaperlistException | IOException e) {
            return Optional.of(new Stale("the issue form " + formName + " cannot be read as YAML" + hint, null));
        }
        if (offered == null) {
            return Optional.of(new Stale("the issue form " + formName + " has no dropdown with id '"
                    + IssueForm.Field.SECTION.id() + "'" + hint, null));
        }
        List<String> sections = IssueForm.sectionPaths(catalog);
        if (offered.equals(sections)) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>(sections);
        missing.removeAll(offered);
        List<String> unknown = new ArrayList<>(offered);
        unknown.removeAll(sections);
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("lacks " + quoted(missing));
        }
        if (!unknown.isEmpty()) {
            parts.add("offers " + quoted(unknown) + ", not in the catalogue");
        }
        if (parts.isEmpty()) {
            parts.add("lists the sections in another order");
        }
        return Optional.of(new Stale("the issue form " + formName + " " + String.join(" and ", parts) + hint,
                missing.isEmpty() ? null : missing.get(0)));
    }

    // The options of the dropdown with id 'section', or null when the form has none.
    private static List<String> sectionOptions(String yaml) throws IOException {
        JsonNode form = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        for (JsonNode element : form == null ? List.<JsonNode>of() : iterable(form.path("body"))) {
            if (IssueForm.Field.SECTION.id().equals(element.path("id").asText()) && element.path("type").asText().equals("dropdown")) {
                List<String> options = new ArrayList<>();
                element.path("attributes").path("options").forEach(o -> options.add(o.asText()));
                return options;
            }
        }
        return null;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    private static String quoted(List<String> paths) {
        List<String> shown = paths.size() > 3 ? paths.subList(0, 3) : paths;
        return "'" + String.join("', '", shown) + "'" + (paths.size() > 3 ? " and " + (paths.size() - 3) + " more" : "");
    }
}
