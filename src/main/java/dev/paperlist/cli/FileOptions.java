package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.TextFile;
import dev.paperlist.metrics.MetricsFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Output;
import dev.paperlist.model.Settings;
import dev.paperlist.render.PaperOrder;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import dev.paperlist.sync.SyncStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The files a command works on (the catalogue and its README), relative to the working folder. Mixed in. */
public final class FileOptions extends CatalogOption {

    @Option(names = {"-o", "--readme"}, paramLabel = "FILE",
            description = "Render into this file only, in the catalogue's layout (default: the catalogue's "
                    + "'outputs', or README.md).")
    String readme;

    /**
     * The loaded catalogue and one plan per file it renders into; the catalogue is {@code null} when a
     * stamp of the last render proved every output current without loading it. {@code pageFolders} are
     * the folders the settings write pages to, whether or not they receive any now.
     */
    record Planned(Catalog catalog, List<OutputPlan> plans, List<Path> pageFolders, SyncStamp stamp) {
        /** Records the stamp of a full plan that found no orphans: the outputs should hold the rendered bytes. */
        void recordPlan() {
            if (catalog != null && plans.stream().noneMatch(OutputPlan::orphan)) {
                stamp.record(plans, pageFolders);
            }
        }

        /** Records the stamp after every plan was written and every orphan removed. */
        void recordWritten() {
            if (catalog != null) {
                stamp.record(plans, pageFolders);
            }
        }
    }

    /** One plan per output file: the --readme file, the catalogue's outputs, or README.md; then the pages. */
    List<OutputPlan> planOutputs(Environment environment) {
        Planned planned = plan(environment);
        planned.recordPlan();
        return planned.plans();
    }

    /**
     * Every file the catalogue renders into: each README (the --readme file, the catalogue's outputs, or
     * README.md) with its section pages, then the tag pages; orphaned pages are plans too. Records no stamp:
     * the caller does, once the outputs hold what it proves.
     */
    Planned plan(Environment environment) {
        Path catalogPath = environment.resolve(catalog);
        byte[] catalogBytes = TextFile.readBytes(catalogPath, catalog, CatalogLoader.MAX_BYTES);
        SyncStamp stamp = SyncStamp.of(environment.variables(), catalogPath, readme, environment.workingDirectory(),
                withMetrics(catalogPath, catalogBytes));
        Optional<List<OutputPlan>> proven = stamp.provenCurrent();
        if (proven.isPresent()) {
            return new Planned(null, proven.get(), List.of(), stamp);
        }
        Catalog loaded = CatalogLoader.parse(catalogBytes, catalog);
        catalogBytes = null; // not needed past here: at 100,000 papers they are 200 MB of the heap
        Planned planned = plan(environment, loaded);
        return new Planned(loaded, planned.plans(), planned.pageFolders(), stamp);
    }

    /**
     * The outputs, when the stamp of the last render proves them all current; empty when it does not, or
     * when the catalogue cannot be read (the full plan then reports why).
     */
    Optional<List<OutputPlan>> provenByStamp(Environment environment) {
        try {
            Path catalogPath = environment.resolve(catalog);
            byte[] catalogBytes = TextFile.readBytes(catalogPath, catalog, CatalogLoader.MAX_BYTES);
            return SyncStamp.of(environment.variables(), catalogPath, readme, environment.workingDirectory(),
                    withMetrics(catalogPath, catalogBytes)).provenCurrent();
        } catch (PaperlistException e) {
            return Optional.empty();
        }
    }

    /**
     * What a render depends on besides the code: the catalogue's bytes, and the metrics data file's bytes
     * when there is one (its figures can be part of the outputs), so that a refresh invalidates the stamp.
     */
    private static byte[] withMetrics(Path catalogPath, byte[] catalogBytes) {
        Path metrics = MetricsFile.besides(catalogPath);
        if (!Files.isRegularFile(metrics)) {
            return catalogBytes;
        }
        try {
            byte[] more = Files.readAllBytes(metrics);
            byte[] both = java.util.Arrays.copyOf(catalogBytes, catalogBytes.length + 1 + more.length);
            System.arraycopy(more, 0, both, catalogBytes.length + 1, more.length);
            return both;
        } catch (IOException e) {
            // Unreadable: the full plan reads it again and reports why.
            return catalogBytes;
        }
    }

    /** The catalogue with the figures of its metrics data file, in the order its settings ask for. */
    private static Catalog withFigures(Path catalogPath, Environment environment, Catalog loaded) {
        if (loaded.settings().metrics().equals(Settings.Metrics.OFF)) {
            return loaded;
        }
        Path metrics = MetricsFile.besides(catalogPath);
        return PaperOrder.apply(loaded.withFigures(MetricsFile.read(metrics, Paths.display(environment, metrics))));
    }

    /** The same for a catalogue already in memory, such as one {@code add} is about to write. */
    List<OutputPlan> planOutputs(Environment environment, Catalog loaded) {
        return plan(environment, loaded).plans();
    }

    private Planned plan(Environment environment, Catalog asLoaded) {
        Path catalogPath = environment.resolve(catalog);
        Catalog loaded = withFigures(catalogPath, environment, asLoaded);
        String catalogName = catalogPath.getFileName().toString();
        Path folder = catalogPath.getParent();
        List<OutputPlan> plans = new ArrayList<>();
        List<Path> pageFolders = new ArrayList<>();
        List<Output> outputs = loaded.settings().outputs();
        Settings.Split split = loaded.settings().split();
        Path mainReadme;
        if (readme != null || outputs.isEmpty()) {
            String file = readme != null ? readme : "README.md";
            mainReadme = environment.resolve(file);
            plans.addAll(ReadmeSync.planWithPages(loaded, mainReadme, file, catalogName));
            if (split != null) {
                pageFolders.add(mainReadme.getParent().resolve(split.folder()).normalize());
            }
        } else {
            mainReadme = folder.resolve(outputs.get(0).file()).normalize();
            for (Output output : outputs) {
                Path path = folder.resolve(output.file()).normalize();
                requireInside(folder, path, output.file(), catalog);
                Catalog withLayout = new Catalog(loaded.settings().withLayout(output.layout()), loaded.sections(),
                        loaded.figures());
                plans.addAll(ReadmeSync.planWithPages(withLayout, path, displayName(environment, path), catalogName));
                if (split != null) {
                    pageFolders.add(path.getParent().resolve(split.folder()).normalize());
                }
            }
        }
        if (loaded.settings().tagPages() != null) {
            Path tags = folder.resolve(loaded.settings().tagPages().folder()).normalize();
            requireInside(folder, tags.resolve("README.md"), loaded.settings().tagPages().folder(), catalog);
            pageFolders.add(tags);
            plans.addAll(ReadmeSync.planTagPages(loaded, folder, displayName(environment, tags), catalogName,
                    mainReadme));
        }
        Map<Path, OutputPlan> byPath = new HashMap<>();
        for (OutputPlan plan : plans) {
            OutputPlan other = byPath.putIfAbsent(plan.path(), plan);
            if (other != null) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, catalog + ": " + plan.displayName()
                        + " would be written twice (as an output and as a generated page, or by two outputs);"
                        + " change 'outputs', 'tag_pages' or 'split_sections'");
            }
        }
        return new Planned(loaded, plans, pageFolders, null);
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
