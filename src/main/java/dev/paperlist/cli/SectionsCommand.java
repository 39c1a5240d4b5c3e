package dev.paperlist.cli;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist sections}: the catalogue's section paths, one a line; shell completion reads them. */
@Command(name = "sections", mixinStandardHelpOptions = true,
        description = {"Print the path of every section of papers.yaml, one a line, in page order: the titles from "
                + "the top down, joined by '/'. Shell completion uses it for options that take a section."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist sections", "  paperlist sections --catalog lists/vision.yaml | grep -i dialogue"})
final class SectionsCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Override
    public Integer call() {
        String catalog = catalogOption.catalog;
        var loaded = CatalogLoader.load(root.environment.resolve(catalog), catalog);
        CatalogEditor.sectionPaths(loaded).forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
