package dev.paperlist.cli;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.LockFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.site.SiteFolder;
import dev.paperlist.site.SiteRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist site}: writes the catalogue as a self-contained static HTML site. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Write the list as a static HTML site: index.html with every section, tags/index.html with "
                + "every topic, and a page per topic.",
            "The pages need no server and no network (they work from file://); only changed pages are written."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist site --output site/", "  paperlist site --output docs/ --title \"Multimodal papers\""})
final class SiteCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Option(names = "--output", paramLabel = "FOLDER", defaultValue = "site",
            description = "The folder to write the site into (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Paper list",
            description = "The site's name, shown on every page (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() {
        String catalog = catalogOption.catalog;
        String folder = output.replaceAll("/+$", "");
        Path target = root.environment.resolve(folder.isEmpty() ? "." : folder);
        SiteFolder.Result result;
        // The catalogue's lock, as add takes it: the site is never made from a catalogue add is changing.
        try (LockFile lock = LockFile.acquireForDerived(root.environment.resolve(catalog), catalog,
                root.environment.lockWait())) {
            Catalog loaded = CatalogLoader.load(root.environment.resolve(catalog), catalog);
            result = SiteFolder.write(target, folder, SiteRenderer.render(loaded, title));
        }
        spec.commandLine().getOut().println(folder + "/: " + result.written() + " written, " + result.unchanged()
                + " unchanged, " + result.removed() + " removed");
        return 0;
    }
}
