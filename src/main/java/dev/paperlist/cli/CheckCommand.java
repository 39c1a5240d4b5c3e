package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist check}: fails, with a diff, when an output is not what the catalogue renders. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that README.md (or each of the catalogue's outputs), and each tag and section page, "
                + "is exactly what papers.yaml renders. Writes nothing.",
            "Exit 0 when in sync; exit 1 with a unified diff when not."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist check", "  paperlist check || paperlist render"})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Mixin FileOptions files;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ExitCode result = ExitCode.OK;
        for (OutputPlan plan : files.planOutputs(root.environment)) {
            if (plan.upToDate()) {
                spec.commandLine().getOut().println(plan.displayName() + ": up to date");
                continue;
            }
            result = ExitCode.STALE;
            if (plan.orphan()) {
                spec.commandLine().getErr().println(plan.displayName() + " is orphaned: " + files.catalog
                        + " no longer produces it; run: paperlist render");
                continue;
            }
            spec.commandLine().getOut().print(ReadmeSync.diff(plan));
            spec.commandLine().getErr().println(plan.displayName() + (plan.current() == null ? " does not exist"
                    : " is out of date with " + files.catalog) + "; run: paperlist render");
        }
        return result.code();
    }
}
