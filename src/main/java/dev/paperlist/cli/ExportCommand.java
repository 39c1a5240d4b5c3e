package dev.paperlist.cli;

import dev.paperlist.export.ExportRun;
import dev.paperlist.export.ExportRun.Format;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "bibtex, json or csv.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    String output;

    @Override
    public Integer call() {
        String catalog = catalogOption.catalog;
        Environment env = root.environment;
        return new ExportRun(env.resolve(catalog), catalog, format, output == null ? null : env.resolve(output), output,
                env.lockWait()).run(spec.commandLine().getOut());
    }
}
