package dev.paperlist.sync;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.TextFile;
import dev.paperlist.metrics.Metrics;
import dev.paperlist.metrics.MetricsFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Output;
import dev.paperlist.model.Settings;
import dev.paperlist.render.PaperOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which files a catalogue renders into and what each should hold: each README (the {@code --readme} file,
 * the catalogue's outputs, or README.md) with its section pages, then the tag pages, with the figures of
 * the metrics data file when the settings show them. {@code render}, {@code check}, {@code lint} and
 * {@code add} all plan their outputs here.
 *
 * @param catalog the catalogue's path
 * @param catalogName the catalogue as messages name it
 * @param readmeOption the {@code --readme} file as given, relative to the working folder, or {@code null}
 * @param variables the environment, for the stamp's cache folder
 * @param display how messages name a file
 */
public record OutputPlanner(Path catalog, String catalogName, String readmeOption, Path workingDirectory,
                            Map<String, String> variables, Function<Path, String> display) {

    /**
     * The loaded catalogue and one plan per file it renders into; the catalogue is {@code null} when a
     * stamp of the last render proved every output current without loading it. {@code pageFolders} are
     * the folders the settings write pages to, whether or not they receive any now.
     */
    public record Planned(Catalog catalog, List<OutputPlan> plans, List<Path> pageFolders, SyncStamp stamp) {
        /** Records the stamp of a full plan that found no orphans: the outputs should hold the rendered bytes. */
        public void recordPlan() {
            if (catalog != null && plans.stream().noneMatch(OutputPlan::orphan)) {
                recordWritten();
            }
        }

        /** Records the stamp after every plan was written and every orphan removed. */
        public void recordWritten() {
            if (catalog != null && stamp != null) {
                stamp.record(plans, pageFolders, !catalog.settings().metrics().equals(Settings.Metrics.OFF));
            }
        }
    }

    /** The plans, after recording the stamp when they prove the outputs current; for {@code check}. */
    public List<OutputPlan> planAndStamp() {
        Planned planned = plan();
        planned.recordPlan();
        return planned.plans();
    }

    /**
     * Every file the catalogue renders into, orphaned pages included. Records no stamp: the caller does,
     * once the outputs hold what it proves.
     */
    public Planned plan() {
        byte[] catalogBytes = TextFile.readBytes(catalog, catalogName, CatalogLoader.MAX_BYTES);
        MetricsBytes metrics = metricsBytes();
        SyncStamp stamp = stamp(catalogBytes, metrics);
        Optional<List<OutputPlan>> proven = stamp.provenCurrent();
        if (proven.isPresent()) {
            return new Planned(null, proven.get(), List.of(), stamp);
        }
        Catalog loaded = CatalogLoader.parse(catalogBytes, catalogName);
        catalogBytes = null; // not needed past here: at 100,000 papers they are 200 MB of the heap
        return plan(loaded, metrics, stamp);
    }

    /**
     * The outputs, when the stamp of the last render proves them all current; empty when it does not, or
     * when the catalogue cannot be read (the full plan then reports why).
     */
    public Optional<List<OutputPlan>> provenByStamp() {
        try {
            return stamp(TextFile.readBytes(catalog, catalogName, CatalogLoader.MAX_BYTES), metricsBytes())
                    .provenCurrent();
        } catch (PaperlistException e) {
            return Optional.empty();
        }
    }

    /** The plans for a catalogue already in memory, such as one {@code add} is about to write. */
    public List<OutputPlan> plan(Catalog loaded) {
        return plan(loaded, metricsBytes(), null).plans();
    }

    private SyncStamp stamp(byte[] catalogBytes, MetricsBytes metrics) {
        return SyncStamp.of(variables, catalog, readmeOption, workingDirectory, catalogBytes, metrics::get);
    }

    private MetricsBytes metricsBytes() {
        return new MetricsBytes(MetricsFile.besides(catalog), display);
    }

    /**
     * The metrics data file's bytes, read at most once: by the stamp when it was recorded with figures, or
     * by the plan when the settings show them; {@code null} when there is no such file.
     */
    private static final class MetricsBytes {
        private final Path path;
        private final String displayName;
        private byte[] bytes;
        private boolean read;

        MetricsBytes(Path path, Function<Path, String> display) {
            this.path = path;
            this.displayName = display.apply(path);
        }

        byte[] get() {
            if (!read) {
                bytes = Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                        ? TextFile.readBytes(path, displayName, MetricsFile.MAX_BYTES) : null;
                read = true;
            }
            return bytes;
        }

        // The catalogue with the figures of the data file, in the order its settings ask for.
        Catalog withFigures(Catalog loaded) {
            if (loaded.settings().metrics().equals(Settings.Metrics.OFF)) {
                return loaded;
            }
            Metrics figures = get() == null ? Metrics.EMPTY : MetricsFile.parse(get(), displayName);
            return PaperOrder.apply(loaded.withFigures(figures));
        }
    }

    private Planned plan(Catalog asLoaded, MetricsBytes metrics, SyncStamp stamp) {
        Catalog loaded = metrics.withFigures(asLoaded);
        String fileName = catalog.getFileName().toString();
        Path folder = catalog.getParent();
        List<OutputPlan> plans = new ArrayList<>();
        List<Path> pageFolders = new ArrayList<>();
        List<Output> outputs = loaded.settings().outputs();
        Settings.Split split = loaded.settings().split();
        Path mainReadme;
        if (readmeOption != null || outputs.isEmpty()) {
            String file = readmeOption != null ? readmeOption : "README.md";
            mainReadme = workingDirectory.resolve(file).normalize();
            plans.addAll(ReadmeSync.planWithPages(loaded, mainReadme, file, fileName));
            if (split != null) {
                pageFolders.add(mainReadme.getParent().resolve(split.folder()).normalize());
            }
        } else {
            mainReadme = folder.resolve(outputs.get(0).file()).normalize();
            for (Output output : outputs) {
                Path path = folder.resolve(output.file()).normalize();
                requireInside(folder, path, output.file());
                Catalog withLayout = new Catalog(output.settings(loaded.settings()), loaded.sections(),
                        loaded.figures());
                plans.addAll(ReadmeSync.planWithPages(withLayout, path, display.apply(path), fileName));
                if (split != null) {
                    pageFolders.add(path.getParent().resolve(split.folder()).normalize());
                }
            }
        }
        if (loaded.settings().tagPages() != null) {
            Path tags = folder.resolve(loaded.settings().tagPages().folder()).normalize();
            requireInside(folder, tags.resolve("README.md"), loaded.settings().tagPages().folder());
            pageFolders.add(tags);
            plans.addAll(ReadmeSync.planTagPages(loaded, folder, display.apply(tags), fileName, mainReadme));
        }
        Map<Path, OutputPlan> byPath = new HashMap<>();
        for (OutputPlan plan : plans) {
            OutputPlan other = byPath.putIfAbsent(plan.path(), plan);
            if (other != null) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, catalogName + ": " + plan.displayName()
                        + " would be written twice (as an output and as a generated page, or by two outputs);"
                        + " change 'outputs', 'tag_pages' or 'split_sections'");
            }
        }
        return new Planned(loaded, plans, pageFolders, stamp);
    }

    /**
     * The loader keeps an output's path inside the catalogue's folder as written; this keeps it there on
     * disk too, where a folder on the way may be a symbolic link (a pull request can add one) leading to
     * any file the user may write.
     */
    private void requireInside(Path folder, Path path, String file) {
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
}
