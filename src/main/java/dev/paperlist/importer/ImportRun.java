package dev.paperlist.importer;

import dev.paperlist.ExitCode;
import dev.paperlist.Futures;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.io.FileTransaction;
import dev.paperlist.io.LockFile;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.ReadmeSync;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * {@code paperlist import} from README to files: reads the list, writes the catalogue (and with markers the
 * README) under the catalogue's lock, both or neither, and reports what was imported.
 *
 * @param readmeName the README as given, for messages
 * @param outputName the catalogue as given, for messages
 */
public record ImportRun(Path readme, String readmeName, Path output, String outputName, boolean force,
                        boolean strict, boolean writeMarkers, Duration lockWait) {
    /** From how many papers the catalogue is written and loaded back in halves (some 4 MB of YAML). */
    static final int HALVES_FROM = 2_000;

    /** Imports; prints the warnings to {@code err} and the summary to {@code out}; returns the exit code. */
    public int run(PrintWriter out, PrintWriter err) {
        if (Files.exists(output) && !force) {
            throw new PaperlistException(ExitCode.IO, outputName + ": already exists; use --force to overwrite it");
        }
        TextFile file = TextFile.read(readme, readmeName, ReadmeSync.MAX_README_BYTES);
        ListImporter.Result result = new ListImporter().read(file.text(), readmeName);
        String text = null;
        InHalves large = null;
        Catalog written;
        if (result.catalog().distinctPapers().size() < HALVES_FROM) {
            text = CatalogWriter.write(result.catalog());
            // What is written must load back as the same catalogue; a writer defect must not reach the disk.
            written = CatalogLoader.parse(text, outputName);
        } else {
            large = InHalves.of(result.catalog(), outputName);
            written = large.loaded();
        }
        OutputPlan plan = null;
        if (writeMarkers) {
            // Everything is computed before the first write, so a failure leaves both files as they were.
            String catalogName = output.getFileName().toString();
            plan = ReadmeSync.plan(written, readme, file, catalogName, result.withMarkers(file.text()));
        }
        // Both files or neither, under the catalogue's lock, as render and add take it.
        try (LockFile lock = LockFile.acquireForDerived(output, outputName, lockWait)) {
            FileTransaction transaction = new FileTransaction();
            // Encoded under the lock, like the existing file whose byte-order mark and line ends it keeps.
            transaction.write(output, large != null ? TextFile.encodeLike(output, large.head(), large.tail())
                    : TextFile.encodeLike(output, text), outputName);
            if (plan != null && !plan.upToDate()) {
                transaction.write(plan.path(), plan.renderedBytes(), plan.displayName());
            }
            transaction.commit();
        }
        result.warnings().forEach(err::println);
        out.println(outputName + ": imported " + result.catalog().distinctPapers().size() + " papers from " + readmeName);
        // How much of the list its entry templates describe, where it writes entries its own way.
        long kept = result.catalog().distinctPapers().stream().filter(p -> p.extra().containsKey(Paper.WRITTEN)).count();
        int templates = result.catalog().settings().entries().size() + sectionTemplates(result.catalog().sections());
        String keptText = kept + " entr" + (kept == 1 ? "y is" : "ies are") + " kept as written";
        if (templates > 0) {
            out.println(outputName + ": " + templates + " entry template" + (templates == 1 ? " describes" : "s describe")
                    + " how the list writes its entries; " + keptText);
        } else if (kept > 0) {
            out.println(outputName + ": " + keptText + ", as the layout would write " + (kept == 1 ? "it" : "them")
                    + " otherwise");
        }
        return strict && !result.warnings().isEmpty() ? ExitCode.STALE.code() : ExitCode.OK.code();
    }

    private static int sectionTemplates(java.util.List<dev.paperlist.model.Section> sections) {
        return sections.stream().mapToInt(s -> s.entries().size() + sectionTemplates(s.sections())).sum();
    }

    /**
     * A large catalogue written and loaded back a half on each of two threads: the same text, and the same proof
     * that it loads, as the whole at once; its bytes are made from the two pieces, never joined into one text.
     */
    private record InHalves(String head, String tail, Catalog loaded) {
        static InHalves of(Catalog catalog, String outputName) {
            ExecutorService side = Futures.daemonExecutor("paperlist-write");
            try {
                CatalogWriter.Halves halves = CatalogWriter.writeInHalves(catalog, side);
                Catalog loaded = CatalogLoader.parse(halves.head(), halves.tail(), outputName, side);
                // Encoded after the load rather than beside it: with the two halves read at once there is no free
                // core for it, and the bytes would be one more copy of the catalogue alive meanwhile.
                return new InHalves(halves.head(), halves.tail(), loaded);
            } finally {
                side.shutdownNow();
            }
        }
    }
}
