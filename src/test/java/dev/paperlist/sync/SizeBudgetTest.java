package dev.paperlist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.model.Settings;
import dev.paperlist.render.GeneratedPages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which outputs are near or over their size budget, and what the warning advises. */
class SizeBudgetTest {
    private static Settings budget(long bytes, Settings.Split split) {
        Settings d = Settings.DEFAULT;
        return new Settings(d.notAccepted(), d.labels(), d.authorSeparator(), d.tagSeparator(), d.toc(), d.tocPapers(),
                d.topHeadingLevel(), d.layout(), d.tableColumns(), d.emptyCell(), d.outputs(), d.lintDisabled(), null, bytes, split);
    }

    private static OutputPlan plan(String name, String text) {
        return new OutputPlan(Path.of(name), name, null, text);
    }

    @Test
    void warnsFromNinetyPercentOfTheBudget() {
        assertThat(SizeBudget.warning("R.md", 899, 1000, "")).isEmpty();
        assertThat(SizeBudget.warning("R.md", 900, 1000, "")).hasValue(
                "R.md: warning: 0.9 KB is 90% of its size budget of 1.0 KB (GitHub shows no README past 512 KB)");
        assertThat(SizeBudget.warning("R.md", 1001, 1000, "")).hasValue(
                "R.md: warning: 1.0 KB is over its size budget of 1.0 KB (GitHub shows no README past 512 KB)");
        assertThat(SizeBudget.warning("README.md", 470 * 1024, Settings.DEFAULT_SIZE_BUDGET, "").orElseThrow())
                .startsWith("README.md: warning: 470.0 KB is over its size budget of 450.0 KB");
    }

    @Test
    void aSplittingReadmeIsOnlyWarnedAboutWhenItIsStillOverAndOrphansNever() {
        String big = "x".repeat(950);
        String page = GeneratedPages.header("papers.yaml") + "\n" + "x".repeat(950);
        List<OutputPlan> plans = List.of(plan("README.md", big), plan("sections/a.md", page),
                OutputPlan.orphan(Path.of("tags/old.md"), "tags/old.md", null));

        assertThat(SizeBudget.warnings(plans, budget(1000, null))).hasSize(2).first().asString()
                .endsWith("; set 'split_sections: true' to move whole sections onto pages of their own, or raise 'size_budget'");
        List<String> splitting = SizeBudget.warnings(plans, budget(1000, Settings.Split.DEFAULT));
        assertThat(splitting).hasSize(1);
        assertThat(splitting.get(0)).startsWith("sections/a.md: warning: 1.0 KB is over its size budget")
                .endsWith("; move its papers into more, smaller sections, or raise 'size_budget'");
        assertThat(SizeBudget.warnings(plans, budget(100_000, null))).isEmpty();
    }
}
