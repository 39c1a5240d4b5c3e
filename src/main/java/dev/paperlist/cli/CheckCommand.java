package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.sync.OutputCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist check}: fails, with a diff, when an output is not what the catalogue renders. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that README.md (or each of the catalogue's outputs), and each tag and section page, "
                + "is exactly what papers.yaml renders. Writes nothing.",
            "Exit 0 when in sync; exit 1 with a unified diff when not. With --format github, each differing "
                + "stretch also gets an ::error annotation that GitHub shows on the pull request."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist check", "  paperlist check || paperlist render",
            "  paperlist check --format github      # in a GitHub Actions step"})
final class CheckCommand implements Callable<Integer> {
    /** How a stale output is reported. */
    enum Format { text, github }

    @ParentCommand RootCommand root;
    @Mixin FileOptions files;
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a unified diff) or github (workflow annotations, then the diff); "
                    + "default: ${DEFAULT-VALUE}.")
    Format format;

    /**
     * {@code paperlist check} with no options, answered from the stamp of the last render without building
     * the command line: picocli's reflective set-up is most of a small check, which runs on every commit.
     * Null when the stamp does not prove every output current; the full command then runs.
     */
    static Integer fromStamp(Environment environment, PrintWriter out) {
        return FileOptions.planner(environment, CatalogOption.DEFAULT_CATALOG, null).provenByStamp().map(plans -> {
            plans.forEach(plan -> out.println(OutputCheck.upToDate(plan)));
            return ExitCode.OK.code();
        }).orElse(null);
    }

    @Override
    public Integer call() {
        Environment env = root.environment;
        OutputCheck.Annotator github = format != Format.github ? null : (plan, line, problem) -> GitHubAnnotations.line(
                "error", GitHubAnnotations.filePath(env, plan.path(), plan.displayName()), line, 0, "paperlist check", problem);
        return new OutputCheck(files.catalog, github, GitHubAnnotations.MAX_PER_FILE)
                .report(files.planner(env).planAndStamp(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
