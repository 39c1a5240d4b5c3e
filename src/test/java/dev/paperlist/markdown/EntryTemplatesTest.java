package dev.paperlist.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.model.DateSpelling;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryTemplatesTest {
    private final EntryTemplates writer = new EntryTemplates(Settings.DEFAULT);

    private static Paper.Builder paper() {
        return Paper.builder("A_B", "A_B: a title").url("https://arxiv.org/abs/2401.00001");
    }

    @Test
    void slotsAreTheFieldsAsMarkdownAndTheDateInTheListsSpelling() {
        EntryTemplate t = EntryTemplate.parse("- [{date:yyyy/MM}] **{title}.** [[paper]({url})]");
        Paper p = paper().submitted(new PartialDate(2023, 10, 0)).name("A_B: a title").build();
        assertThat(writer.render(t, p, 0)).contains("- [2023/10] **A\\_B: a title.** [[paper](https://arxiv.org/abs/2401.00001)]");
    }

    @Test
    void aTemplateFitsWhenItsSlotsHaveValuesAndItShowsWhichPaperItIs() {
        EntryTemplate t = EntryTemplate.parse("- {link}");
        assertThat(writer.render(t, paper().name("A_B: a title").build(), 0)).isPresent();
        // A field the template has no slot for stays in the catalogue, off the page.
        assertThat(writer.render(t, paper().name("A_B: a title").venue("ICLR 2024").build(), 0)).isPresent();
        // The link would not show: the template does not fit, and the layout writes the paper.
        assertThat(writer.render(EntryTemplate.parse("- {title}"), paper().name("A_B: a title").build(), 0)).isEmpty();
        // Nor would the short name.
        assertThat(writer.render(t, paper().name("AB").build(), 0)).isEmpty();
        // A slot outside a part needs a value.
        assertThat(writer.render(EntryTemplate.parse("- {link} ({venue})"), paper().name("A_B: a title").build(), 0)).isEmpty();
    }

    @Test
    void aPartIsWrittenOnlyWhenItsSlotsHaveValues() {
        EntryTemplate t = EntryTemplate.parse("- {link}{? ({venue})}{?\n  {stars}}");
        Paper bare = paper().name("A_B: a title").build();
        Paper full = paper().name("A_B: a title").venue("ICLR").code(GitHubRepo.parse("https://github.com/o/r").orElseThrow()).build();
        assertThat(writer.render(t, bare, 0)).contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001)");
        assertThat(writer.render(t, full, 0).orElseThrow()).startsWith("- [A\\_B: a title](https://arxiv.org/abs/2401.00001) (ICLR)\n  [![Star](");
    }

    @Test
    void theTemplateShowingMostOfThePaperWritesItAndAnEntryKeptAsWrittenComesFirst() {
        Settings settings = Settings.DEFAULT.withEntries(List.of(EntryTemplate.parse("* {link}"),
                EntryTemplate.parse("* {link} ({venue})"), EntryTemplate.parse("+ {link} ({venue})")));
        EntryTemplates list = new EntryTemplates(settings);
        Paper p = paper().name("A_B: a title").build();
        assertThat(list.written(p, List.of(), 0)).isEqualTo("* [A\\_B: a title](https://arxiv.org/abs/2401.00001)");
        // The second shows the venue as well; of two that show as much, the first.
        assertThat(list.written(paper().name("A_B: a title").venue("ICLR").build(), List.of(), 0))
                .isEqualTo("* [A\\_B: a title](https://arxiv.org/abs/2401.00001) (ICLR)");
        // A section's own templates come before the list's.
        assertThat(list.written(p, List.of(EntryTemplate.parse("+ {title} {url}")), 0))
                .isEqualTo("+ A\\_B: a title https://arxiv.org/abs/2401.00001");
        assertThat(list.written(paper().name("A_B: a title").extra(Paper.WRITTEN, "as it was").build(), List.of(), 0))
                .isEqualTo("as it was");
        assertThat(list.written(Paper.builder("No link", "No link").build(), List.of(), 0)).isEqualTo("* No link");
        assertThat(list.written(paper().name("Short").build(), List.of(), 0)).isNull();
    }

    @Test
    void extraFieldsAreSlotsByLabelAndTheRestTogether() {
        Paper p = paper().name("A_B: a title").extra("Org", "*Google*").extra("More", "x").build();
        assertThat(new EntryTemplates(Settings.DEFAULT).render(EntryTemplate.parse("- {link} ({extra:Org}){? {extras}}"), p, 0))
                .contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001) (*Google*) x");
    }

    @Test
    void aNumberedListsMarkerIsTheEntrysPlaceInItsList() {
        EntryTemplate t = EntryTemplate.parse("{number}. **\"{title}\"** [[Paper]({url})]");
        Paper p = paper().name("A_B: a title").build();
        assertThat(writer.render(t, p, 23)).contains("23. **\"A\\_B: a title\"** [[Paper](https://arxiv.org/abs/2401.00001)]");
        // Where the place is not known (0), the template does not fit.
        assertThat(writer.render(t, p, 0)).isEmpty();
    }

    @Test
    void badTemplatesAreRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> EntryTemplate.parse("- {titel}")).hasMessageContaining("unknown slot '{titel}' at offset 2");
        assertThatThrownBy(() -> EntryTemplate.parse("- {title")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> EntryTemplate.parse("- {title}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryTemplate.parse("- {?({title}")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> EntryTemplate.parse("- {extra}")).hasMessageContaining("{extra:Label}");
        assertThatThrownBy(() -> EntryTemplate.parse("- {date:MM/dd}")).hasMessageContaining("yyyy");
        assertThatThrownBy(() -> EntryTemplate.parse("just text")).hasMessageContaining("at least one slot");
        assertThat(EntryTemplate.parse("{{{title}}}").pieces()).hasSize(3);
    }

    @Test
    void aDateSpellingWritesAndFindsTheSameDate() {
        for (String pattern : DateSpelling.KNOWN) {
            DateSpelling spelling = DateSpelling.of(pattern);
            PartialDate date = new PartialDate(2024, 6, pattern.contains("d") ? 9 : 0);
            String text = spelling.format(date).orElseThrow();
            assertThat(spelling.find("(" + text + ")", 0)).map(DateSpelling.Found::date).contains(date);
        }
        assertThat(DateSpelling.of("MMM. yyyy").format(new PartialDate(2017, 8, 0))).contains("Aug. 2017");
        assertThat(DateSpelling.of("d MMM yyyy").format(new PartialDate(2022, 8, 25))).contains("25 Aug 2022");
        // A spelling shows the date as precisely as it is, or not at all.
        assertThat(DateSpelling.of("yyyy/MM").format(new PartialDate(2022, 8, 25))).isEqualTo(Optional.empty());
        // Digits of a longer number are not a date.
        assertThat(DateSpelling.of("yyyy.MM").find("arxiv.org/abs/2012.07436", 0)).isEmpty();
    }

    @Test
    void aPartMayHaveAlternativesAndTheLastMayBeTextAlone() {
        EntryTemplate t = EntryTemplate.parse("- {link}: {?{venue}{|}{date}{|}not accepted}");
        assertThat(writer.render(t, paper().name("A_B: a title").venue("ICLR").submitted(new PartialDate(2024, 1, 0)).build(), 0))
                .contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001): ICLR");
        assertThat(writer.render(t, paper().name("A_B: a title").submitted(new PartialDate(2024, 1, 0)).build(), 0))
                .contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001): 2024-01");
        assertThat(writer.render(t, paper().name("A_B: a title").build(), 0))
                .contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001): not accepted");
        // The fields an alternative shows count towards the template that shows the most.
        assertThat(writer.fit(t, paper().name("A_B: a title").venue("ICLR").build(), 0).shown())
                .isGreaterThan(writer.fit(t, paper().name("A_B: a title").build(), 0).shown());
        assertThatThrownBy(() -> EntryTemplate.parse("- {title} {?none{|}{venue}}")).hasMessageContaining("only the last alternative");
        assertThatThrownBy(() -> EntryTemplate.parse("- {title} {|} {venue}")).hasMessageContaining("outside a part");
        // Text made a literal cannot open an alternative.
        assertThat(EntryTemplate.parse("{title}" + EntryTemplate.literal("{|}")).pieces()).hasSize(2);
    }

    @Test
    void aPartOfPartsIsWrittenWhenOneOfThemIs() {
        EntryTemplate t = EntryTemplate.parse("{link}{?\\{?\n  {venue}}{?\n  {date}}}");
        assertThat(writer.render(t, paper().name("A_B: a title").build(), 0))
                .contains("[A\\_B: a title](https://arxiv.org/abs/2401.00001)");
        assertThat(writer.render(t, paper().name("A_B: a title").submitted(new PartialDate(2024, 1, 0)).build(), 0))
                .contains("[A\\_B: a title](https://arxiv.org/abs/2401.00001)\\\n  2024-01");
        // Two closing braces after one part open are still a brace and the part's close.
        assertThat(writer.render(EntryTemplate.parse("{link}{? {venue}}}}"), paper().name("A_B: a title").venue("V").build(), 0))
                .contains("[A\\_B: a title](https://arxiv.org/abs/2401.00001) V}");
    }

    @Test
    void eachExtraFieldMayBeWrittenWithAPatternOfItsOwn() {
        Paper p = paper().name("A_B: a title").extra("Org", "*Google*").extra("Note_1", "x").build();
        EntryTemplate t = EntryTemplate.parse("- {link}{?{extras:\n- **{label}:** {value}}}");
        assertThat(writer.render(t, p, 0)).contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001)"
                + "\n- **Org:** *Google*\n- **Note\\_1:** x");
        // A separator stays a separator, closed by the first brace as before.
        assertThat(writer.render(EntryTemplate.parse("- {link}{? {extras:; }}"), p, 0))
                .contains("- [A\\_B: a title](https://arxiv.org/abs/2401.00001) *Google*; x");
    }

    @Test
    void theNotesLayoutsOwnEntryIsATemplateOfItsLabels() {
        Settings settings = new Settings("Not {yet}", new dev.paperlist.model.Labels("**{PDF}:**", "**Venue:**",
                "**Date:**", "**By:**", "**Topics:**", "**TL;DR:**", "**Mine:**"), ", ", " · ", true, false, 2, "notes",
                dev.paperlist.model.TableColumn.DEFAULT_COLUMNS, "", List.of());
        Paper p = paper().name("A_B").badge(new dev.paperlist.model.Badge("blog", "https://b.example", null, "Blog",
                        null, null, null, null, null, null))
                .code(GitHubRepo.parse("https://github.com/o/r").orElseThrow()).authors(List.of("Ada", "Alan"))
                .extra("Org", "*G*").build();
        String entry = new dev.paperlist.render.NotesLayout.OwnEntries(settings).entry(p, 3);
        assertThat(entry).startsWith("### A\\_B\n\n- **{PDF}:** [A\\_B: a title](https://arxiv.org/abs/2401.00001)\\\n  [![Star](")
                .contains("\n- **Venue:** Not {yet}\n- **By:** Ada, Alan\n- **Org:** *G*")
                .doesNotContain("**Date:**");
        assertThat(entry.lines().filter(l -> l.startsWith("  ")).count()).isEqualTo(2);
    }

    @Test
    void theTableLayoutsOwnRowIsATemplateThatReadsBackAsItIsWritten() {
        Settings settings = Settings.DEFAULT.withLayout("table");
        EntryTemplate row = dev.paperlist.render.TableLayout.rowTemplate(
                dev.paperlist.model.TableColumn.DEFAULT_COLUMNS, settings);
        assertThat(row.tableRow()).isTrue();
        EntryTemplate read = EntryTemplate.parse(row.source());
        for (Paper p : List.of(paper().name("A|B").venue("V|W").build(),
                paper().name("A_B: a title").code(GitHubRepo.parse("https://github.com/o/r").orElseThrow())
                        .extra("Date", "").extra("Venue", "in *review* | soon").build())) {
            StringBuilder built = new StringBuilder();
            StringBuilder parsed = new StringBuilder();
            writer.renderOwn(row, p, built);
            writer.renderOwn(read, p, parsed);
            assertThat(parsed.toString()).isEqualTo(built.toString());
        }
        StringBuilder out = new StringBuilder();
        writer.renderOwn(row, paper().name("A_B: a title").extra("Date", "").extra("Venue", "in *review* | soon").build(), out);
        // The cell kept empty is empty, a bare '|' gets a backslash, a field without a value is the empty cell.
        assertThat(out.toString()).isEqualTo("| [A\\_B: a title](https://arxiv.org/abs/2401.00001) | in *review* \\| soon |  | - | - |");
    }

    @Test
    void aTableHeaderWithBracesNamesTheCellKeptAsWritten() {
        var column = new dev.paperlist.model.TableColumn("code", "Code {beta}", dev.paperlist.model.TableColumn.Alignment.CENTER);
        EntryTemplate row = dev.paperlist.render.TableLayout.rowTemplate(List.of(column), Settings.DEFAULT.withLayout("table"));
        StringBuilder out = new StringBuilder();
        writer.renderOwn(row, paper().name("A_B: a title").extra("Code {beta}", "[code](x)|").build(), out);
        assertThat(out.toString()).isEqualTo("| [code](x)\\| |");
    }
    @Test
    void aTableRowCountsTheCellsGitHubSplitsItInto() {
        assertThat(EntryTemplate.parse("| {link} | {venue} |").cells()).isEqualTo(2);
        assertThat(EntryTemplate.parse("| {link} | {venue}").cells()).isEqualTo(2);
        // An escaped pipe, in the text or closing the row, stays in its cell.
        assertThat(EntryTemplate.parse("| {link} \\| {venue} |").cells()).isEqualTo(1);
        assertThat(EntryTemplate.parse("| {link} | {?{venue}{|}-} |").cells()).isEqualTo(2);
        // A part that writes a pipe makes the count the paper's.
        assertThat(EntryTemplate.parse("| {link}{? | {venue}} |").cells()).isEqualTo(-1);
        assertThat(EntryTemplate.parse("- {link} | {venue}").cells()).isEqualTo(-1);
    }
}
