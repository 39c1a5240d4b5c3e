package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import java.io.PrintWriter;
import java.util.List;
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
        FileOptions files = new FileOptions();
        files.catalog = FileOptions.DEFAULT_CATALOG;
        return files.provenByStamp(environment).map(plans -> {
            plans.forEach(plan -> out.println(upToDate(plan)));
            return ExitCode.OK.code();
        }).orElse(null);
    }

    private static String upToDate(OutputPlan plan) {
        return plan.displayName() + ": up to date";
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExitCode result = ExitCode.OK;
        for (OutputPlan plan : files.planOutputs(root.environment)) {
            if (plan.upToDate()) {
                out.println(upToDate(plan));
                continue;
            }
            result = ExitCode.STALE;
            if (plan.orphan()) {
                spec.commandLine().getErr().println(plan.displayName() + " is orphaned: " + files.catalog
                        + " no longer produces it; run: paperlist render");
                continue;
            }
            String problem = plan.displayName() + (plan.current() == null ? " does not exist"
                    : " is out of date with " + files.catalog) + "; run: paperlist render";
            if (format == Format.github) {
                List<Integer> lines = ReadmeSync.firstDifferingLines(plan);
                for (int line : lines.subList(0, Math.min(lines.size(), GitHubAnnotations.MAX_PER_FILE))) {
                    out.println(GitHubAnnotations.line("error",
                            GitHubAnnotations.filePath(root.environment, plan.path(), plan.displayName()), plan.current() == null ? 0 : line,
                            0, "paperlist check", problem));
                }
            }
            out.print(ReadmeSync.diff(plan));
            spec.commandLine().getErr().println(problem);
        }
        return result.code();
    }
}
