package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.io.LockFile;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.OutputPlanner;
import dev.paperlist.sync.ReadmeSync;
import dev.paperlist.sync.SizeBudget;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist render}: rewrites the generated block of each output from the catalogue. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the list from papers.yaml into README.md (or the catalogue's outputs), between "
                + "the paperlist markers, and write the tag and section pages the settings ask for.",
            "Only the generated block changes; a file is written only if its bytes change; generated pages "
                + "that nothing produces any more are removed."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist render", "  paperlist render --catalog lists/vision.yaml --readme VISION.md",
            "  paperlist render --exit-code     # exit 1 when it rewrote a file (pre-commit)"})
final class RenderCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Mixin FileOptions files;
    @Spec CommandSpec spec;

    @Option(names = "--exit-code",
            description = "Exit 1 when a file was rewritten, as pre-commit expects of hooks that fix files.")
    boolean exitCode;

    @Override
    public Integer call() {
        Environment env = root.environment;
        // The catalogue's lock, as add takes it: a render never reads a catalogue that add is changing.
        try (LockFile lock = LockFile.acquireForDerived(env.resolve(files.catalog), files.catalog, env.lockWait())) {
            // Every output is rendered and staged before any is replaced, so any error leaves all files as they were.
            OutputPlanner.Planned planned = files.planner(env).plan();
            Set<OutputPlan> changed = ReadmeSync.applyAll(planned.plans());
            for (OutputPlan plan : planned.plans()) {
                spec.commandLine().getOut().println(plan.displayName() + (plan.orphan()
                        ? ": removed (paperlist no longer produces it)" : changed.contains(plan) ? ": rendered" : ": up to date"));
            }
            planned.recordWritten();
            if (planned.catalog() != null) {
                SizeBudget.warnings(planned.plans(), planned.catalog().settings())
                        .forEach(spec.commandLine().getErr()::println);
            }
            return exitCode && !changed.isEmpty() ? ExitCode.STALE.code() : ExitCode.OK.code();
        }
    }
}
