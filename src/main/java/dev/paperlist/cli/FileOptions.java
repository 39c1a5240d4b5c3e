package dev.paperlist.cli;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Output;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The files a command works on, relative to the working folder. Mixed into each command. */
public final class FileOptions {
    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = "papers.yaml",
            description = "The catalogue (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = {"-o", "--readme"}, paramLabel = "FILE",
            description = "Render into this file only, in the catalogue's layout (default: the catalogue's "
                    + "'outputs', or README.md).")
    String readme;

    /** One plan per output file: the --readme file, the catalogue's outputs, or README.md. */
    List<OutputPlan> planOutputs(Environment environment) {
        Path catalogPath = environment.resolve(catalog);
        Catalog loaded = CatalogLoader.load(catalogPath, catalog);
        String catalogName = catalogPath.getFileName().toString();
        List<OutputPlan> plans = new ArrayList<>();
        List<Output> outputs = loaded.settings().outputs();
        if (readme != null || outputs.isEmpty()) {
            String file = readme != null ? readme : "README.md";
            plans.add(ReadmeSync.plan(loaded, environment.resolve(file), file, catalogName));
            return plans;
        }
        Path folder = catalogPath.getParent();
        for (Output output : outputs) {
            Path path = folder.resolve(output.file()).normalize();
            requireInside(folder, path, output.file(), catalog);
            Catalog withLayout = new Catalog(loaded.settings().withLayout(output.layout()), loaded.sections());
            plans.add(ReadmeSync.plan(withLayout, path, displayName(environment, path), catalogName));
        }
        return plans;
    }

    /**
     * The loader keeps an output's path inside the catalogue's folder as written; this keeps it there on
     * disk too, where a folder on the way may be a symbolic link (a pull request can add one) leading to
     * any file the user may write.
     */
    private static void requireInside(Path folder, Path path, String file, String catalogName) {
        try {
            Path realFolder = folder.toRealPath();
            Path existing = path.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realFolder)) {
                throw new PaperlistException(ExitCode.IO, catalogName + ": output '" + file + "' leads outside the "
                        + "catalogue's folder through a symbolic link; paperlist writes only inside it");
            }
        } catch (IOException e) {
            // Nothing to resolve; writing reports what is wrong with the path.
        }
    }

    private static String displayName(Environment environment, Path path) {
        return Paths.display(environment, path);
    }
}
