package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.CatalogWriter;
import dev.paperlist.importer.ListImporter;
import dev.paperlist.io.FileTransaction;
import dev.paperlist.io.LockFile;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path target = root.environment.resolve(output);
        if (Files.exists(target) && !force) {
            throw new PaperlistException(ExitCode.IO, output + ": already exists; use --force to overwrite it");
        }
        Path readmePath = root.environment.resolve(readme);
        TextFile file = TextFile.read(readmePath, readme, ReadmeSync.MAX_README_BYTES);
        ListImporter.Result result = new ListImporter().read(file.text(), readme);
        String yaml = CatalogWriter.write(result.catalog());
        // What is written must load back as the same catalogue; a writer defect must not reach the disk.
        Catalog written = CatalogLoader.parse(yaml, output);
        OutputPlan plan = null;
        if (writeMarkers) {
            // Everything is computed before the first write, so a failure leaves both files as they were.
            String catalogName = target.getFileName().toString();
            plan = ReadmeSync.plan(written, readmePath, file, catalogName, result.withMarkers(file.text()));
        }
        // Both files or neither, under the catalogue's lock, as render and add take it.
        try (LockFile lock = LockFile.acquireForDerived(target, output, root.environment.lockWait())) {
            FileTransaction transaction = new FileTransaction();
            transaction.write(target, TextFile.encodeLike(target, yaml), output);
            if (plan != null && !plan.upToDate()) {
                transaction.write(plan.path(), plan.renderedBytes(), plan.displayName());
            }
            transaction.commit();
        }
        result.warnings().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getOut().println(output + ": imported " + result.catalog().distinctPapers().size()
                + " papers from " + readme);
        return strict && !result.warnings().isEmpty() ? ExitCode.STALE.code() : ExitCode.OK.code();
    }
}
