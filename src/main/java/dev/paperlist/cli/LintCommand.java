package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.SourceIndex;
import dev.paperlist.io.TextFile;
import dev.paperlist.lint.IssueFormRule;
import dev.paperlist.lint.LintReport;
import dev.paperlist.lint.LintWarning;
import dev.paperlist.lint.Linter;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.SizeBudget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperlist lint}: the loader's validation, then warnings about what a maintainer would fix. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Validate papers.yaml as render does (an error exits 3), then warn about what a list "
                + "maintainer wants fixed: a paper with no abstract, date or link; the not_accepted text on a paper "
                + "whose venue is known; http links to https hosts; duplicate titles; empty sections; colliding "
                + "anchors; star badges of another repository; outputs near their size budget; an issue form "
                + "(.github/ISSUE_TEMPLATE/add-paper.yml) whose sections are not the catalogue's.",
            "Each warning is 'papers.yaml:LINE:COL: rule-id: message'. Switch rules off in papers.yaml with "
                + "settings: lint: disable: [rule-id, ...]."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist lint", "  paperlist lint --strict               # exit 1 on any warning, for CI",
            "  paperlist lint --format json > lint.json",
            "  paperlist lint --format github        # warnings as GitHub annotations"})
final class LintCommand implements Callable<Integer> {
    /** How the warnings are printed. */
    enum Format { text, json, github }

    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = "papers.yaml",
            description = "The catalogue (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = "--strict", description = "Exit 1 when there is any warning.")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or github (workflow annotations); default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LintWarning> warnings;
        try {
            String text = TextFile.read(root.environment.resolve(catalog), catalog, CatalogLoader.MAX_BYTES).text();
            Catalog loaded = CatalogLoader.parse(text, catalog);
            warnings = new ArrayList<>(Linter.lint(loaded, SourceIndex.of(text, catalog)));
            warnings.addAll(0, sizeWarnings(loaded));
            warnings.addAll(IssueFormRule.warnings(loaded, root.environment.resolve(catalog)));
        } catch (PaperlistException e) {
            if (format == Format.json && e.exitCode() == ExitCode.INVALID_INPUT) {
                out.print(LintReport.json(catalog, e, List.of()));
            }
            throw e;
        }
        switch (format) {
            case json -> out.print(LintReport.json(catalog, null, warnings));
            case github -> warnings.forEach(w -> out.println(GitHubAnnotations.line("warning",
                    GitHubAnnotations.filePath(root.environment, root.environment.resolve(catalog), catalog),
                    w.position().line(), w.position().column(), "paperlist lint: " + w.rule().id(), w.message())));
            default -> {
                warnings.forEach(w -> out.println(w.format(catalog)));
                out.println(catalog + ": " + (warnings.isEmpty() ? "no warnings"
                        : warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")));
            }
        }
        return strict && !warnings.isEmpty() ? ExitCode.STALE.code() : ExitCode.OK.code();
    }

    // The outputs as render would write them, measured against the budget. An output that cannot be
    // rendered (a README without markers) is render's error to report, not lint's.
    private List<LintWarning> sizeWarnings(Catalog loaded) {
        if (loaded.settings().lintDisabled().contains(LintRule.SIZE_BUDGET)) {
            return List.of();
        }
        FileOptions files = new FileOptions();
        files.catalog = catalog;
        List<OutputPlan> plans;
        try {
            plans = files.planOutputs(root.environment, loaded);
        } catch (PaperlistException e) {
            return List.of();
        }
        return SizeBudget.warnings(plans, loaded.settings()).stream()
                .map(w -> new LintWarning(new SourcePosition(1, 1), LintRule.SIZE_BUDGET, w.replaceFirst(": warning: ", ": ")))
                .toList();
    }
}
