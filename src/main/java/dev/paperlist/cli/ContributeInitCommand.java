package dev.paperlist.cli;

import dev.paperlist.contribute.FormFile;
import dev.paperlist.contribute.IssueForm;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperlist contribute init}: writes the issue form for the catalogue's sections. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write the GitHub issue form " + IssueForm.PATH + " next to the catalogue: a dropdown of "
                + "the catalogue's sections, the arXiv id or URL, title, URL, short name, code repository, venue, "
                + "topics and note links. Run it again when the sections change; 'paperlist lint' warns until then."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist contribute init", "  paperlist contribute init --catalog lists/papers.yaml"})
final class ContributeInitCommand implements Callable<Integer> {
    @ParentCommand ContributeCommand contribute;
    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the form here (default: " + IssueForm.PATH + " in the catalogue's folder).")
    String output;

    @Override
    public Integer call() {
        String catalog = catalogOption.catalog;
        Environment env = contribute.root.environment;
        Path catalogPath = env.resolve(catalog);
        Path form = output != null ? env.resolve(output) : catalogPath.getParent().resolve(IssueForm.PATH);
        spec.commandLine().getOut().println(FormFile.init(catalogPath, catalog, form, Paths.display(env, form)));
        return 0;
    }
}
