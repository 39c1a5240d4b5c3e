package dev.paperlist.cli;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import picocli.CommandLine.Option;

/** The files a command works on, relative to the working folder. Mixed into each command. */
public final class FileOptions {
    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = "papers.yaml",
            description = "The catalogue (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = {"-o", "--readme"}, paramLabel = "FILE", defaultValue = "README.md",
            description = "The README holding the rendered list (default: ${DEFAULT-VALUE}).")
    String readme;

    Catalog loadCatalog(Environment environment) {
        return CatalogLoader.load(environment.resolve(catalog), catalog);
    }

    OutputPlan planReadme(Environment environment) {
        Catalog loaded = loadCatalog(environment);
        return ReadmeSync.plan(loaded, environment.resolve(readme), readme, fileName(catalog));
    }

    private static String fileName(String path) {
        return java.nio.file.Path.of(path).getFileName().toString();
    }
}
