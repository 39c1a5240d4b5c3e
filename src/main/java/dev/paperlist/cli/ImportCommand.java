package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.CatalogWriter;
import dev.paperlist.importer.ListImporter;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.TextFile;
import dev.paperlist.sync.ReadmeSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist import}: adopts a hand-written list in the notes layout as papers.yaml. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a hand-written list (notes layout: a heading and a field list per paper) and write "
                + "papers.yaml from it.", "Refuses to overwrite an existing catalogue without --force."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist import README.md", "  paperlist import old-list.md --output papers.yaml --force"})
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

    @Override
    public Integer call() {
        Path target = root.environment.resolve(output);
        if (Files.exists(target) && !force) {
            throw new PaperlistException(ExitCode.IO, output + ": already exists; use --force to overwrite it");
        }
        String markdown = TextFile.read(root.environment.resolve(readme), readme, ReadmeSync.MAX_README_BYTES).text();
        ListImporter.Result result = new ListImporter().read(markdown, readme);
        String yaml = CatalogWriter.write(result.catalog());
        // What is written must load back as the same catalogue; a writer defect must not reach the disk.
        CatalogLoader.parse(yaml, output);
        AtomicWriter.write(target, yaml.getBytes(StandardCharsets.UTF_8), output);
        result.warnings().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getOut().println(output + ": imported " + result.catalog().distinctPapers().size()
                + " papers from " + readme);
        return strict && !result.warnings().isEmpty() ? ExitCode.STALE.code() : ExitCode.OK.code();
    }
}
