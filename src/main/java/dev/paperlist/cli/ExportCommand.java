package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.export.BibtexExporter;
import dev.paperlist.export.CsvExporter;
import dev.paperlist.export.JsonExporter;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.LockFile;
import dev.paperlist.model.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist export}: the catalogue as BibTeX, JSON or CSV, for citing and for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every paper of the catalogue as BibTeX, JSON or CSV, to standard output or a file."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist export --format bibtex > papers.bib", "  paperlist export --format csv --output papers.csv"})
final class ExportCommand implements Callable<Integer> {
    /** The formats, as --format spells them. */
    enum Format { bibtex, json, csv }

    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = "papers.yaml",
            description = "The catalogue (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "bibtex, json or csv.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    String output;

    @Override
    public Integer call() {
        if (output == null) {
            spec.commandLine().getOut().print(export(CatalogLoader.load(root.environment.resolve(catalog), catalog)));
            return 0;
        }
        // A file written from the catalogue takes its lock, as add does.
        try (LockFile lock = LockFile.acquireForDerived(root.environment.resolve(catalog), catalog,
                root.environment.lockWait())) {
            Catalog loaded = CatalogLoader.load(root.environment.resolve(catalog), catalog);
            write(root.environment.resolve(output), export(loaded));
            spec.commandLine().getOut().println(output + ": exported " + loaded.distinctPapers().size() + " papers as "
                    + format);
        }
        return 0;
    }

    private String export(Catalog loaded) {
        return switch (format) {
            case bibtex -> BibtexExporter.export(loaded);
            case json -> JsonExporter.export(loaded);
            case csv -> CsvExporter.export(loaded);
        };
    }

    private void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, output + ": cannot create its folder: " + IoMessages.describe(e), e);
        }
        AtomicWriter.write(target, text.getBytes(StandardCharsets.UTF_8), output);
    }
}
