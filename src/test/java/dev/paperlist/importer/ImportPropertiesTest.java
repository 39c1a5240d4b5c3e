package dev.paperlist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.catalog.TextRules;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.markdown.Badges;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.model.TableColumn;
import dev.paperlist.render.ReadmeRenderer;
import dev.paperlist.testing.Html;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.HashSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any catalogue paperlist can render, in either layout, importing the rendered README gives the
 * catalogue back: {@code import(render(C)) == C}. Generated catalogues have odd titles (Markdown and
 * HTML syntax, CJK, emoji), duplicate headings, empty fields, deep nesting and cross-listed papers.
 *
 * <p>Three things are compared by meaning rather than by text, because the list cannot tell them apart:
 * ids (import names a cross-listed paper after its heading), the escapes of abstracts ({@code a * b}
 * and {@code a \* b} render the same), characters a link must percent-encode ({@code a b} is
 * written {@code a%20b}), and badges, compared as the Markdown they render to (a shields.io path such
 * as {@code a---b} splits into label and message two ways that draw the same badge).
 */
class ImportPropertiesTest {
    private static final String README = "# Intro\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\nAfter.\n";
    private static final List<TableColumn> ALL_COLUMNS = List.of(
            new TableColumn("title", "Title", TableColumn.Alignment.LEFT),
            new TableColumn("venue", "Venue", TableColumn.Alignment.CENTER),
            new TableColumn("date", "Date", TableColumn.Alignment.CENTER),
            new TableColumn("code", "Code", TableColumn.Alignment.CENTER),
            new TableColumn("supplement", "Supplement", TableColumn.Alignment.CENTER),
            new TableColumn("authors", "Authors", TableColumn.Alignment.CENTER),
            new TableColumn("tags", "Tags", TableColumn.Alignment.RIGHT),
            new TableColumn("notes", "Notes", TableColumn.Alignment.NONE),
            new TableColumn("abstract", "Abstract", TableColumn.Alignment.LEFT),
            new TableColumn("extra", "Latest Update", TableColumn.Alignment.CENTER, "Latest Update", null));

    @Property(tries = 300)
    void importOfTheNotesLayoutGivesTheCatalogueBack(@ForAll("notesCatalogues") Catalog catalog) {
        assertRoundTrip(catalog);
    }

    @Property(tries = 200)
    void importOfNotesEntriesKeptAsWrittenGivesTheSamePageAndThenTheCatalogueBack(
            @ForAll("writtenNotesCatalogues") Catalog catalog) {
        // Entries kept as written that share a shape come back as the list's entry templates and the papers'
        // fields: the same page, and from then on the same catalogue.
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        Catalog described = new ListImporter().read(readme, "README.md").catalog();
        assertThat(ReadmeRenderer.render(described, README, "README.md", "papers.yaml")).isEqualTo(readme);
        assertRoundTrip(described);
    }

    @Property(tries = 300)
    void importOfTheTableLayoutGivesTheCatalogueBack(@ForAll("tableCatalogues") Catalog catalog) {
        assertRoundTrip(catalog);
    }

    @Property(tries = 200)
    void aTableWrittenByItsOwnRowTemplatesImportsToTheSamePageAndThenStaysTheSame(
            @ForAll("templatedTableCatalogues") Catalog catalog) {
        catalog.settings().entries().forEach(t -> assertThat(t.cells()).as(t.toString()).isEqualTo(ALL_COLUMNS.size()));
        // Import infers the table-row templates again where rows share a way of writing a cell from a field: those
        // cells come back as the fields, the others as extra fields named after the header, which the template's
        // cell (or the layout's own) writes as they were.
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        ListImporter.Result imported = new ListImporter().read(readme, "README.md");
        // A template's cell the column does not read ("[code](url)" under Code) is reported, and kept as written.
        assertThat(imported.warnings().stream().filter(w -> !w.endsWith("listed at both places")
                && !w.endsWith("kept as written in its place, not as a paper") && !w.endsWith("which the column writes")))
                .as(readme).isEmpty();
        // As papers.yaml: the row templates inferred load back as they were (each has the table's cells).
        Catalog loaded = dev.paperlist.catalog.CatalogLoader.parse(CatalogWriter.write(imported.catalog()), "papers.yaml");
        assertThat(loaded.settings().entries()).isEqualTo(imported.catalog().settings().entries());
        assertThat(sectionEntries(loaded.sections())).isEqualTo(sectionEntries(imported.catalog().sections()));
        String again = ReadmeRenderer.render(imported.catalog(), README, "README.md", "papers.yaml");
        // Through GitHub's tables: without them a table is a paragraph whose spaces between cells count.
        Html.assertSame(Html.normalisedAsGitHub(readme), Html.normalisedAsGitHub(again));
        Catalog twice = new ListImporter().read(again, "README.md").catalog();
        assertThat(CatalogWriter.write(twice)).as(again).isEqualTo(CatalogWriter.write(imported.catalog()));
    }

    private static List<List<dev.paperlist.model.EntryTemplate>> sectionEntries(List<Section> sections) {
        List<List<dev.paperlist.model.EntryTemplate>> out = new ArrayList<>();
        for (Section s : sections) {
            out.add(s.entries());
            out.addAll(sectionEntries(s.sections()));
        }
        return out;
    }

    // Rows a list-level template writes from their fields import to those fields and a row template of the same
    // cells, not to cells kept as extra fields named after the columns; the page stays the same.
    @org.junit.jupiter.api.Test
    void cellsARowTemplateWritesFromFieldsComeBackAsTheFields() {
        Settings settings = tableSettings("| **{link}** | {?[{venue}]({url}){|}—} | {date:yyyy.MM} |", 0, 1, 2);
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            papers.add(Paper.builder("Paper " + i, "Paper " + i).url("https://example.org/" + i)
                    .venue(i == 2 ? null : "Venue " + i).submitted(new PartialDate(2024, i, 0)).build());
        }
        String readme = ReadmeRenderer.render(new Catalog(settings, List.of(section(papers.toArray(Paper[]::new)))),
                README, "README.md", "papers.yaml");
        assertThat(readme).contains("| **[Paper 1](https://example.org/1)** | [Venue 1](https://example.org/1) | 2024.01 |")
                .contains("| **[Paper 2](https://example.org/2)** | — | 2024.02 |");
        Catalog imported = assertImportShowsTheSamePage(readme).catalog();
        assertThat(imported.distinctPapers()).allSatisfy(p -> assertThat(p.extra()).isEmpty());
        assertThat(imported.distinctPapers().get(0).venue()).isEqualTo("Venue 1");
        assertThat(imported.settings().entries()).singleElement().satisfies(t -> assertThat(t.cells()).isEqualTo(3));
        assertThat(ReadmeRenderer.render(imported, README, "README.md", "papers.yaml")).isEqualTo(readme);
    }

    // A row template naming a header with a brace ({extra:Ve{n}ue}) would not load from papers.yaml: none is
    // inferred, and the cells stay as written.
    @org.junit.jupiter.api.Test
    void noRowTemplateIsInferredThatPapersYamlCannotHold() {
        String readme = README.replace("<!-- paperlist:end -->", "## S\n\n| Title | Ve{n}ue | Date |\n| --- | --- | --- |\n"
                + "| [A](https://arxiv.org/abs/2401.00001) | X | 2024.01 |\n| [B](https://arxiv.org/abs/2401.00002) | Y | 2024.02 |\n"
                + "\n<!-- paperlist:end -->");
        Catalog imported = assertImportShowsTheSamePage(readme).catalog();
        Catalog loaded = dev.paperlist.catalog.CatalogLoader.parse(CatalogWriter.write(imported), "papers.yaml");
        assertThat(loaded.settings().entries()).isEqualTo(imported.settings().entries());
    }

    // Found by the property above: a row template left a cell of an extra column empty, among rows that write
    // the list's empty cell ('-') there; import read the cell as no field, and the layout's row wrote '-'.
    @org.junit.jupiter.api.Test
    void anExtraColumnsCellARowTemplateLeftEmptyAmongDashesStaysEmpty() {
        String readme = ReadmeRenderer.render(new Catalog(tableSettings("| **{link}** | {venue} | {?{extra:Latest Update}} |",
                0, 1, 9), List.of(section(Paper.builder("A", "A").url("https://example.org/a").venue("V").build(),
                Paper.builder("B", "B").build()))), README, "README.md", "papers.yaml");
        Catalog imported = new ListImporter().read(readme, "README.md").catalog();
        String again = ReadmeRenderer.render(imported, README, "README.md", "papers.yaml");
        assertThat(imported.distinctPapers().get(0).extra()).containsEntry("Latest Update", "");
        assertThat(again).isEqualTo(readme);
        // The written catalogue loads: an extra column's cell kept empty is no empty extra field.
        assertThat(dev.paperlist.catalog.CatalogLoader.parse(CatalogWriter.write(imported), "papers.yaml")
                .distinctPapers().get(0).extra()).containsEntry("Latest Update", "");
    }

    // Found by the property above: rows a template wrote with empty cells make '' the list's empty cell, and a
    // row in the layout's own form writes '-' in two columns; import kept the first '-' and then dropped it as
    // the same text as the second, so the page came back with that cell empty.
    @org.junit.jupiter.api.Test
    void twoCellsWrittenAsTheSameDashAmongEmptyCellsAreBothKept() {
        String readme = ReadmeRenderer.render(new Catalog(tableSettings("| {link} | {venue} | |", 0, 1, 6),
                List.of(section(Paper.builder("A", "A").venue("V").build(), Paper.builder("B", "B").venue("V").build(),
                        Paper.builder("C", "C").venue("V").build(), Paper.builder("D", "D").build()))),
                README, "README.md", "papers.yaml");
        assertThat(readme).contains("| D | - | - |");
        assertImportShowsTheSamePage(readme);
    }

    // Found by the property above: a row template writes its own '—' in an extra column where the list's empty
    // cell is '-'; import read the '—' as no field, and the layout's row wrote '-'.
    @org.junit.jupiter.api.Test
    void anExtraColumnsCellWrittenWithAnotherDashIsKept() {
        String readme = ReadmeRenderer.render(new Catalog(tableSettings("| {link} | {venue} | — |", 0, 1, 9),
                List.of(section(Paper.builder("A", "A").venue("V").build(), Paper.builder("B", "B").build(),
                        Paper.builder("C", "C").build()))), README, "README.md", "papers.yaml");
        assertThat(readme).contains("| A | V | — |").contains("| B | - | - |");
        assertImportShowsTheSamePage(readme);
    }

    // Found by the property above: a row template writes a note after the title link, so the second table of
    // a section reads a title column with notes and the first (no note in it) one without; import reported
    // them as tables with other columns, though their headers are the same.
    @org.junit.jupiter.api.Test
    void tablesOfASectionWithTheSameHeaderHaveTheSameColumnsWhetherTheirTitlesHaveNotesOrNot() {
        Settings settings = tableSettings("| {link}{? (*{venue}*)} | {?{venue}{|}—} |", 0, 1);
        Paper a = Paper.builder("A", "A").build();
        Paper b = Paper.builder("B", "B").url("https://example.org/b").venue("V").build();
        Section section = section(a, b).withContent(List.of(new Part.Listed(a), new Part.Text("---"), new Part.Listed(b)), List.of());
        String readme = ReadmeRenderer.render(new Catalog(settings, List.of(section)), README, "README.md", "papers.yaml");
        assertThat(readme).contains("| [B](https://example.org/b) (*V*) | V |");
        assertThat(assertImportShowsTheSamePage(readme).warnings()).isEmpty();
    }

    // A table of the given columns (indexes into ALL_COLUMNS), '-' its empty cell, and the row template.
    private static Settings tableSettings(String rowTemplate, int... columns) {
        return new Settings(Settings.DEFAULT.notAccepted(), Settings.DEFAULT.labels(), "; ", ", ", false, true, 1,
                "table", java.util.Arrays.stream(columns).mapToObj(ALL_COLUMNS::get).toList(), "-", List.of())
                .withEntries(List.of(dev.paperlist.model.EntryTemplate.parse(rowTemplate)));
    }

    private static Section section(Paper... papers) {
        return new Section("S", null, List.of(), List.of(papers), List.of(), SourcePosition.UNKNOWN);
    }

    // Imports the README and asserts the imported catalogue renders the page GitHub shows of it; the import.
    private static ListImporter.Result assertImportShowsTheSamePage(String readme) {
        ListImporter.Result imported = new ListImporter().read(readme, "README.md");
        Html.assertSame(Html.normalisedAsGitHub(readme),
                Html.normalisedAsGitHub(ReadmeRenderer.render(imported.catalog(), README, "README.md", "papers.yaml")));
        return imported;
    }

    @Property(tries = 200)
    void importOfTheListLayoutGivesTheCatalogueBack(@ForAll("listCatalogues") Catalog catalog) {
        assertRoundTrip(catalog);
    }

    @Property(tries = 150)
    void aListWrittenByEntryTemplatesImportsToTheSamePage(@ForAll("templatedListCatalogues") Catalog catalog) {
        // The papers a template fits are written its way, the others in the layout's own form; import then finds
        // templates for the first (or keeps them as written), and the page stays the same. Compared as the page
        // shows: an entry of another bullet than the layout's starts a list of its own, which the layout then
        // sets apart with a blank line.
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        ListImporter.Result imported = new ListImporter().read(readme, "README.md");
        String again = ReadmeRenderer.render(imported.catalog(), README, "README.md", "papers.yaml");
        assertThat(html(again)).as(readme).isEqualTo(html(readme));
    }

    @Property(tries = 150)
    void aListWhoseSectionsWriteTheirEntriesTheirOwnWayImportsToTheSamePage(
            @ForAll("sectionTemplatedListCatalogues") Catalog catalog) {
        // Sections with templates of their own, tried before the list's: import finds them per section (or keeps
        // the entries as written), and the page stays the same.
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        ListImporter.Result imported = new ListImporter().read(readme, "README.md");
        String again = ReadmeRenderer.render(imported.catalog(), README, "README.md", "papers.yaml");
        assertThat(html(again)).as(readme).isEqualTo(html(readme));
    }

    @Property(tries = 200)
    void importOfAListWithSectionsInTheTableLayoutGivesTheCatalogueBack(
            @ForAll("listCataloguesWithTableSections") Catalog catalog) {
        assertRoundTrip(catalog);
    }

    @Property(tries = 200)
    void importOfATableListWithSectionsInTheListLayoutGivesTheCatalogueBack(
            @ForAll("tableCataloguesWithListSections") Catalog catalog) {
        assertRoundTrip(catalog);
    }

    private static void assertRoundTrip(Catalog catalog) {
        String readme = ReadmeRenderer.render(catalog, README, "README.md", "papers.yaml");
        ListImporter.Result imported = new ListImporter().read(readme, "README.md");
        // A paper listed twice and an item that is not a paper are reported, and read as they were.
        assertThat(imported.warnings().stream().filter(w -> !w.endsWith("listed at both places")
                && !w.endsWith("kept as written in its place, not as a paper"))).as(readme).isEmpty();
        assertThat(comparable(imported.catalog())).as(readme).isEqualTo(comparable(catalog));
    }

    // The catalogue as papers.yaml, ids dropped (refs then name the paper) and abstracts as they render.
    private static String comparable(Catalog catalog) {
        Map<Paper, Paper> done = new IdentityHashMap<>();
        return CatalogWriter.write(new Catalog(catalog.settings(), normalised(catalog.sections(), done)));
    }

    private static List<Section> normalised(List<Section> sections, Map<Paper, Paper> done) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Paper> papers = new ArrayList<>();
            for (Paper p : s.papers()) {
                papers.add(done.computeIfAbsent(p, ImportPropertiesTest::normalised));
            }
            out.add(s.with(papers, normalised(s.sections(), done)));
        }
        return out;
    }

    private static Paper normalised(Paper p) {
        Paper.Builder b = Paper.builder(p.name(), p.title()).url(p.url() == null ? null : MarkdownText.url(p.url()))
                .code(p.code()).venue(p.venue())
                .submitted(p.submitted()).authors(p.authors()).tags(p.tags())
                .abstractText(p.abstractText() == null ? null : MarkdownText.inline(p.abstractText()));
        p.badges().forEach(badge -> b.badge(new Badge("custom", "https://badge.example", null, null,
                Badges.badge(badge), null, null, null, null, SourcePosition.UNKNOWN)));
        p.notes().forEach(note -> b.note(new NoteLink(note.label(), MarkdownText.url(note.url()))));
        p.extra().forEach(b::extra);
        return b.build();
    }

    // Without contents, whether they would list papers cannot be seen; such catalogues keep the default.
    @Provide
    Arbitrary<Catalog> notesCatalogues() {
        return catalogues(Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(1, 2))
                .as((toc, tocPapers, level) -> new Settings(Settings.DEFAULT.notAccepted(), Settings.DEFAULT.labels(), "; ", ", ",
                        toc, tocPapers || !toc, level, "notes", Settings.DEFAULT.tableColumns(), "-", List.of())));
    }

    // Header cells written with markup ("**Title**") as well as plain ones.
    @Provide
    Arbitrary<Catalog> tableCatalogues() {
        List<TableColumn> marked = ALL_COLUMNS.stream().map(c -> c.withHeaderMarkdown("**" + c.header() + "**")).toList();
        return catalogues(Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(1, 2), Arbitraries.of(ALL_COLUMNS, marked))
                .as((toc, level, columns) -> new Settings(Settings.DEFAULT.notAccepted(), Settings.DEFAULT.labels(), "; ", ", ",
                        toc, true, level, "table", columns, "-", List.of())))
                .flatMap(c -> Arbitraries.longs().map(seed -> withParts(c, seed, false)));
    }

    // Sections that write text between their papers and list a paper a second time; in the list layout also
    // an item that is not a paper. Text and items come after a section's first paper: before it, text is the
    // section's own text.
    private static Catalog withParts(Catalog catalog, long seed, boolean items) {
        java.util.Random random = new java.util.Random(seed);
        return new Catalog(catalog.settings(), withParts(catalog.sections(), random, items));
    }

    private static final List<String> TEXTS = List.of("**In practice**", "---",
            "<p align=\"right\">(<a href=\"#top\">back to top</a>)</p>", "Some words.\n\nAnd more words.");

    private static List<Section> withParts(List<Section> sections, java.util.Random random, boolean items) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Part> content = new ArrayList<>(s.content());
            int papers = content.size();
            // An item that is not a paper, between the first two papers: a list stays a list of papers while
            // most of its items are papers.
            boolean item = items && papers >= 2 && random.nextBoolean();
            if (item) {
                content.add(1, new Part.Item("- a note, not a paper", List.of()));
            }
            if (papers >= 1 && random.nextBoolean()) {
                int from = item ? 3 : 1;
                content.add(from + random.nextInt(content.size() - from + 1), new Part.Text(TEXTS.get(random.nextInt(TEXTS.size()))));
            }
            if (papers >= 1 && random.nextBoolean()) {
                content.add(new Part.Listed(s.papers().get(random.nextInt(papers))));
            }
            out.add(s.withContent(content, withParts(s.sections(), random, items)));
        }
        return out;
    }

    // Every other paper is an entry kept as written: a heading (deeper than any section's), the paper's
    // authors and a line of links, the first of which says only "Paper".
    @Provide
    Arbitrary<Catalog> writtenNotesCatalogues() {
        return notesCatalogues().map(catalog -> {
            Map<Paper, Paper> done = new IdentityHashMap<>();
            return new Catalog(catalog.settings(), written(catalog.sections(), done));
        });
    }

    private static List<Section> written(List<Section> sections, Map<Paper, Paper> done) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Paper> papers = new ArrayList<>();
            for (Paper p : s.papers()) {
                papers.add(done.computeIfAbsent(p, q -> {
                    if (done.size() % 2 == 1) {
                        return q;
                    }
                    String id = Integer.toHexString(q.name().toLowerCase(Locale.ROOT).hashCode());
                    String name = done.size() + ". Splat " + id;
                    String url = "https://arxiv.org/abs/2401." + id;
                    return Paper.builder(name, name).url(url)
                            .extra(Paper.WRITTEN, "###### " + name + "\n**Authors**: Ada Byron\n\n  [📄 Paper (PDF)](" + url
                                    + ") | [💻 Code](https://github.com/example/s" + id + ")\n\n<br>")
                            .build();
                }));
            }
            out.add(s.with(papers, written(s.sections(), done)));
        }
        return out;
    }

    // The list layout shows title, alias, date, venue, code, badges and extra fields; other fields stay
    // out. A bullet is a paper by its link, so every paper has one; its text after the date and venue
    // is one extra field, "Note".
    @Provide
    Arbitrary<Catalog> listCatalogues() {
        return catalogues(Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(1, 2))
                .as((toc, level) -> new Settings(Settings.DEFAULT.notAccepted(), Settings.DEFAULT.labels(), "; ", ", ",
                        toc, true, level, "list", Settings.DEFAULT.tableColumns(), "-", List.of())))
                .map(ImportPropertiesTest::listFieldsOnly)
                .flatMap(c -> Arbitraries.longs().map(seed -> withParts(c, seed, true)));
    }

    private static final org.commonmark.parser.Parser PAGE = org.commonmark.parser.Parser.builder().build();

    private static String html(String markdown) {
        return org.commonmark.renderer.html.HtmlRenderer.builder().build().render(PAGE.parse(markdown))
                .replaceAll(">\\s+<", "><");
    }

    // Entry styles of hand-written lists, each fitting some of the generated papers (those with its fields).
    // Each opens with the title link, as a list import reads as papers whatever their links point to.
    private static final List<String> STYLES = List.of(
            "* **{link}** ({date:MMM yyyy})",
            "+ {link} [{date:yyyy/MM}]{? ({venue})}",
            "{number}. {link}{?, {venue}}.",
            "- {link}{? ({venue})}{?\n  {stars}}");

    @Provide
    Arbitrary<Catalog> templatedListCatalogues() {
        return listCatalogues().flatMap(c -> Arbitraries.of(STYLES).map(style -> new Catalog(
                c.settings().withEntries(List.of(dev.paperlist.model.EntryTemplate.parse(style))), c.sections())));
    }

    // Table rows of hand-written lists, one cell per column of ALL_COLUMNS (a template of another number of
    // cells is refused at load): links and titles written otherwise, dates as the list spells them, cells
    // left empty or marked with a dash of their own, and slots every paper has or only some have.
    private static final List<String> ROWS = List.of(
            "| **{link}** | {?{venue}{|}preprint} | {?{date:MMM yyyy}} | {?[code]({code})} | {?{badges:<br>}}"
                    + " | {?{authors}} | {?{tags}} | {?{notes}} | {?{abstract}} | {?{extra:Latest Update}} |",
            "| {link} | {venue} | {date:yyyy/MM} | {?{stars}{|}-} | - | {authors:, } | {?{tags}} | - | - |"
                    + " {?{extra:Latest Update}{|}-} |",
            "| {?\\[{alias}\\] }[{title}]({url}) | {?{venue}} | {?{date:yyyy}} | {?{stars}} | | | | | | |",
            "| {link}{? (*{venue}*)} | {?{venue}{|}—} | {?{date}{|}—} | {?{code}{|}—} | {?{badges}{|}—} | {?{authors}{|}—}"
                    + " | {?{tags}{|}—} | {?{notes}{|}—} | {?{abstract}{|}—} | {?{extra:Latest Update}{|}—} |");

    // One or two rows for the list, and each top-level section (and its subsections) with a row of its own,
    // tried first, or none.
    @Provide
    Arbitrary<Catalog> templatedTableCatalogues() {
        return tableCatalogues().flatMap(c -> Combinators.combine(
                Arbitraries.of(ROWS).list().ofMinSize(1).ofMaxSize(2).uniqueElements(),
                Arbitraries.of(ROWS).injectNull(0.6).list().ofSize(c.sections().size())).as((rows, own) -> {
                    List<Section> sections = new ArrayList<>();
                    for (int i = 0; i < own.size(); i++) {
                        String row = own.get(i);
                        sections.add(row == null ? c.sections().get(i)
                                : withEntries(c.sections().get(i), List.of(dev.paperlist.model.EntryTemplate.parse(row))));
                    }
                    return new Catalog(c.settings().withEntries(
                            rows.stream().map(dev.paperlist.model.EntryTemplate::parse).toList()), sections);
                }));
    }

    // A list style, and each top-level section (and its subsections) with a style of its own or none.
    @Provide
    Arbitrary<Catalog> sectionTemplatedListCatalogues() {
        return templatedListCatalogues().flatMap(c -> Arbitraries.of(STYLES).injectNull(0.3).list()
                .ofSize(c.sections().size()).map(styles -> {
                    List<Section> sections = new ArrayList<>();
                    for (int i = 0; i < styles.size(); i++) {
                        String style = styles.get(i);
                        sections.add(style == null ? c.sections().get(i)
                                : withEntries(c.sections().get(i), List.of(dev.paperlist.model.EntryTemplate.parse(style))));
                    }
                    return new Catalog(c.settings(), sections);
                }));
    }

    private static Section withEntries(Section s, List<dev.paperlist.model.EntryTemplate> entries) {
        List<Section> subsections = new ArrayList<>();
        s.sections().forEach(sub -> subsections.add(withEntries(sub, entries)));
        return s.withContent(s.content(), subsections).withEntries(entries);
    }

    private static Catalog listFieldsOnly(Catalog catalog) {
        Map<Paper, Paper> done = new IdentityHashMap<>();
        return new Catalog(catalog.settings(), listFieldsOnly(catalog.sections(), done));
    }

    private static List<Section> listFieldsOnly(List<Section> sections, Map<Paper, Paper> done) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Paper> papers = new ArrayList<>();
            for (Paper p : s.papers()) {
                papers.add(done.computeIfAbsent(p, ImportPropertiesTest::listFields));
            }
            out.add(s.with(papers, listFieldsOnly(s.sections(), done)));
        }
        return out;
    }

    // Some sections of a list-layout catalogue written as tables: those whose papers are listed nowhere else,
    // have no extra field (which the default columns do not show) and no item that is not a paper (which a
    // table writes as text); fewer papers in tables than in bullets, as import takes the list's layout from
    // the most papers.
    @Provide
    Arbitrary<Catalog> listCataloguesWithTableSections() {
        return listCatalogues().flatMap(c -> Arbitraries.longs().map(seed -> withSectionLayout(c, seed, "table",
                p -> p.extra().isEmpty(), UnaryOperator.identity()))).filter(c -> hasOwnLayout(c.sections()));
    }

    // Some sections of a table-layout catalogue written as bullets: their papers (listed nowhere else) with
    // the fields the list layout shows.
    @Provide
    Arbitrary<Catalog> tableCataloguesWithListSections() {
        return tableCatalogues().flatMap(c -> Arbitraries.longs().map(seed -> withSectionLayout(c, seed, "list",
                p -> true, ImportPropertiesTest::listFields))).filter(c -> hasOwnLayout(c.sections()));
    }

    private static Catalog withSectionLayout(Catalog catalog, long seed, String layout, Predicate<Paper> shown,
                                             UnaryOperator<Paper> fields) {
        Map<Paper, Integer> listings = new IdentityHashMap<>();
        countListings(catalog.sections(), listings);
        int total = listings.values().stream().mapToInt(Integer::intValue).sum();
        return new Catalog(catalog.settings(), withSectionLayout(catalog.sections(), new SectionChoice(
                new java.util.Random(seed), layout, shown, fields, listings, total, new int[1])));
    }

    private record SectionChoice(java.util.Random random, String layout, Predicate<Paper> shown,
                                 UnaryOperator<Paper> fields, Map<Paper, Integer> listings, int total, int[] chosen) {}

    private static void countListings(List<Section> sections, Map<Paper, Integer> out) {
        for (Section s : sections) {
            Part.listings(s.content()).forEach(p -> out.merge(p, 1, Integer::sum));
            countListings(s.sections(), out);
        }
    }

    private static List<Section> withSectionLayout(List<Section> sections, SectionChoice choice) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Section> children = withSectionLayout(s.sections(), choice);
            Section section = s.withContent(s.content(), children);
            List<Paper> listed = Part.listings(s.content());
            Map<Paper, Integer> here = new IdentityHashMap<>();
            listed.forEach(p -> here.merge(p, 1, Integer::sum));
            boolean eligible = !listed.isEmpty() && s.content().stream().noneMatch(Part.Item.class::isInstance)
                    && listed.stream().allMatch(p -> choice.shown().test(p) && choice.listings().get(p).equals(here.get(p)))
                    && 2 * (choice.chosen()[0] + listed.size()) < choice.total();
            if (eligible && choice.random().nextBoolean()) {
                section = s.with(s.papers().stream().map(choice.fields()).toList(), children).withLayout(choice.layout());
                choice.chosen()[0] += listed.size();
            }
            out.add(section);
        }
        return out;
    }

    private static boolean hasOwnLayout(List<Section> sections) {
        return sections.stream().anyMatch(s -> s.layout() != null || hasOwnLayout(s.sections()));
    }

    private static Paper listFields(Paper q) {
        Paper.Builder b = Paper.builder(q.name(), q.title())
                .url(q.url() != null ? q.url() : "https://example.org/n" + Integer.toHexString(q.name().toLowerCase(java.util.Locale.ROOT).hashCode()))
                .code(q.code()).venue(q.venue())
                .submitted(q.submitted());
        q.badges().forEach(b::badge);
        q.extra().values().stream().findFirst().ifPresent(note -> b.extra("Note", note));
        return b.build();
    }

    private Arbitrary<Catalog> catalogues(Arbitrary<Settings> settings) {
        return Combinators.combine(settings, sections(3).list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 2))
                .as((s, sections, crossListings) -> new Catalog(s, distinct(crossListed(sections, crossListings))))
                .filter(c -> !c.distinctPapers().isEmpty());
    }

    // Lists the first paper again in the last top-level section, as a cross-listing.
    private static List<Section> crossListed(List<Section> sections, int times) {
        if (times == 0 || sections.size() < 2 || sections.get(0).papers().isEmpty()) {
            return sections;
        }
        List<Section> out = new ArrayList<>(sections);
        Section last = out.get(out.size() - 1);
        List<Paper> papers = new ArrayList<>(last.papers());
        papers.add(sections.get(0).papers().get(0));
        out.set(out.size() - 1, last.with(papers, last.sections()));
        return out;
    }

    // Different papers have different names, as two equal papers would be one paper listed twice.
    private static List<Section> distinct(List<Section> sections) {
        return distinct(sections, new IdentityHashMap<>(), new HashSet<>());
    }

    private static List<Section> distinct(List<Section> sections, Map<Paper, Boolean> seen, Set<String> names) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Paper> papers = new ArrayList<>();
            Set<Paper> here = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            // Nor does a section list two papers with the same link, which the loader refuses.
            Set<String> links = new HashSet<>();
            for (Paper p : s.papers()) {
                boolean newLink = p.url() == null || here.contains(p) || !links.contains(TextRules.normalisedUrl(p.url()));
                if (newLink && (seen.containsKey(p) ? here.add(p) : names.add(p.name().toLowerCase(Locale.ROOT)) && here.add(p))) {
                    if (p.url() != null) {
                        links.add(TextRules.normalisedUrl(p.url()));
                    }
                    seen.put(p, Boolean.TRUE);
                    papers.add(p);
                }
            }
            out.add(s.with(papers, distinct(s.sections(), seen, names)));
        }
        return out;
    }

    private Arbitrary<Section> sections(int depth) {
        Arbitrary<List<Section>> children = depth <= 1
                ? Arbitraries.just(List.of())
                : Arbitraries.lazy(() -> sections(depth - 1)).list().ofMaxSize(2);
        return Combinators.combine(texts(), words().injectNull(0.7), papers().list().ofMaxSize(3), children)
                .as((title, text, papers, subsections) ->
                        new Section(title, text, List.of(), papers, subsections, SourcePosition.UNKNOWN));
    }

    private Arbitrary<Paper> papers() {
        Arbitrary<Paper.Builder> base = Combinators.combine(texts(), texts(), venues().injectNull(0.4),
                        items().list().ofMaxSize(3), items().list().ofMaxSize(2), texts().injectNull(0.4))
                .as((name, title, venue, authors, tags, abstractText) -> Paper.builder(name, title).venue(venue)
                        .authors(authors).tags(tags).abstractText(abstractText));
        return Combinators.combine(base, Arbitraries.integers().between(0, 12), texts(), words().injectNull(0.6))
                .as((b, extras, label, extra) -> {
                    if ((extras & 1) != 0) {
                        b.url("https://example.org/" + extras + " (x)").submitted(new PartialDate(2024, extras, 0));
                    }
                    if ((extras & 2) != 0) {
                        b.code(GitHubRepo.parse("owner/repo" + extras).orElseThrow());
                    }
                    if ((extras & 4) != 0) {
                        b.badge(new Badge("custom", "https://example.org/b", null, label, label + " x", "red", null, null,
                                null, SourcePosition.UNKNOWN));
                        b.badge(new Badge("project", "https://example.org/p", null, null, null, null, null, null, null,
                                SourcePosition.UNKNOWN));
                        b.note(new NoteLink(label, "https://example.org/n"));
                    }
                    if ((extras & 8) != 0) {
                        b.submitted(new PartialDate(2023, 2, 28));
                    }
                    if (extra != null) {
                        b.extra("Latest Update", extra);
                    }
                    return b;
                }).map(Paper.Builder::build);
    }

    // A venue the importer would read as "not accepted yet" is a setting, not a venue; those are left out.
    private Arbitrary<String> venues() {
        return texts().filter(v -> !v.matches("(?i)none\\b.*|n/a|tbd|-|—|not accepted.*"));
    }

    // List items hold no list separator, and a lone "-" is the mark of an empty table cell.
    private Arbitrary<String> items() {
        return texts().filter(t -> Values.separatorOf(t) == null && !t.matches("-|—|–|(?i)n/a"));
    }

    private Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).list().ofMinSize(1).ofMaxSize(5)
                .map(w -> String.join(" ", w));
    }

    private Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("AnyGPT", "CLIP", "MDRG / Divter", "大型多模态模型", "🚀", "❤️", "C++", "a_b", "x*y*",
                        "**bold**", "[link](https://x.example)", "<b>", "`code`", "$x$", "~~s~~", ":smile:", "&amp;",
                        "#", "1.", "-", ">", "|", "\\", "Foo 1", "foo-1", "İstanbul", "ΟΔΟΣ", "!", "[a]", "(Org)"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6));
        return pieces.list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join(" ", parts).replaceAll("\\s+", " ").strip())
                .filter(s -> !s.isEmpty() && !s.matches("-|—|–|(?i)n/a"));
    }
}
