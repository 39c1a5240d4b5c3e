package dev.paperlist.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slugger against anchors produced by the real github-slugger package (see resources/slugs). */
class SluggerTest {
    private static final Path TABLE = Path.of("src/test/resources/slugs/github-slugger.tsv");

    record Row(String heading, String anchor) {}

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            rows.add(new Row(unescape(cells[0]), unescape(cells[1])));
        }
        return rows;
    }

    @Test
    void matchesGithubSluggerOnEveryRowInDocumentOrder() throws IOException {
        List<Row> rows = table();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        Slugger slugger = new Slugger();
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            String actual = slugger.slug(row.heading());
            if (!actual.equals(row.anchor())) {
                mismatches.add(row.heading() + " -> " + actual + " (github-slugger: " + row.anchor() + ")");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void repeatsGetNumberedAndSkipTakenSlugs() {
        Slugger slugger = new Slugger();
        assertThat(List.of(slugger.slug("Foo"), slugger.slug("Foo"), slugger.slug("Foo 1"), slugger.slug("foo-1")))
                .containsExactly("foo", "foo-1", "foo-1-1", "foo-1-2");
    }

    @Test
    void tenThousandEqualHeadingsGetDistinctSuffixes() {
        Slugger slugger = new Slugger();
        String last = null;
        for (int i = 0; i < 10_000; i++) {
            last = slugger.slug("AnyGPT");
        }
        assertThat(last).isEqualTo("anygpt-9999");
    }

    @Test
    void doesNotDependOnTheDefaultLocale() {
        // Surefire runs the tests with a Turkish default locale, where "I".toLowerCase() is a dotless ı.
        assertThat(Slugger.slugify("LaVIT IMAGE")).isEqualTo("lavit-image");
    }

    private static String unescape(String cell) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                char n = cell.charAt(++i);
                out.append(n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
