package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.add.PaperAdder;
import dev.paperlist.contribute.IssueAddition;
import dev.paperlist.sync.OutputPlanner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperlist add}: inserts a paper into papers.yaml, filled in from arXiv, then renders the outputs. */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add a paper to papers.yaml, filled in from arXiv when --arxiv is given, then render the "
                + "outputs as 'render' does.",
            "The entry is inserted as text at the end of its section (or at --position), in the file's own style; "
                + "nothing else in papers.yaml changes. On a terminal, missing values are asked for."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist add --section \"Multimodal/Large Multimodal Models\" \\",
            "      --arxiv 2402.12226 --code OpenMOSS/AnyGPT",
            "  paperlist add --section Vision --arxiv 2103.00020 --arxiv 2102.03334",
            "  paperlist add --section Vision --name DETR --url https://example.org/detr \\",
            "      --title \"End-to-End Object Detection with Transformers\" \\",
            "      --venue \"ECCV 2020\"",
            "  paperlist add --section Audio --new-section --arxiv 2212.04356 --dry-run",
            "  paperlist add --from-issue issue-body.md --format github-comment > comment.md"})
final class AddCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Mixin FileOptions files;
    @Spec CommandSpec spec;
    @Mixin AddOptions options;

    @Override
    public Integer call() {
        Environment env = root.environment;
        // A submitted form is complete as it is: what it lacks is for the submitter to fix, not for a terminal to ask.
        PaperAdder adder = new PaperAdder(env.resolve(files.catalog), files.catalog, options.fromIssue != null ? null
                : env.terminal(), env.lockWait(), PaperAdder.arxiv(options.arxivApi, env.variables(), env.network()));
        OutputPlanner planner = files.planner(env);
        if (options.fromIssue != null) {
            return IssueAddition.run(adder, options.request(), options.fromIssue, env::resolve, env.stdin(),
                    options.format == AddOptions.Format.GITHUB_COMMENT, planner, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (options.format != AddOptions.Format.TEXT) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist add: --format github-comment needs --from-issue");
        }
        PaperAdder.Outcome outcome = adder.add(options.request(), planner);
        outcome.notes().forEach(spec.commandLine().getErr()::println);
        outcome.out().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
