package dev.paperlist.cli;

import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist render}: rewrites the generated block of the README from the catalogue. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the list from papers.yaml into README.md, between the paperlist markers.",
            "Only the generated block changes; the file is written only if its bytes change."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist render", "  paperlist render --catalog lists/vision.yaml --readme VISION.md"})
final class RenderCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Mixin FileOptions files;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        OutputPlan plan = files.planReadme(root.environment);
        boolean wrote = ReadmeSync.apply(plan);
        spec.commandLine().getOut().println(plan.displayName() + (wrote ? ": rendered" : ": up to date"));
        return 0;
    }
}
