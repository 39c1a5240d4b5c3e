package dev.paperlist.lint;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.yaml.SourceIndex;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.OutputPlanner;
import dev.paperlist.sync.SizeBudget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code paperlist lint} from catalogue to exit code: the loader's validation, the lint rules, the size
 * budget of the outputs and the issue form's sections, printed as text, JSON or GitHub annotations.
 *
 * @param catalogName the catalogue as messages name it
 * @param outputs plans the outputs as render would write them
 * @param annotate a warning as a GitHub workflow annotation line
 */
public record LintRun(Path catalog, String catalogName, Format format, boolean strict,
                      OutputPlanner outputs, Function<LintWarning, String> annotate) {
    /** How the warnings are printed. */
    public enum Format { text, json, github }

    /** Lints, prints to {@code out} and returns the exit code. */
    public int run(PrintWriter out) {
        List<LintWarning> warnings;
        try {
            String text = TextFile.read(catalog, catalogName, CatalogLoader.MAX_BYTES).text();
            Catalog loaded = CatalogLoader.parse(text, catalogName);
            warnings = new ArrayList<>(Linter.lint(loaded, SourceIndex.of(text, catalogName)));
            warnings.addAll(0, sizeWarnings(loaded));
            warnings.addAll(IssueFormRule.warnings(loaded, catalog));
        } catch (PaperlistException e) {
            if (format == Format.json && e.exitCode() == ExitCode.INVALID_INPUT) {
                out.print(LintReport.json(catalogName, e, List.of()));
            }
            throw e;
        }
        switch (format) {
            case json -> out.print(LintReport.json(catalogName, null, warnings));
            case github -> warnings.forEach(w -> out.println(annotate.apply(w)));
            default -> {
                warnings.forEach(w -> out.println(w.format(catalogName)));
                out.println(catalogName + ": " + (warnings.isEmpty() ? "no warnings"
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
        List<OutputPlan> plans;
        try {
            plans = outputs.plan(loaded);
        } catch (PaperlistException e) {
            return List.of();
        }
        return SizeBudget.warnings(plans, loaded.settings()).stream()
                .map(w -> new LintWarning(new SourcePosition(1, 1), LintRule.SIZE_BUDGET, w.replaceFirst(": warning: ", ": ")))
                .toList();
    }
}
