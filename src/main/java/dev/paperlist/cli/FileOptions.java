package dev.paperlist.cli;

import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Output;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import dev.paperlist.sync.SyncStamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        byte[] catalogBytes = TextFile.readBytes(catalogPath, catalog, CatalogLoader.MAX_BYTES);
        SyncStamp stamp = SyncStamp.of(environment.variables(), catalogPath, readme, environment.workingDirectory(),
                catalogBytes);
        Optional<List<OutputPlan>> proven = stamp.provenCurrent();
        if (proven.isPresent()) {
            return proven.get();
        }
        String text = TextFile.decode(catalogBytes, catalog).text();
        catalogBytes = null; // not needed past here: at 100,000 papers they are 200 MB of the heap
        Catalog loaded = CatalogLoader.parse(text, catalog);
        text = null;
        List<OutputPlan> plans = planAll(environment, catalogPath, loaded);
        stamp.record(plans);
        return plans;
    }

    private List<OutputPlan> planAll(Environment environment, Path catalogPath, Catalog loaded) {
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
