package dev.paperlist.catalog.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A double-quoted scalar reads back, with SnakeYAML as the witness, as exactly the text it was made of:
 * escapes and the runs between them, controls, line separators and characters beyond the BMP included.
 */
class QuotedScalarTest {
    @Test
    void escapesWhatYamlWouldNotReadBackAsWritten() {
        assertThat(CatalogWriter.quoted("a \"b\" \\ c\nd\te\u0007\u2028\uFEFF\u0085")).isEqualTo(
                "\"a \\\"b\\\" \\\\ c\\nd\\te\\u0007\\u2028\\uFEFF\\u0085\"");
        assertThat(CatalogWriter.quoted("")).isEqualTo("\"\"");
        assertThat(CatalogWriter.quoted("中文: 摘要")).isEqualTo("\"中文: 摘要\"");
    }

    @Property(tries = 400)
    void readsBackAsTheText(@ForAll("texts") String text) {
        Map<String, Object> read = new Yaml(new LoaderOptions()).load("k: " + CatalogWriter.quoted(text) + "\n");
        assertThat(read.get("k")).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", " ", "中文", "😀", "\"", "\\", "\n", "\t", "\u0007", "\u007F", "\u0085", "\u00A0",
                "\u2028", "\u2029", "\uFEFF", ": ", "#", "'", "é").list().ofMaxSize(30).map(parts -> String.join("", parts));
    }
}
