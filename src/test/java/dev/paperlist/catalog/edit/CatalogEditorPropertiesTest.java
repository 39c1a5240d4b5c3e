package dev.paperlist.catalog.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.TextRules;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.SourcePosition;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For catalogues written in many styles and papers full of YAML's special characters: an insertion always
 * loads back as the old catalogue plus the paper (the editor checks that itself and throws otherwise), and
 * the new file is the old one with one piece of text inserted, nothing else changed.
 */
class CatalogEditorPropertiesTest {
    private static final List<String> FILES = List.of(
            // The house style, with comments and blank lines.
            """
            # catalogue
            sections:
              - title: Vision   # first
                papers:
                  - name: A
                    title: "A: first"
                    authors: [X, "Y Z"]
                    tags: ["t"]
                    abstract: "Some text."
                    notes:
                      - {label: HTML, url: "https://example.org/a"}

                  - name: B
                    title: "B"
                  # trailing comment
              - title: Audio
                sections:
                  - title: Speech
            """,
            // Single quotes, indentless lists, block badge mappings, four-column dash gaps.
            """
            sections:
            - title: 'Vision'
              papers:
              -   name: 'A'
                  title: 'It''s A'
                  badges:
                  - kind: 'project'
                    url: 'https://example.org/a'
                  authors:
                  - 'X'
            - title: 'Audio'
              papers: []
            """,
            // Folded abstracts and literal titles, CRLF line endings.
            "sections:\r\n  - title: Vision\r\n    papers:\r\n      - name: A\r\n        title: |\r\n          A title\r\n"
                    + "        abstract: >-\r\n          Folded text\r\n          over lines.\r\n\r\n  - title: Audio\r\n",
            // Flow everywhere.
            "sections: [{title: Vision, papers: [{name: A, title: \"A\"}]}, {title: Audio}]\n",
            // No final newline, a section without papers.
            "sections:\n  - title: Vision\n    sections:\n      - title: Audio\n        papers:\n          - name: A\n"
                    + "            title: A");

    @Property(tries = 400)
    void insertionsLoadBackAndChangeNothingElse(@ForAll @IntRange(min = 0, max = 4) int file,
                                                @ForAll("papers") Paper paper,
                                                @ForAll("newTitles") String newTitle,
                                                @ForAll @IntRange(min = 0, max = 3) int where) {
        String before = FILES.get(file);
        Catalog catalog = CatalogLoader.parse(before, "papers.yaml");
        List<String> paths = new java.util.ArrayList<>();
        collect(catalog.sections(), "", paths);
        String path = where == 3 ? paths.get(0) + "/" + newTitle : paths.get(where % paths.size());
        CatalogEditor.Target target = CatalogEditor.resolve(catalog, path, true);
        Section section = CatalogEditor.section(catalog, target);
        Integer position = section == null || section.papers().isEmpty() || where == 0 ? null : 0;

        CatalogEditor.Result result = CatalogEditor.insertPaper(before, "papers.yaml", catalog, target, position, paper);

        String after = result.text();
        int at = 0;
        while (at < before.length() && before.charAt(at) == after.charAt(at)) {
            at++;
        }
        // Where the texts first differ, the inserted text (or its tail, if it starts like what follows) is found.
        String inserted = result.inserted();
        String withoutInsertion = null;
        for (int start = Math.max(0, at - inserted.length()); start <= at; start++) {
            if (after.startsWith(inserted, start)) {
                String candidate = after.substring(0, start) + after.substring(start + inserted.length());
                if (candidate.equals(before)) {
                    withoutInsertion = candidate;
                }
            }
        }
        assertThat(withoutInsertion).as("the old text is the new text without the insertion").isEqualTo(before);
        assertThat(result.catalog().distinctPapers()).anySatisfy(p -> assertThat(p.name()).isEqualTo(paper.name()));
    }

    private static void collect(List<Section> sections, String parent, List<String> out) {
        for (Section s : sections) {
            String path = parent.isEmpty() ? s.title() : parent + "/" + s.title();
            out.add(path);
            collect(s.sections(), path, out);
        }
    }

    @Provide
    Arbitrary<String> newTitles() {
        return text().map(t -> "New " + t.replace("/", " "));
    }

    @Provide
    Arbitrary<Paper> papers() {
        Arbitrary<String> text = text();
        Arbitrary<List<String>> lists = text.list().ofMaxSize(3);
        Arbitrary<Badge> badge = text.map(t -> new Badge("blog", "https://example.org/" + t.replace(" ", "%20"), null, t,
                null, null, null, null, null, SourcePosition.UNKNOWN));
        return Combinators.combine(text, text, lists, lists, text.injectNull(0.3), text.injectNull(0.3),
                badge.list().ofMaxSize(2), text.list().ofMaxSize(2)).as((name, title, authors, tags, venue, abstractText, badges, notes) -> {
                    Paper.Builder b = Paper.builder("Zq " + name, title).authors(authors).tags(tags).venue(venue)
                            .abstractText(abstractText);
                    badges.forEach(b::badge);
                    notes.forEach(n -> b.note(new NoteLink(n, "https://example.org/n")));
                    return b.build();
                });
    }

    // Text as the loader leaves it (white space folded, not empty), made of what YAML treats specially.
    private static Arbitrary<String> text() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.of("null", "~", "yes", "No", "012", "0x1F", "2024-02-19", "- item", "? key", "a: b", "a #b",
                        "x:", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "'", "''", "\"", "\\", "\\n", "{", "}",
                        "[", "]", ",", "#", "中文", "😀", "é", "$x_1$", "\\emph{a}", "---", "...", "<b>", "http://x"),
                Arbitraries.strings().withChars("ab :#'\"[]{},&*!|>%@`-?~\\中😀").ofMinLength(1).ofMaxLength(8));
        return words.list().ofMinSize(1).ofMaxSize(4).map(list -> TextRules.collapseWhitespace(String.join(" ", list)))
                .filter(s -> !s.isEmpty() && TextRules.forbiddenCharacter(s).isEmpty());
    }
}
