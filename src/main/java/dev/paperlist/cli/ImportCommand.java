package dev.paperlist.cli;

import dev.paperlist.importer.ImportRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist import}: adopts a hand-written list as papers.yaml, optionally putting markers in its place. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a hand-written list and write papers.yaml from it: sections from the headings, papers "
                + "from per-paper field lists, table rows or one-link bullets, and the layout the list uses.",
            "With --write-markers the list in the README is replaced by paperlist's markers and rendered from the "
                + "new catalogue; the text before and after the list stays as it is.",
            "Refuses to overwrite an existing catalogue without --force."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist import README.md --write-markers", "  paperlist import old-list.md --output papers.yaml --force",
            "  paperlist import README.md --strict   # exit 1 on anything not mapped"})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "README", description = "The Markdown list to read.")
    String readme;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "papers.yaml",
            description = "The catalogue to write (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--force", description = "Overwrite the catalogue if it exists.")
    boolean force;

    @Option(names = "--strict", description = "Exit 1 when anything could not be mapped.")
    boolean strict;

    @Option(names = "--write-markers", description = "Replace the list in README by paperlist's markers and render it.")
    boolean writeMarkers;

    @Override
    public Integer call() {
        Environment env = root.environment;
        return new ImportRun(env.resolve(readme), readme, env.resolve(output), output, force, strict, writeMarkers,
                env.lockWait()).run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
