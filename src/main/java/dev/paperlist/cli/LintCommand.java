package dev.paperlist.cli;

import dev.paperlist.lint.LintRun;
import dev.paperlist.lint.LintRun.Format;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Option(names = "--strict", description = "Exit 1 when there is any warning.")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or github (workflow annotations); default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        String catalog = catalogOption.catalog;
        Environment env = root.environment;
        return new LintRun(env.resolve(catalog), catalog, format, strict, FileOptions.planner(env, catalog, null),
                w -> GitHubAnnotations.line("warning",
                        GitHubAnnotations.filePath(env, env.resolve(catalog), catalog), w.position().line(), w.position().column(),
                        "paperlist lint: " + w.rule().id(), w.message())).run(spec.commandLine().getOut());
    }
}
