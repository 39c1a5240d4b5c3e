package dev.paperlist.cli;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Output;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
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
        return planOutputs(environment, CatalogLoader.load(environment.resolve(catalog), catalog));
    }

    /** The same for a catalogue already in memory, such as one {@code add} is about to write. */
    List<OutputPlan> planOutputs(Environment environment, Catalog loaded) {
        Path catalogPath = environment.resolve(catalog);
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
            Catalog withLayout = new Catalog(loaded.settings().withLayout(output.layout()), loaded.sections());
            plans.add(ReadmeSync.plan(withLayout, path, displayName(environment, path), catalogName));
        }
        return plans;
    }

    private static String displayName(Environment environment, Path path) {
        Path relative = environment.workingDirectory().relativize(path);
        return relative.startsWith("..") ? path.toString() : relative.toString();
    }
}
