package dev.paperlist.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.yaml.YamlReader;
import dev.paperlist.model.BadgeKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code schema/papers.schema.json} (what editors check papers.yaml against) and the loader (what
 * {@code paperlist} checks it against) in agreement: every catalogue under {@code catalogs/valid} must
 * pass both, every one under {@code catalogs/invalid} must fail both, and the keys each object allows
 * must be the same in the schema and in {@link CatalogBinder}.
 *
 * <p>An invalid catalogue starts with two comment lines: {@code # expect: <part of the loader's message>}
 * and {@code # schema: <JSON pointer the schema objects to>} (for an unknown or missing key, the pointer
 * of that key). Keep to one fault per file, and only to faults a JSON schema can express: not duplicate
 * papers, dangling refs or nesting depth.
 */
class SchemaAgreementTest {
    private static final Path SCHEMA_FILE = Path.of("schema", "papers.schema.json");
    private static final Path REPOSITORY_CATALOGUE = Path.of("papers.yaml");
    private static final Path CATALOGS = Path.of("src", "test", "resources", "catalogs");
    private static final int MIN_VALID = 6;
    private static final int MIN_INVALID = 15;
    private static final String EXPECT = "# expect: ";
    private static final String SCHEMA_AT = "# schema: ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaNode = JSON.readTree(Files.readString(SCHEMA_FILE));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .regularExpressionFactory(SchemaAgreementTest::ecmaScriptRegex)
                .locale(Locale.ENGLISH)
                .build();
        schema = JsonSchemaFactory.getInstance(VersionFlag.V202012).getSchema(schemaNode, config);
    }

    static Stream<Arguments> validCatalogs() {
        return catalogs("valid").stream().map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
    }

    static Stream<Arguments> invalidCatalogs() {
        return catalogs("invalid").stream().map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
    }

    // ---- the fixtures ----

    @Test
    void everyFixtureFolderHoldsEnoughCatalogues() throws IOException {
        List<Path> valid = catalogs("valid");
        List<Path> invalid = catalogs("invalid");
        assertThat(valid).as("catalogues in " + CATALOGS.resolve("valid")).hasSizeGreaterThanOrEqualTo(MIN_VALID);
        assertThat(invalid).as("catalogues in " + CATALOGS.resolve("invalid")).hasSizeGreaterThanOrEqualTo(MIN_INVALID);
        for (Path file : valid) {
            assertThat(Files.readString(file)).as(file + " is valid and must not say what error to expect")
                    .doesNotStartWith(EXPECT)
                    .doesNotContain("\n" + SCHEMA_AT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCatalogs")
    void validCataloguePassesLoaderAndSchema(Path file) throws IOException {
        String text = Files.readString(file);
        String name = file.getFileName().toString();

        PaperlistException loaderError = catchThrowableOfType(PaperlistException.class,
                () -> CatalogLoader.parse(text, name));
        assertThat(loaderError).as("the loader's verdict on %s", name).isNull();
        assertThat(schema.validate(asLoaderReadsIt(text)))
                .as("schema errors for %s, scalars read as text the way the loader reads them", name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCatalogs")
    void validCataloguePassesSchemaWithScalarsTypedAsAnEditorTypesThem(Path file) throws IOException {
        String text = Files.readString(file);
        assertThat(schema.validate(asAnEditorReadsIt(text)))
                .as("schema errors for %s, with 2024 read as a number and true as a boolean", file.getFileName())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogs")
    void invalidCatalogueFailsLoaderAndSchema(Path file) throws IOException {
        String text = Files.readString(file);
        String name = file.getFileName().toString();
        String expected = header(file, text, 0, EXPECT, "part of the loader's error message");
        String schemaAt = header(file, text, 1, SCHEMA_AT, "JSON pointer of the value the schema refuses");

        PaperlistException loaderError = catchThrowableOfType(PaperlistException.class,
                () -> CatalogLoader.parse(text, name));
        assertThat(loaderError).as("the loader must refuse %s", name).isNotNull();
        assertThat(loaderError.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(loaderError.getMessage())
                .as("the loader's message for %s", name)
                .matches("(?s)" + Pattern.quote(name) + ":\\d+:\\d+: .+")
                .contains(expected);
        Set<ValidationMessage> errors = schema.validate(asLoaderReadsIt(text));
        assertThat(errors.stream().map(SchemaAgreementTest::pointerOf))
                .as("where the schema objects to %s, scalars read as text (loader: %s)", name, loaderError.getMessage())
                .contains(schemaAt);
        assertThat(schema.validate(asAnEditorReadsIt(text)))
                .as("schema errors for %s, scalars typed as an editor types them", name)
                .isNotEmpty();
    }

    @Test
    void theRepositoryCataloguePassesLoaderAndSchemaAndPointsEditorsAtTheSchema() throws IOException {
        String text = Files.readString(REPOSITORY_CATALOGUE);
        CatalogLoader.parse(text, REPOSITORY_CATALOGUE.toString());
        assertThat(schema.validate(asLoaderReadsIt(text))).isEmpty();
        assertThat(schema.validate(asAnEditorReadsIt(text))).isEmpty();

        String modeline = "# yaml-language-server: $schema=";
        assertThat(text).startsWith(modeline);
        String target = text.lines().findFirst().orElseThrow().substring(modeline.length()).strip();
        Path resolved = REPOSITORY_CATALOGUE.toAbsolutePath().getParent().resolve(target).normalize();
        assertThat(resolved).isEqualTo(SCHEMA_FILE.toAbsolutePath().normalize());
    }

    // ---- the schema itself ----

    @Test
    void schemaIsValidAgainstTheDraft202012Metaschema() {
        assertThat(schemaNode.path("$schema").asText()).isEqualTo(SchemaId.V202012);
        JsonSchema metaschema = JsonSchemaFactory.getInstance(VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));
        assertThat(metaschema.validate(schemaNode)).isEmpty();
    }

    @Test
    void schemaIsClosedDocumentedAndSelfConsistent() {
        SoftAssertions softly = new SoftAssertions();
        walk(schemaNode, "", (pointer, node) -> {
            if (isRecord(node)) {
                softly.assertThat(node.path("additionalProperties").isBoolean()
                                && !node.path("additionalProperties").booleanValue())
                        .as("%s has additionalProperties: false", pointer).isTrue();
                node.path("properties").fields().forEachRemaining(property -> softly
                        .assertThat(property.getValue().path("description").asText())
                        .as("description of %s/properties/%s", pointer, property.getKey())
                        .isNotBlank()
                        .endsWith("."));
            }
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                softly.assertThat(ref.asText()).as("%s/$ref", pointer).startsWith("#/");
                softly.assertThat(schemaNode.at(ref.asText().substring(1)).isObject())
                        .as("%s/$ref %s resolves", pointer, ref.asText()).isTrue();
            }
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                try {
                    Pattern.compile(pattern.asText());
                } catch (RuntimeException e) {
                    softly.fail("%s/pattern does not compile: %s", pointer, e.getMessage());
                }
            }
        });
        softly.assertAll();
    }

    /** The keys each mapping may hold, as {@link CatalogBinder} checks them, by the schema object that mirrors it. */
    private static Map<String, List<String>> binderKeysBySchemaObject() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("", CatalogBinder.ROOT_KEYS);
        keys.put("/$defs/settings", CatalogBinder.SETTINGS_KEYS);
        keys.put("/$defs/labels", CatalogBinder.LABEL_KEYS);
        keys.put("/$defs/section", CatalogBinder.SECTION_KEYS);
        keys.put("/$defs/paper", CatalogBinder.PAPER_KEYS);
        keys.put("/$defs/paperRef", CatalogBinder.REF_KEYS);
        keys.put("/$defs/textPart", CatalogBinder.TEXT_PART_KEYS);
        keys.put("/$defs/itemPart", CatalogBinder.ITEM_PART_KEYS);
        keys.put("/$defs/badge", CatalogBinder.BADGE_KEYS);
        keys.put("/$defs/note", CatalogBinder.NOTE_KEYS);
        keys.put("/$defs/table", CatalogBinder.TABLE_KEYS);
        keys.put("/$defs/output", CatalogBinder.OUTPUT_KEYS);
        keys.put("/$defs/lint", CatalogBinder.LINT_KEYS);
        // The binder reads both column forms with one key list; the schema says which keys go together.
        keys.put("/$defs/column/anyOf/1", CatalogBinder.COLUMN_KEYS.stream().filter(k -> !k.equals("extra")).toList());
        keys.put("/$defs/column/anyOf/2", List.of("extra", "header", "header_markdown", "align"));
        keys.put("/$defs/tagPages", CatalogBinder.TAG_PAGES_KEYS);
        keys.put("/$defs/split", CatalogBinder.SPLIT_KEYS);
        keys.put("/$defs/metrics", CatalogBinder.METRICS_KEYS);
        return keys;
    }

    // Objects with fixed keys; a map whose keys are the user's own (a paper's 'extra') is not one.
    private static boolean isRecord(JsonNode node) {
        return node.path("type").asText().equals("object") && !node.path("additionalProperties").isObject();
    }

    @Test
    void schemaAndBinderKnowTheSameKeys() {
        Map<String, List<String>> binder = binderKeysBySchemaObject();
        Map<String, List<String>> schemaObjects = new TreeMap<>();
        walk(schemaNode, "", (pointer, node) -> {
            if (isRecord(node)) {
                schemaObjects.put(pointer, fieldNames(node.path("properties")));
            }
        });

        assertThat(schemaObjects.keySet()).as("the schema's objects").containsExactlyInAnyOrderElementsOf(binder.keySet());
        SoftAssertions softly = new SoftAssertions();
        binder.forEach((pointer, keys) -> softly.assertThat(schemaObjects.get(pointer))
                .as("keys of schema object '%s' against the binder", pointer)
                .containsExactlyInAnyOrderElementsOf(keys));
        softly.assertAll();
    }

    /** Every field the registry declares is in the schema with its type and requiredness, and nothing else is. */
    @Test
    void schemaHoldsEveryRegisteredPaperFieldWithItsType() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        agree(softly, "/$defs/paper", PaperFields.ALL.stream()
                .map(f -> new Declared(f.key(), f.type(), f.required())).toList());
        agree(softly, "/$defs/badge", PaperFields.BADGE.stream()
                .map(f -> new Declared(f.key(), f.type(), f.required())).toList());
        agree(softly, "/$defs/note", PaperFields.NOTE.stream()
                .map(f -> new Declared(f.key(), f.type(), f.required())).toList());
        softly.assertAll();
    }

    private record Declared(String key, PaperFields.Type type, boolean required) {}

    private static void agree(SoftAssertions softly, String pointer, List<Declared> declared) throws IOException {
        JsonNode object = schemaNode.at(pointer);
        softly.assertThat(fieldNames(object.path("properties"))).as("properties of %s", pointer)
                .containsExactlyInAnyOrderElementsOf(declared.stream().map(Declared::key).toList());
        List<String> required = new ArrayList<>();
        object.path("required").forEach(key -> required.add(key.asText()));
        softly.assertThat(required).as("required keys of %s", pointer)
                .containsExactlyInAnyOrderElementsOf(declared.stream().filter(Declared::required).map(Declared::key).toList());
        for (Declared field : declared) {
            typed(softly, pointer, field.key(), field.type().schema(), field.type().toString());
        }
    }

    /** Every settings key and label the registry declares is in the schema with its type, and nothing else is. */
    @Test
    void schemaHoldsEveryRegisteredSettingWithItsType() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(fieldNames(schemaNode.at("/$defs/settings/properties"))).as("properties of settings")
                .containsExactlyInAnyOrderElementsOf(SettingsKeys.keys());
        for (SettingsKeys.Key key : SettingsKeys.ALL) {
            typed(softly, "/$defs/settings", key.key(), key.schema(), key.schema());
        }
        softly.assertThat(fieldNames(schemaNode.at("/$defs/labels/properties"))).as("properties of labels")
                .containsExactlyInAnyOrderElementsOf(SettingsKeys.labelKeys());
        for (String label : SettingsKeys.labelKeys()) {
            typed(softly, "/$defs/labels", label, SettingsKeys.TEXT, "text");
        }
        softly.assertAll();
    }

    // The property holds every member of the type's schema, recursively; {} in it stands for any schema.
    private static void typed(SoftAssertions softly, String pointer, String key, String schema, String type)
            throws IOException {
        JsonNode property = schemaNode.at(pointer).path("properties").path(key);
        softly.assertThat(holds(property, JSON.readTree(schema)))
                .as("%s/properties/%s is %s, of type %s", pointer, key, property, type).isTrue();
    }

    private static boolean holds(JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (actual == null || !actual.has(member.getKey()) || !holds(actual.get(member.getKey()), member.getValue())) {
                    return false;
                }
            }
            return actual != null && actual.isObject();
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!holds(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    @Test
    void schemaAndBadgeKindsKnowTheSameKindsAndWhatEachOneNeeds() {
        JsonNode badge = schemaNode.at("/$defs/badge");
        List<String> kinds = new ArrayList<>();
        badge.at("/properties/kind/enum").forEach(kind -> kinds.add(kind.asText()));
        assertThat(kinds).containsExactlyElementsOf(BadgeKinds.KINDS);

        // Each preset that needs a part has an if/then saying "this part, or an image instead".
        Map<String, String> schemaNeeds = new TreeMap<>();
        for (JsonNode rule : badge.path("allOf")) {
            String kind = rule.at("/if/properties/kind/const").asText();
            List<String> alternatives = new ArrayList<>();
            rule.at("/then/anyOf").forEach(branch -> alternatives.add(branch.at("/required/0").asText()));
            assertThat(alternatives).as("what a '%s' badge needs", kind).hasSize(2).contains("image");
            alternatives.remove("image");
            schemaNeeds.put(kind, alternatives.get(0));
        }
        Map<String, String> presetNeeds = new TreeMap<>();
        for (String kind : BadgeKinds.KINDS) {
            String required = BadgeKinds.preset(kind).required();
            if (required != null) {
                presetNeeds.put(kind, required);
            }
        }
        assertThat(schemaNeeds).isEqualTo(presetNeeds);
    }

    // ---- single values: the schema's patterns against the loader's parsers ----

    static Stream<Arguments> trickyValues() {
        return Stream.of(
                tricky("code", "OpenMOSS/AnyGPT"), tricky("code", "  owner/repo \t"),
                tricky("code", "owner/repo/"), tricky("code", "https://github.com/o/r.git"),
                tricky("code", "HTTP://WWW.GITHUB.COM/o/r/tree/main/x"), tricky("code", "github.com/o/r"),
                tricky("code", "o/."), tricky("code", "o/.."), tricky("code", "o/../x"), tricky("code", "o/..git"),
                tricky("code", "o/...git"), tricky("code", "o/.git"), tricky("code", "o/....git"),
                tricky("code", "-o/r"), tricky("code", "o-/r"), tricky("code", "o--o/r"), tricky("code", "o-o/r"),
                tricky("code", "a".repeat(39) + "/r"), tricky("code", "a".repeat(40) + "/r"),
                tricky("code", "o/" + "r".repeat(100)), tricky("code", "o/" + "r".repeat(101)),
                tricky("code", "o/" + "r".repeat(100) + ".git"), tricky("code", "o/r/a b"), tricky("code", ""),
                tricky("code", "o/r\u3000"), tricky("code", "o/r\u00A0"),
                tricky("arxiv", "2402.12226"), tricky("arxiv", "2402.1222"), tricky("arxiv", "2402.122266"),
                tricky("arxiv", "2402.12226v2"), tricky("arxiv", "2402.12226V2"), tricky("arxiv", "arXiv:2402.12226"),
                tricky("arxiv", "ARXIV: 2402.12226 "), tricky("arxiv", "hep-th/9901001"),
                tricky("arxiv", "math.AG/0309136v1"), tricky("arxiv", "Math/0309136"), tricky("arxiv", "math.ag/0309136"),
                tricky("arxiv", "https://arxiv.org/abs/2402.12226v2.pdf?x=1"),
                tricky("arxiv", "https://export.arxiv.org/pdf/hep-th/9901001/"),
                tricky("arxiv", "https://arxiv.org/abs/hep-th/#/9901001"), tricky("arxiv", "https://arxiv.org/abs/2402.12226\n"),
                tricky("arxiv", "https://arxiv.org/abs/2402.12226#a\nb"), tricky("arxiv", "arxiv.org/abs/2402.12226"),
                tricky("arxiv", "https://arxiv.org/list/2402.12226"), tricky("arxiv", ""),
                tricky("submitted", "2024"), tricky("submitted", "2024-02"), tricky("submitted", "2024-2"),
                tricky("submitted", "2024-02-29"), tricky("submitted", "2023-02-29"), tricky("submitted", "1900-02-29"),
                tricky("submitted", "2000-02-29"), tricky("submitted", "2100-02-29"), tricky("submitted", "2400-02-29"),
                tricky("submitted", "2023-06-31"), tricky("submitted", "2023-07-31"), tricky("submitted", "0999"),
                tricky("submitted", "10000"), tricky("submitted", " 2024"), tricky("submitted", "2024\n"),
                tricky("submitted", "２０２４"), tricky("submitted", ""),
                tricky("url", "https://x"), tricky("url", "HTTP://X"), tricky("url", "http://"), tricky("url", "https:// x"),
                tricky("url", "https://?x"), tricky("url", "https://#x"), tricky("url", "https:///x"),
                tricky("url", "https://\u00A0x"), tricky("url", "https://\u3000x"), tricky("url", "ftp://x"),
                tricky("url", "https:x"), tricky("url", ""), tricky("url", " https://x"), tricky("url", "https://x\u200B"),
                tricky("id", "a"), tricky("id", "a.b-c_d"), tricky("id", "-a"), tricky("id", "a b"), tricky("id", "é"),
                tricky("venue", "ICLR 2024"), tricky("venue", "a\u202Eb"), tricky("venue", "a\u0085b"),
                tricky("venue", "a\u2028"), tricky("venue", "tab\tand\nnewline"));
    }

    private static Arguments tricky(String key, String value) {
        return Arguments.of(key, Named.of(quoted(value), value));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("trickyValues")
    void schemaAndLoaderGiveTheSameVerdictOnATrickyValue(String key, String value) throws IOException {
        String catalogue = onePaperWith(key, value);
        assertThat(schemaAccepts(catalogue)).as("the schema's verdict on %s: %s, against the loader's", key, quoted(value))
                .isEqualTo(loaderAccepts(catalogue));
    }

    /** Values a few random edits away from valid ones, where a pattern and a parser are most likely to part. */
    @Test
    void schemaAndLoaderGiveTheSameVerdictOnValuesNearValidOnes() throws IOException {
        record Field(String key, List<String> seeds, String alphabet) {}
        List<Field> fields = List.of(
                new Field("submitted", List.of("2024", "2024-02", "2024-02-29", "1999-12-31", "2000-02-29", "2023-04-30",
                        "1000-01-01", "9999-12-31"), "0123456789- "),
                new Field("code", List.of("OpenMOSS/AnyGPT", "https://github.com/microsoft/unilm/tree/master/kosmos-g",
                        "http://www.GitHub.com/a-b/r.git", "o/.github", "o/r/", " o/r "), "aZ09-._/: \t\u3000"),
                new Field("arxiv", List.of("2402.12226", "2402.1222v12", "arXiv: 2310.02992", "hep-th/9901001v2",
                        "math.AG/0309136", "https://arxiv.org/abs/2103.00020v1", "http://export.arxiv.org/pdf/2102.03334.pdf",
                        "https://www.arxiv.org/html/2309.11499v2/?context=cs#top"), "0123456789.v/-aAGhtps:?# \n"),
                new Field("url", List.of("https://x", "http://example.org/a?b#c", "HTTPS://Example.org"),
                        "hHtTpPsS:/?#x. \t\u00A0\u3000"),
                new Field("id", List.of("clip", "align_2021-v1", "vilt.2021"), "aZ9.-_é/"));
        Random random = new Random(20240219);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int tried = 0;
        for (Field field : fields) {
            for (int i = 0; i < 1000; i++) {
                StringBuilder value = new StringBuilder(field.seeds().get(random.nextInt(field.seeds().size())));
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    char c = field.alphabet().charAt(random.nextInt(field.alphabet().length()));
                    int at = random.nextInt(value.length() + 1);
                    switch (value.length() == 0 ? 0 : random.nextInt(3)) {
                        case 0 -> value.insert(at, c);
                        case 1 -> value.deleteCharAt(Math.min(at, value.length() - 1));
                        default -> value.setCharAt(Math.min(at, value.length() - 1), c);
                    }
                }
                String catalogue = onePaperWith(field.key(), value.toString());
                boolean loader = loaderAccepts(catalogue);
                tried++;
                accepted += loader ? 1 : 0;
                if (schemaAccepts(catalogue) != loader) {
                    disagreements.add(field.key() + ": " + quoted(value.toString()) + " (loader "
                            + (loader ? "accepts" : "refuses") + ")");
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("values the loader accepted, of %d", tried).isBetween(tried / 10, tried * 9 / 10);
    }

    private static String onePaperWith(String key, String value) {
        return "sections:\n  - title: S\n    papers:\n      - name: N\n        title: T\n        "
                + key + ": " + quoted(value) + "\n";
    }

    /** The value as a double-quoted YAML scalar (JSON's string syntax is a subset of it). */
    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean loaderAccepts(String catalogue) {
        try {
            CatalogLoader.parse(catalogue, "generated.yaml");
            return true;
        } catch (PaperlistException e) {
            return false;
        }
    }

    private static boolean schemaAccepts(String catalogue) throws IOException {
        // A schema sees values, not the file: refusing U+2028, U+2029 and NEL anywhere in it is the loader's alone.
        if (catalogue.indexOf('\u2028') >= 0 || catalogue.indexOf('\u2029') >= 0 || catalogue.indexOf('\u0085') >= 0) {
            return false;
        }
        return schema.validate(asLoaderReadsIt(catalogue)).isEmpty();
    }

    // ---- YAML to JSON, the loader's way and an editor's way ----

    /** Every scalar as its text, as {@link YamlReader} reads it; only YAML nulls ({@code ~}, {@code null}) stay null. */
    static JsonNode asLoaderReadsIt(String yaml) throws IOException {
        // Built like YamlReader's factory, so that scalars tokenize the same way (an empty value is "").
        return toJson(YAMLFactory.builder().build(), yaml, false);
    }

    /** Scalars typed roughly as a YAML 1.2 editor types them: 2024 a number, true a boolean, an empty value null. */
    static JsonNode asAnEditorReadsIt(String yaml) throws IOException {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
        return toJson(factory, yaml, true);
    }

    private static JsonNode toJson(YAMLFactory factory, String yaml, boolean typed) throws IOException {
        try (JsonParser parser = factory.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NullNode.getInstance();
            }
            return value(parser, typed);
        }
    }

    private static JsonNode value(JsonParser parser, boolean typed) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.set(key, value(parser, typed));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, typed));
                }
                return array;
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            default -> {
                if (!typed) {
                    return TextNode.valueOf(parser.getText());
                }
                return switch (token) {
                    case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
                    case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? BigIntegerNode.valueOf(parser.getBigIntegerValue())
                            : LongNode.valueOf(parser.getLongValue());
                    case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(parser.getDoubleValue());
                    default -> TextNode.valueOf(parser.getText());
                };
            }
        }
    }

    // ---- helpers ----

    private static List<Path> catalogs(String folder) {
        try (Stream<Path> files = Files.list(CATALOGS.resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            return fail("cannot list " + CATALOGS.resolve(folder), e);
        }
    }

    /** The text after {@code prefix} on line {@code index} (0-based) of an invalid catalogue's header. */
    private static String header(Path file, String text, int index, String prefix, String what) {
        String line = text.lines().skip(index).findFirst().orElse("");
        if (!line.startsWith(prefix) || line.substring(prefix.length()).isBlank()) {
            fail(file + ": line " + (index + 1) + " must be '" + prefix + "<" + what + ">'");
        }
        return line.substring(prefix.length()).strip();
    }

    /** The JSON pointer a schema error is about; for an unknown or a missing key, that key's. */
    private static String pointerOf(ValidationMessage error) {
        String at = error.getInstanceLocation().toString();
        boolean aboutAKey = "additionalProperties".equals(error.getType()) || "required".equals(error.getType());
        return aboutAKey && error.getProperty() != null ? at + "/" + error.getProperty() : at;
    }

    private interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    /** Visits every schema object in the document, with its JSON pointer. */
    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!Set.of("enum", "const", "examples", "default").contains(field.getKey())) {
                    walk(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * JSON Schema patterns are ECMA-262 regular expressions, which the schema's patterns are written to
     * read the same way in java.util.regex, with one exception this bridges: ECMA-262's {@code $} matches
     * only at the very end of the text, Java's also before a final line break, so it becomes {@code \z}.
     */
    static RegularExpression ecmaScriptRegex(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                java.append(c);
            } else if (c == '$') {
                java.append("\\z");
            } else {
                inClass = c == '[';
                java.append(c);
            }
        }
        Pattern pattern = Pattern.compile(java.toString());
        return value -> pattern.matcher(value).find();
    }
}
